import XCTest
final class RegpoolModelTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
