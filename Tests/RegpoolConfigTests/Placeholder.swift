import XCTest
final class RegpoolConfigTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
