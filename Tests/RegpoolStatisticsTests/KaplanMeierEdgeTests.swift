import XCTest

@testable import RegpoolStatistics

/// Kaplan–Meier on degenerate samples: nothing crashes, and the answers are lifelines'.
final class KaplanMeierEdgeTests: XCTestCase {
    func testEmptySampleIsOneStepAtZero() {
        let km = KaplanMeier([])
        XCTAssertEqual(km.subjects, 0)
        XCTAssertEqual(km.events, 0)
        XCTAssertEqual(km.steps, [.init(time: 0, atRisk: 0, events: 0, censored: 0, survival: 1, lower: 1, upper: 1)])
        XCTAssertNil(km.median)
        XCTAssertNil(km.medianLower)
        XCTAssertNil(km.medianUpper)
        XCTAssertEqual(km.survival(at: 3), 1)
        XCTAssertEqual(km.atRisk(at: 0), 0)
    }

    func testAllCensoredNeverReachesTheMedian() {
        let km = KaplanMeier([3, 1, 2, 2].map { SurvivalTime(time: $0, event: false) })
        XCTAssertEqual(km.steps.map(\.survival), [1, 1, 1, 1])
        XCTAssertEqual(km.steps.map(\.lower), [1, 1, 1, 1], "lifelines fills the undefined bounds with 1")
        XCTAssertEqual(km.steps.map(\.upper), [1, 1, 1, 1])
        XCTAssertNil(km.median)
        XCTAssertNil(km.medianLower)
        XCTAssertNil(km.medianUpper)
    }

    func testAllEventsEndAtZeroWithZeroBounds() {
        // 2 E, 2 E, 3 E: S(2) = 1/3, S(3) = 0; at S = 0 both bounds are 0 (as lifelines gives them).
        let km = KaplanMeier([2, 3, 2].map { SurvivalTime(time: $0, event: true) })
        XCTAssertEqual(km.steps.map(\.time), [0, 2, 3])
        XCTAssertEqual(km.steps[1].survival, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(km.steps[2].survival, 0)
        XCTAssertEqual(km.steps[2].lower, 0)
        XCTAssertEqual(km.steps[2].upper, 0)
        XCTAssertEqual(km.median, 2)
    }

    func testOneSubject() {
        let km = KaplanMeier([SurvivalTime(time: 2.5, event: true)])
        XCTAssertEqual(km.steps.map(\.survival), [1, 0])
        XCTAssertEqual(km.median, 2.5)
        XCTAssertEqual(km.medianLower, 2.5)
        XCTAssertEqual(km.medianUpper, 2.5)
    }

    func testEventsAndCensoringsAtTimeZeroShareTheFirstStep() {
        // 0 E, 0 C, 1 E, 4 C: the step at 0 has 4 at risk, 1 event, 1 censored: S(0) = 3/4; S(1) = 3/4 · 1/2.
        let km = KaplanMeier([(0, true), (0, false), (1, true), (4, false)].map { SurvivalTime(time: $0, event: $1) })
        XCTAssertEqual(km.steps.map(\.time), [0, 1, 4])
        XCTAssertEqual(km.steps[0].atRisk, 4)
        XCTAssertEqual(km.steps[0].events, 1)
        XCTAssertEqual(km.steps[0].censored, 1)
        XCTAssertEqual(km.steps[0].survival, 0.75, accuracy: 1e-15)
        XCTAssertEqual(km.steps[1].survival, 0.375, accuracy: 1e-15)
        XCTAssertEqual(km.median, 1)
    }

    func testUnusableTimesAreSkipped() {
        let km = KaplanMeier([
            SurvivalTime(time: .nan, event: true), SurvivalTime(time: -1, event: true),
            SurvivalTime(time: .infinity, event: true), SurvivalTime(time: 2, event: true),
            SurvivalTime(time: 5, event: false),
        ])
        XCTAssertEqual(km.subjects, 2)
        XCTAssertEqual(km.events, 1)
        XCTAssertEqual(km.steps.map(\.time), [0, 2, 5])
        XCTAssertEqual(km.survival(at: .nan), 1)
        XCTAssertEqual(km.atRisk(at: .nan), 0)
    }
}
