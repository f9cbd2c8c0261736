import RegpoolModel
import XCTest

@testable import RegpoolCohort
@testable import RegpoolLinkage
@testable import RegpoolMapping

final class EligibilityTests: XCTestCase {
    typealias C = CohortFacts

    private func reason(_ change: (inout PatientFacts) -> Void) -> String? {
        var f = C.eligible()
        change(&f)
        return Eligibility.evaluate(f)?.reason
    }

    func testEligiblePatientPasses() {
        XCTAssertNil(Eligibility.evaluate(C.eligible()))
    }

    func testNoDel5q() {
        XCTAssertEqual(
            reason {
                $0.del5qMethod = "none"
                $0.karyotype = nil
            }, "no_del5q")
        XCTAssertEqual(
            reason {
                $0.del5qMethod = nil
                $0.karyotype = nil
            }, "no_del5q")
        XCTAssertEqual(reason { $0.karyotype = "no_del5q" }, "no_del5q", "karyotype says no even with a method")
        XCTAssertNil(
            reason {
                $0.del5qMethod = nil
                $0.karyotype = "fish_only"
            })
        XCTAssertNil(
            reason {
                $0.del5qMethod = "fish"
                $0.karyotype = nil
            })
        var f = C.eligible()
        f.del5qMethod = "none"
        f.karyotype = nil
        XCTAssertEqual(
            Eligibility.evaluate(f)?.detail,
            "del(5q) is not shown: del5q_method is none and karyotype_category is not known")
    }

    func testNotMDS() {
        XCTAssertEqual(reason { $0.whoClass = nil }, "not_mds")
        XCTAssertEqual(
            reason {
                $0.whoClass = nil
                $0.karyotype = "no_del5q"
            }, "no_del5q", "first failed criterion wins")
    }

    func testRaeb2OrAML() {
        XCTAssertEqual(reason { $0.whoClass = "raeb2" }, "raeb2_or_aml_at_len_start")
        XCTAssertEqual(reason { $0.whoClass = "aml" }, "raeb2_or_aml_at_len_start")
        XCTAssertEqual(reason { $0.blasts = 10 }, "raeb2_or_aml_at_len_start")
        XCTAssertNil(reason { $0.blasts = 9.5 })
        var f = C.eligible()
        f.blasts = 12
        XCTAssertTrue(Eligibility.evaluate(f)!.detail.contains("12.0 %"))
    }

    func testNotSingleAgentUsesIndexCourse() {
        XCTAssertEqual(reason { $0.courses[0].combinedWith = "hma" }, "len_not_single_agent")
        XCTAssertEqual(reason { $0.courses[0].combinedWith = "chemotherapy" }, "len_not_single_agent")
        XCTAssertNil(reason { $0.courses[0].combinedWith = "esa" })
        // Course 1 without failure combined with HMA; course 2 (index, with failure) single agent.
        XCTAssertNil(
            reason {
                var first = $0.courses[0]
                first.combinedWith = "hma"
                first.failureDate = nil
                var second = $0.courses[0]
                second.number = 2
                second.start = C.d("2011-06-01")
                $0.courses = [first, second]
            })
    }

    func testMaintenanceAfterTransplant() {
        XCTAssertEqual(
            reason { $0.courses[0].setting = "maintenance_after_transplant" }, "len_maintenance_after_transplant")
    }

    func testNoDocumentedFailure() {
        XCTAssertEqual(reason { $0.courses[0].failureType = nil }, "no_documented_failure")
        XCTAssertEqual(reason { $0.courses[0].failureDate = nil }, "no_documented_failure")
        XCTAssertEqual(reason { $0.courses = [] }, "no_documented_failure")
    }

    func testInconsistentDates() {
        XCTAssertEqual(reason { $0.courses[0].failureDate = C.d("2011-01-09") }, "inconsistent_dates")
        XCTAssertEqual(
            reason {
                $0.outcome?.deathDate = C.d("2012-02-28")
                $0.outcome?.lastContact = C.d("2012-02-28")
            },
            "inconsistent_dates")
        XCTAssertEqual(
            reason { $0.outcome = OutcomeFacts(vitalStatus: "alive", lastContact: C.d("2012-01-01")) },
            "inconsistent_dates")
        XCTAssertEqual(reason { $0.diagnosisDate = C.d("2011-02-01") }, "inconsistent_dates")
        XCTAssertEqual(reason { $0.outcome = nil }, "inconsistent_dates")
        XCTAssertEqual(reason { $0.outcome?.deathDate = nil }, "inconsistent_dates")
        XCTAssertNil(reason { $0.courses[0].failureDate = C.d("2011-01-10") }, "failure on the start day is fine")
        var f = C.eligible()
        f.courses[0].failureDate = C.d("2011-01-09")
        XCTAssertEqual(
            Eligibility.evaluate(f)?.detail,
            "failure_date 2011-01-09 is before the start of LEN course 1 (2011-01-10)")
    }
}
