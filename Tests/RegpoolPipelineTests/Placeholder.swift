import XCTest
final class RegpoolPipelineTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
