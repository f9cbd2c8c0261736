import Foundation
import XCTest

@testable import RegpoolStatistics

/// Distribution functions against closed forms and table values.
final class DistributionTests: XCTestCase {
    func testChiSquareClosedForms() {
        // df 2: sf(x) = e^{−x/2}; df 1: sf(x) = erfc(√(x/2)); df 4: e^{−x/2}(1 + x/2).
        for x in [0.01, 0.5, 1, 3.2, 10, 45, 300] {
            XCTAssertEqual(
                Distribution.chiSquareSurvival(x, degreesOfFreedom: 2), exp(-x / 2),
                accuracy: 1e-13 * exp(-x / 2), "df 2 at \(x)")
            XCTAssertEqual(
                Distribution.chiSquareSurvival(x, degreesOfFreedom: 1), erfc((x / 2).squareRoot()),
                accuracy: 1e-13 * erfc((x / 2).squareRoot()), "df 1 at \(x)")
            let df4 = exp(-x / 2) * (1 + x / 2)
            XCTAssertEqual(
                Distribution.chiSquareSurvival(x, degreesOfFreedom: 4), df4, accuracy: 1e-13 * df4, "df 4 at \(x)")
        }
    }

    func testChiSquareCriticalValues() {
        // The 5 % points of the chi-square table: 3.841459 (1), 5.991465 (2), 7.814728 (3), 31.410433 (20).
        XCTAssertEqual(Distribution.chiSquareSurvival(3.8414588206941285, degreesOfFreedom: 1), 0.05, accuracy: 1e-15)
        XCTAssertEqual(Distribution.chiSquareSurvival(5.991464547107983, degreesOfFreedom: 2), 0.05, accuracy: 1e-15)
        XCTAssertEqual(Distribution.chiSquareSurvival(7.814727903251178, degreesOfFreedom: 3), 0.05, accuracy: 1e-14)
        XCTAssertEqual(Distribution.chiSquareSurvival(31.41043284423092, degreesOfFreedom: 20), 0.05, accuracy: 1e-14)
    }

    func testChiSquareEdges() {
        XCTAssertEqual(Distribution.chiSquareSurvival(0, degreesOfFreedom: 3), 1)
        XCTAssertEqual(Distribution.chiSquareSurvival(-2, degreesOfFreedom: 3), 1)
        XCTAssertEqual(Distribution.chiSquareSurvival(.infinity, degreesOfFreedom: 3), 0)
        XCTAssertTrue(Distribution.chiSquareSurvival(.nan, degreesOfFreedom: 3).isNaN)
        XCTAssertTrue(Distribution.chiSquareSurvival(1, degreesOfFreedom: 0).isNaN)
    }

    func testNormalQuantileTableValues() {
        XCTAssertEqual(Distribution.normalQuantile(0.975), 1.959963984540054, accuracy: 1e-15)
        XCTAssertEqual(Distribution.normalQuantile(0.025), -1.959963984540054, accuracy: 1e-15)
        XCTAssertEqual(Distribution.normalQuantile(0.5), 0)
        XCTAssertEqual(Distribution.normalQuantile(0.8413447460685429), 1, accuracy: 1e-15, "Φ(1)")
        XCTAssertEqual(Distribution.normalQuantile(0.9986501019683699), 3, accuracy: 1e-14, "Φ(3)")
        XCTAssertEqual(Distribution.normalQuantile(2.866515718791933e-7), -5, accuracy: 1e-13, "Φ(−5)")
    }

    func testNormalQuantileEdges() {
        XCTAssertEqual(Distribution.normalQuantile(0), -.infinity)
        XCTAssertEqual(Distribution.normalQuantile(1), .infinity)
        XCTAssertTrue(Distribution.normalQuantile(-0.1).isNaN)
        XCTAssertTrue(Distribution.normalQuantile(1.1).isNaN)
        XCTAssertTrue(Distribution.normalQuantile(.nan).isNaN)
    }

    func testNormalQuantileInvertsTheCDF() {
        for x in stride(from: -8.0, through: 1, by: 0.37) {  // above 1, p near 1 has too few digits left
            let p = 0.5 * erfc(-x / 2.0.squareRoot())
            XCTAssertEqual(Distribution.normalQuantile(p), x, accuracy: 1e-12 * max(1, abs(x)), "Φ⁻¹(Φ(\(x)))")
        }
    }
}
