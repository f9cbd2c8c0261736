import XCTest

@testable import RegpoolStatistics

/// Aalen–Johansen cumulative incidence worked by hand.
final class AalenJohansenTests: XCTestCase {
    // time, outcome (0 censored, 1 cause of interest, 2 competing):
    // 1·1, 2·2, 2·1, 2·0, 3·0, 4·1, 5·2, 6·0
    static let times: [Double] = [1, 2, 2, 2, 3, 4, 5, 6]
    static let outcomes = [1, 2, 1, 0, 0, 1, 2, 0]

    func testCumulativeIncidenceByHand() {
        // F = Σ S(t−) d₁/n, S the all-cause Kaplan–Meier:
        // t1: n 8, d₁ 1: F = 1/8 · 1 = 0.125; S = 7/8
        // t2: n 7 (censored at 2 still at risk), d₁ 1, d₂ 1: F += 1/7 · 7/8 = 1/8 → 0.25; S = 7/8 · 5/7 = 5/8
        // t3: censoring only; t4: n 3, d₁ 1: F += 1/3 · 5/8 = 5/24 → 11/24; S = 5/12
        // t5: competing only (S = 5/24); t6: censoring.
        let aj = AalenJohansen(times: Self.times, outcomes: Self.outcomes, cause: 1)
        XCTAssertEqual(aj.subjects, 8)
        XCTAssertEqual(aj.causeEvents, 3)
        XCTAssertEqual(aj.competingEvents, 2)
        XCTAssertEqual(aj.steps.map(\.time), [0, 1, 2, 3, 4, 5, 6])
        let expected = [0, 0.125, 0.25, 0.25, 11.0 / 24, 11.0 / 24, 11.0 / 24]
        for (step, f) in zip(aj.steps, expected) {
            XCTAssertEqual(step.incidence, f, accuracy: 1e-15, "F(\(step.time))")
        }
        XCTAssertEqual(aj.incidence(at: -1), 0)
        XCTAssertEqual(aj.incidence(at: 1.99), 0.125, accuracy: 1e-15)
        XCTAssertEqual(aj.incidence(at: 4), 11.0 / 24, accuracy: 1e-15)
        XCTAssertEqual(aj.incidence(at: 60), 11.0 / 24, accuracy: 1e-15)
    }

    func testCausesAndSurvivalAddUpToOne() {
        // Competing cause: t2: 1/7 · 7/8 = 1/8; t5: 1/2 · 5/12 = 5/24; total 1/3. 11/24 + 8/24 + S(6) 5/24 = 1.
        let competing = AalenJohansen(times: Self.times, outcomes: Self.outcomes, cause: 2)
        XCTAssertEqual(competing.incidence(at: 10), 1.0 / 3, accuracy: 1e-15)
        let cause = AalenJohansen(times: Self.times, outcomes: Self.outcomes, cause: 1).incidence(at: 10)
        let km = KaplanMeier(zip(Self.times, Self.outcomes).map { SurvivalTime(time: $0, event: $1 != 0) })
        XCTAssertEqual(cause + competing.incidence(at: 10) + km.survival(at: 10), 1, accuracy: 1e-15)
    }

    func testTiedEventsOfDifferentCausesNeedNoJitter() {
        // Breaking the tie at 2 (both events before the censoring at 2) gives the same F either way:
        // cause first at 1.999: 1/7 · 7/8 = 1/8; competing first at 1.999: S = 7/8 · 6/7, then 1/6 · 6/8 = 1/8.
        let tied = AalenJohansen(times: Self.times, outcomes: Self.outcomes, cause: 1)
        let causeFirst = AalenJohansen(times: [1, 2, 1.999, 2, 3, 4, 5, 6], outcomes: Self.outcomes, cause: 1)
        let competingFirst = AalenJohansen(times: [1, 1.999, 2, 2, 3, 4, 5, 6], outcomes: Self.outcomes, cause: 1)
        XCTAssertEqual(causeFirst.incidence(at: 10), tied.incidence(at: 10), accuracy: 1e-15)
        XCTAssertEqual(competingFirst.incidence(at: 10), tied.incidence(at: 10), accuracy: 1e-15)
    }

    func testAnEventMovedAfterACensoringAtItsTimeChangesF() {
        // What lifelines' jitter can do: the cause event at 2 moved to 2.001 no longer has the subject
        // censored at 2 at risk: t2: competing, n 7, S = 7/8 · 6/7 = 3/4; t2.001: n 5, F += 1/5 · 3/4 = 3/20,
        // not 1/8; then t4: n 3, F += 1/3 · 3/4 · 4/5 = 1/5 → F = 1/8 + 3/20 + 1/5 = 19/40.
        let moved = AalenJohansen(times: [1, 2, 2.001, 2, 3, 4, 5, 6], outcomes: Self.outcomes, cause: 1)
        XCTAssertEqual(moved.incidence(at: 10), 19.0 / 40, accuracy: 1e-15)
    }

    func testCauseAtTimeZeroCountsAtZero() {
        // 0·1, 1·0, 2·1, 3·2: F(0) = 1/4; F(2) = 1/4 + 1/2 · 3/4 = 5/8 (lifelines would drop the event at 0).
        let aj = AalenJohansen(times: [0, 1, 2, 3], outcomes: [1, 0, 1, 2], cause: 1)
        XCTAssertEqual(aj.steps.map(\.time), [0, 1, 2, 3])
        XCTAssertEqual(aj.steps[0].incidence, 0.25, accuracy: 1e-15)
        XCTAssertEqual(aj.incidence(at: 2), 0.625, accuracy: 1e-15)
    }

    func testDegenerateSamples() {
        let empty = AalenJohansen(times: [], outcomes: [], cause: 1)
        XCTAssertEqual(empty.steps, [.init(time: 0, incidence: 0)])
        XCTAssertEqual(empty.incidence(at: 12), 0)
        let censored = AalenJohansen(times: [1, 2], outcomes: [0, 0], cause: 1)
        XCTAssertEqual(censored.steps.map(\.incidence), [0, 0, 0])
        let bad = AalenJohansen(times: [.nan, -2, 3, 4], outcomes: [1, 1, -1, 1], cause: 1)
        XCTAssertEqual(bad.subjects, 1, "NaN and negative times and negative outcomes are skipped")
        XCTAssertEqual(bad.incidence(at: 4), 1)
        let mismatched = AalenJohansen(times: [1, 2, 3], outcomes: [1], cause: 1)
        XCTAssertEqual(mismatched.subjects, 1, "pairs up to the shorter array")
    }
}
