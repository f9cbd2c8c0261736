import XCTest
final class RegpoolLoadTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
