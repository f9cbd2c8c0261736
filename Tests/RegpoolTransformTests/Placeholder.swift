import XCTest
final class RegpoolTransformTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
