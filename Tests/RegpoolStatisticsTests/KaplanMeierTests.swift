import XCTest

@testable import RegpoolStatistics

/// A ten-subject Kaplan–Meier worked by hand, with ties of events and censorings.
final class KaplanMeierTests: XCTestCase {
    // time (months), event: 1 E, 2 E, 2 E, 2 C, 3 C, 4 E, 5 E, 5 C, 7 E, 8 C
    static let data: [SurvivalTime] = [
        (1, true), (2, true), (2, true), (2, false), (3, false), (4, true), (5, true),
        (5, false), (7, true), (8, false),
    ].map { SurvivalTime(time: $0, event: $1) }

    func testStepsCountTheRiskSetWithCensoredStillAtRiskAtTheirTime() {
        let km = KaplanMeier(Self.data.reversed())
        XCTAssertEqual(km.subjects, 10)
        XCTAssertEqual(km.events, 6)
        XCTAssertEqual(km.steps.map(\.time), [0, 1, 2, 3, 4, 5, 7, 8])
        XCTAssertEqual(km.steps.map(\.atRisk), [10, 10, 9, 6, 5, 4, 2, 1])
        XCTAssertEqual(km.steps.map(\.events), [0, 1, 2, 0, 1, 1, 1, 0])
        XCTAssertEqual(km.steps.map(\.censored), [0, 0, 1, 1, 0, 1, 0, 1])
    }

    func testSurvivalIsTheProductOfConditionalSurvivals() {
        // S(1) = 9/10 = 0.9; S(2) = 0.9 · 7/9 = 0.7; S(3) = 0.7 (censoring only); S(4) = 0.7 · 4/5 = 0.56;
        // S(5) = 0.56 · 3/4 = 0.42; S(7) = 0.42 · 1/2 = 0.21; S(8) = 0.21.
        let expected = [1, 0.9, 0.7, 0.7, 0.56, 0.42, 0.21, 0.21]
        let km = KaplanMeier(Self.data)
        for (step, s) in zip(km.steps, expected) {
            XCTAssertEqual(step.survival, s, accuracy: 1e-15, "S(\(step.time))")
        }
        XCTAssertEqual(km.survival(at: -1), 1)
        XCTAssertEqual(km.survival(at: 0.5), 1)
        XCTAssertEqual(km.survival(at: 2), 0.7, accuracy: 1e-15, "right-continuous: the drop at 2 is included")
        XCTAssertEqual(km.survival(at: 6.99), 0.42, accuracy: 1e-15)
        XCTAssertEqual(km.survival(at: 100), 0.21, accuracy: 1e-15)
        XCTAssertEqual(km.atRisk(at: 0), 10)
        XCTAssertEqual(km.atRisk(at: 2), 9)
        XCTAssertEqual(km.atRisk(at: 2.5), 6)
        XCTAssertEqual(km.atRisk(at: 6), 2)
        XCTAssertEqual(km.atRisk(at: 8), 1)
        XCTAssertEqual(km.atRisk(at: 8.01), 0)
    }

    func testExponentialGreenwoodBounds() {
        // Greenwood sums V = Σ d/(n(n−d)): V(1) = 1/90; V(2) = 1/90 + 2/63 = 3/70; V(4) = 3/70 + 1/20 = 13/140;
        // V(5) = 13/140 + 1/12 = 37/210; V(7) = 37/210 + 1/2 = 71/105.
        // Bounds exp(−exp(log(−log S) ∓ z·√V / log S)), z = 1.959963984540054. At t = 1:
        // log S = −0.1053605, log(−log S) = −2.2503673, z·√V/log S = 1.959964 · 0.1054093 / −0.1053605 = −1.9608690,
        // lower = exp(−exp(−2.2503673 + 1.9608690)) = exp(−0.7486468) = 0.4730093,
        // upper = exp(−exp(−2.2503673 − 1.9608690)) = exp(−0.0148271) = 0.9852814.
        let lower = [
            1, 0.47300927136205023, 0.3287165932797346, 0.3287165932797346, 0.19706696112426558,
            0.10652124009749513, 0.012483680935722748, 0.012483680935722748,
        ]
        let upper = [
            1, 0.9852813933673431, 0.8919490412248442, 0.8919490412248442, 0.8130308302565814,
            0.7145863512475639, 0.5736963029883724, 0.5736963029883724,
        ]
        let km = KaplanMeier(Self.data)
        for (i, step) in km.steps.enumerated() {
            XCTAssertEqual(step.lower, lower[i], accuracy: 1e-12, "lower at \(step.time)")
            XCTAssertEqual(step.upper, upper[i], accuracy: 1e-12, "upper at \(step.time)")
        }
    }

    func testMedianAndItsBounds() {
        // S first reaches <= 0.5 at 5 (0.42); the lower bound already at 1 (0.473); the upper bound
        // never does (it ends at 0.574): not reached.
        let km = KaplanMeier(Self.data)
        XCTAssertEqual(km.median, 5)
        XCTAssertEqual(km.medianLower, 1)
        XCTAssertNil(km.medianUpper)
    }

    func testMedianAtExactlyOneHalfIsThatTime() {
        // 1 E, 2 E, 3 E, 4 E: S(2) = 3/4 · 2/3 = 0.5, which counts as reached.
        let km = KaplanMeier([1, 2, 3, 4].map { SurvivalTime(time: $0, event: true) })
        XCTAssertEqual(km.steps[2].survival, 0.5, accuracy: 1e-15)
        XCTAssertEqual(km.median, 2)
    }

    func testAlphaWidensOrNarrowsTheBounds() {
        let wide = KaplanMeier(Self.data, alpha: 0.01)
        let narrow = KaplanMeier(Self.data, alpha: 0.2)
        XCTAssertLessThan(wide.steps[4].lower, narrow.steps[4].lower)
        XCTAssertGreaterThan(wide.steps[4].upper, narrow.steps[4].upper)
    }
}
