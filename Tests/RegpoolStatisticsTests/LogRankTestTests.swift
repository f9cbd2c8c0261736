import XCTest

@testable import RegpoolStatistics

/// The log-rank test worked by hand, and its degenerate cases.
final class LogRankTestTests: XCTestCase {
    // Group A: 1 E, 3 E, 4 C. Group B: 2 E, 2 E, 5 E.
    static let data: [SurvivalTime] = [(1, true), (3, true), (4, false), (2, true), (2, true), (5, true)]
        .map { SurvivalTime(time: $0, event: $1) }
    static let groups = ["A", "A", "A", "B", "B", "B"]

    func testTwoGroupsByHand() throws {
        // Event times (nA, nB, d): t1 (3, 3, 1 in A), t2 (2, 3, 2 in B), t3 (2, 1, 1 in A), t5 (0, 1, 1 in B).
        // E_A = 3·1/6 + 2·2/5 + 2·1/3 + 0 = 59/30; O_A = 2; Z = O_A − E_A = 1/30.
        // Var = Σ d (n−d)/(n−1) · nA nB / n² = 1·5/5·9/36 + 2·3/4·6/25 + 1·2/2·2/9 + 0 = 1/4 + 9/25 + 2/9 = 749/900.
        // U = (1/30)² / (749/900) = 1/749; p = P(χ²₁ > 1/749) = erfc(√(1/1498)) = 0.9708524186887262.
        let test = try XCTUnwrap(LogRankTest(Self.data, groups: Self.groups))
        XCTAssertEqual(test.statistic, 1.0 / 749, accuracy: 1e-15)
        XCTAssertEqual(test.degreesOfFreedom, 1)
        XCTAssertEqual(test.pValue, 0.9708524186887262, accuracy: 1e-14)
    }

    func testGroupOrderAndLabelsDoNotChangeTheTest() throws {
        let a = try XCTUnwrap(LogRankTest(Self.data, groups: Self.groups))
        let b = try XCTUnwrap(LogRankTest(Self.data.reversed(), groups: ["x", "x", "x", "y", "y", "y"]))
        XCTAssertEqual(a.statistic, b.statistic, accuracy: 1e-15)
        XCTAssertEqual(a.pValue, b.pValue, accuracy: 1e-15)
    }

    func testThreeGroupsHaveTwoDegreesOfFreedom() throws {
        let data = Self.data + [SurvivalTime(time: 0.5, event: true), SurvivalTime(time: 0.7, event: true)]
        let test = try XCTUnwrap(LogRankTest(data, groups: Self.groups + ["C", "C"]))
        XCTAssertEqual(test.degreesOfFreedom, 2)
        XCTAssertGreaterThan(test.statistic, 0)
        XCTAssertEqual(test.pValue, Distribution.chiSquareSurvival(test.statistic, degreesOfFreedom: 2))
    }

    func testFewerThanTwoGroupsGiveNoTest() {
        XCTAssertNil(LogRankTest([], groups: []))
        XCTAssertNil(LogRankTest(Self.data, groups: Array(repeating: "A", count: 6)))
        XCTAssertNil(
            LogRankTest(
                [SurvivalTime(time: .nan, event: true), SurvivalTime(time: 1, event: true)],
                groups: ["A", "B"]), "the only B subject has an unusable time")
    }

    func testUnusableTimesAndUnpairedSubjectsAreSkipped() throws {
        // The NaN and negative times and the subject without a group leave the hand-worked test unchanged.
        let data =
            Self.data + [
                SurvivalTime(time: .nan, event: true), SurvivalTime(time: -1, event: true),
                SurvivalTime(time: 0.1, event: true),
            ]
        let test = try XCTUnwrap(LogRankTest(data, groups: Self.groups + ["A", "B"]))
        XCTAssertEqual(test.statistic, 1.0 / 749, accuracy: 1e-15)
    }

    func testNoEventsGiveStatisticZeroAndPOne() throws {
        let test = try XCTUnwrap(
            LogRankTest([1, 2, 3].map { SurvivalTime(time: $0, event: false) }, groups: ["a", "b", "b"]))
        XCTAssertEqual(test.statistic, 0)
        XCTAssertEqual(test.pValue, 1)
    }

    func testAGroupWithoutInformationLeavesTheOthersTest() throws {
        // C's subjects are censored before the first event: its row and column of V are 0, and the
        // pseudo-inverse gives the two-group test of A against B.
        let data = Self.data + [SurvivalTime(time: 0.2, event: false), SurvivalTime(time: 0.3, event: false)]
        let three = try XCTUnwrap(LogRankTest(data, groups: ["C", "C", "A", "A", "A", "B", "B", "B"].rotated(by: 2)))
        XCTAssertEqual(three.statistic, 1.0 / 749, accuracy: 1e-14)
        XCTAssertEqual(three.degreesOfFreedom, 2)
    }
}

extension Array {
    /// The array with its first `k` elements moved to the end.
    fileprivate func rotated(by k: Int) -> [Element] { Array(self[k...] + self[..<k]) }
}
