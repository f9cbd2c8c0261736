import XCTest
final class RegpoolExtractTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
