import Foundation
import RegpoolCohort
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// The sample build's exclusions (reason and detail sentence) equal the hand-written expectation of samples/EXPECTED.md.
final class ExclusionTests: XCTestCase {
    static let expected: [(centre: String, local: String, reason: String, detail: String)] = [
        ("fr-lyon", "LY0005", "raeb2_or_aml_at_len_start", "who_class is raeb2 at LEN start"),
        ("fr-lyon", "LY0009", "len_not_single_agent", "LEN course 1 was combined with hma"),
        (
            "fr-lyon", "LY0013", "no_documented_failure",
            "none of the 1 LEN course(s) has both a failure_date and a failure_type"
        ),
        ("us-lakeside", "LS-004", "raeb2_or_aml_at_len_start", "who_class is raeb2 at LEN start"),
        (
            "us-lakeside", "LS-008", "len_maintenance_after_transplant",
            "LEN course 1 was given as maintenance after transplant"
        ),
        ("us-lakeside", "LS-011", "no_del5q", ExclusionTests.noDel5q),
        ("be-gent", "GE-0007", "len_not_single_agent", "LEN course 1 was combined with chemotherapy"),
        ("kr-seoul", "KR-011", "no_del5q", ExclusionTests.noDel5q),
        ("de-ulm-trial", "ULM-007", "raeb2_or_aml_at_len_start", "who_class is raeb2 at LEN start"),
        (
            "ca-toronto", "TOR-008", "len_maintenance_after_transplant",
            "LEN course 1 was given as maintenance after transplant"
        ),
    ]
    static let noDel5q = "del(5q) is not shown: del5q_method is none and karyotype_category is no_del5q"

    func testExclusionsArePatientByPatientAsExpected() throws {
        let summary = try SampleBuild.shared()
        let key = try String(
            contentsOfFile: TestSupport.root + "/samples/keys/TEST-KEY-NOT-FOR-REAL-DATA.txt", encoding: .utf8
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        let pseudonyms = Pseudonymizer(key: Array(key.utf8))
        let want = Dictionary(
            uniqueKeysWithValues: Self.expected.map {
                (pseudonyms.pooledID(centre: $0.centre, localID: $0.local), "\($0.reason): \($0.detail)")
            })
        let table = try XCTUnwrap(summary.tables.first { $0.schema.name == "exclusions" })
        let (ids, reasons, details) = (
            table.column(CDM.Exclusions.pooledID), table.column(CDM.Exclusions.reason),
            table.column(CDM.Exclusions.detail)
        )
        let got = Dictionary(
            uniqueKeysWithValues: ids.indices.map { (ids[$0].text, "\(reasons[$0].text): \(details[$0].text)") })
        XCTAssertEqual(got, want)
        let cohort = try XCTUnwrap(summary.tables.first { $0.schema.name == "analysis_cohort" })
        XCTAssertEqual(
            cohort.rows.count, 116,
            "20 fr-lyon + 18 us-lakeside + 22 be-gent + 19 kr-seoul + 19 de-ulm-trial + 21 ca-toronto local "
                + "patients are eligible; 3 links pool 6 of them into 3 (samples/EXPECTED.md)")
        XCTAssertEqual(
            summary.tables[0].rows.count, cohort.rows.count + table.rows.count, "each patient is in exactly one")
    }
}
