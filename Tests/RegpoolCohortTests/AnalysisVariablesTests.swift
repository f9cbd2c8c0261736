import RegpoolModel
import XCTest

@testable import RegpoolCohort
@testable import RegpoolLinkage
@testable import RegpoolMapping

final class AnalysisVariablesTests: XCTestCase {
    typealias V = AnalysisVariables
    let d = CohortFacts.d

    func testAgeAtLenStartFromMidYear() {
        // 1940-07-02 → 2011-01-10 is 25759 days.
        XCTAssertEqual(V.ageAtLenStart(birthYear: 1940, lenStart: d("2011-01-10"))!, 25759 / 365.25, accuracy: 1e-12)
        XCTAssertNil(V.ageAtLenStart(birthYear: nil, lenStart: d("2011-01-10")))
        XCTAssertNil(V.ageAtLenStart(birthYear: 1940, lenStart: nil))
    }

    func testAge75Plus() {
        let before = V.ageAtLenStart(birthYear: 1936, lenStart: d("2011-07-02"))  // 74.998
        let after = V.ageAtLenStart(birthYear: 1936, lenStart: d("2011-07-03"))  // 75.0007
        XCTAssertEqual(V.age75Plus(age: before), false)
        XCTAssertEqual(V.age75Plus(age: after), true)
        XCTAssertNil(V.age75Plus(age: nil))
    }

    func testAdverseKaryotype() {
        XCTAssertEqual(V.adverseKaryotype("complex_del5q"), true)
        XCTAssertEqual(V.adverseKaryotype("isolated_del5q"), false)
        XCTAssertNil(V.adverseKaryotype(nil))
    }

    func testRaebAtLenStart() {
        XCTAssertEqual(V.raebAtLenStart(whoClass: "raeb1", blasts: nil), true)
        XCTAssertEqual(V.raebAtLenStart(whoClass: "del5q_syndrome", blasts: 5), true)
        XCTAssertEqual(V.raebAtLenStart(whoClass: nil, blasts: 9.9), true)
        XCTAssertEqual(V.raebAtLenStart(whoClass: "ra", blasts: 4.9), false)
        XCTAssertEqual(V.raebAtLenStart(whoClass: "ra", blasts: nil), false)
        XCTAssertNil(V.raebAtLenStart(whoClass: nil, blasts: nil))
    }

    func testDose() {
        XCTAssertEqual(V.lenDose10mg(10), true)
        XCTAssertEqual(V.lenDose10mg(5), false)
        XCTAssertNil(V.lenDose10mg(nil))
    }

    func testDurationToEndOrFailure() {
        // 2011-01-10 → 2012-03-01: 416 days = 13.667 months.
        XCTAssertEqual(
            V.lenDurationMonths(start: d("2011-01-10"), end: nil, failure: d("2012-03-01"))!, 416 / 30.4375,
            accuracy: 1e-12)
        XCTAssertEqual(
            V.lenDurationMonths(start: d("2011-01-10"), end: d("2011-02-09"), failure: d("2012-03-01"))!,
            30 / 30.4375, accuracy: 1e-12)
        XCTAssertNil(V.lenDurationMonths(start: d("2011-01-10"), end: nil, failure: nil))
    }

    func testFirstLineAndTransplant() {
        XCTAssertEqual(V.firstLineCategory(lines: [(2, "bsc"), (1, "hma")]), "hma")
        XCTAssertEqual(V.firstLineCategory(lines: [(2, "bsc")]), "unknown")
        XCTAssertEqual(V.firstLineCategory(lines: []), "unknown")
        let failure = d("2012-03-01")
        XCTAssertTrue(V.alloSCT(transplantDates: [d("2010-01-01"), d("2012-03-01")], failure: failure))
        XCTAssertFalse(V.alloSCT(transplantDates: [d("2012-02-29")], failure: failure))
        XCTAssertFalse(V.alloSCT(transplantDates: [], failure: failure))
    }

    func testOverallSurvival() {
        let failure = d("2012-03-01")
        // to death 2013-09-01: 549 days
        XCTAssertEqual(
            V.osMonths(dead: true, deathDate: d("2013-09-01"), lastContact: d("2013-08-01"), failure: failure)!,
            549 / 30.4375, accuracy: 1e-12)
        XCTAssertEqual(
            V.osMonths(dead: false, deathDate: nil, lastContact: d("2013-09-01"), failure: failure)!,
            549 / 30.4375, accuracy: 1e-12)
        XCTAssertNil(V.osMonths(dead: true, deathDate: nil, lastContact: d("2013-09-01"), failure: failure))
    }

    func testTimeToAML() {
        let failure = d("2012-03-01")
        let event = V.aml(amlDate: d("2013-02-01"), lastContact: d("2013-09-01"), failure: failure)
        XCTAssertEqual(event.months!, 337 / 30.4375, accuracy: 1e-12)
        XCTAssertTrue(event.event)
        let before = V.aml(amlDate: d("2012-01-01"), lastContact: d("2013-09-01"), failure: failure)
        XCTAssertEqual(before.months!, 549 / 30.4375, accuracy: 1e-12)
        XCTAssertFalse(before.event)
        let none = V.aml(amlDate: nil, lastContact: d("2013-09-01"), failure: failure)
        XCTAssertFalse(none.event)
    }
}
