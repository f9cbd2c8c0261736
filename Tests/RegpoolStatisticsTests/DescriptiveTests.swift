import XCTest

@testable import RegpoolStatistics

final class DescriptiveTests: XCTestCase {
    func testMedianOfOddAndEvenCounts() {
        XCTAssertEqual(Descriptive.median([71.2, 50.1, 88]), 71.2)
        XCTAssertEqual(Descriptive.median([4, 1, 3, 2]), 2.5, "(2 + 3) / 2")
        XCTAssertEqual(Descriptive.median([0.1, 0.2]), (0.1 + 0.2) / 2, "DuckDB's (lo + hi) / 2, to the bit")
        XCTAssertEqual(Descriptive.median([5]), 5)
    }

    func testMinimumAndMaximum() {
        XCTAssertEqual(Descriptive.minimum([3, -1, 2]), -1)
        XCTAssertEqual(Descriptive.maximum([3, -1, 2]), 3)
    }

    func testEmptyAndNaN() {
        XCTAssertNil(Descriptive.median([]))
        XCTAssertNil(Descriptive.minimum([]))
        XCTAssertNil(Descriptive.maximum([.nan]))
        XCTAssertEqual(Descriptive.median([.nan, 1, 3]), 2, "NaN is ignored")
    }
}
