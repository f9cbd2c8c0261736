import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// Within a centre, the most recent record of a patient wins (by its source's `updated:` date,
/// then file order), whatever order the records arrive in.
final class MergeRecencyTests: XCTestCase {
    typealias S = RecencyScenario

    /// The November export (dead on 3 Nov 2026) and an old 2025 export sent again later under a
    /// name that sorts after it.
    private let november = ["1001", "F", "1940", "décédé", "03/11/2026", "03/11/2026", "20/11/2026", "MDS-07-0012"]
    private let historical = ["1001", "F", "1941", "vivant", "", "10/01/2025", "15/01/2025", ""]

    func testNewerReExportInAnEarlierFileWinsOverAnOlderExportInALaterFile() throws {
        let r = try S.run([
            S.patients("patients_2026-11-20.csv", [november]),
            S.patients("patients_historique.csv", [historical]),
        ])
        XCTAssertEqual(S.text(r, "1001", CDM.patients, "birth_year"), "1940")
        XCTAssertEqual(S.text(r, "1001", CDM.outcomes, "vital_status"), "dead")
        XCTAssertEqual(S.text(r, "1001", CDM.outcomes, "death_date"), "2026-11-03")
        XCTAssertEqual(S.text(r, "1001", CDM.outcomes, "last_contact_date"), "2026-11-03")
        XCTAssertEqual(r.patients[0].outcomesOrigin, RecordOrigin(file: "patients_2026-11-20.csv", locator: "line 2"))

        let superseded = S.events(r, .valueSuperseded)
        XCTAssertEqual(
            superseded.map(\.target), ["outcomes.last_contact_date", "outcomes.vital_status", "patients.birth_year"])
        let birth = try XCTUnwrap(superseded.first { $0.target == "patients.birth_year" })
        XCTAssertEqual(birth.file, "patients_2026-11-20.csv", "placed at the record whose value won")
        XCTAssertEqual(birth.locator, "line 2")
        XCTAssertEqual(birth.sourceValue, "1941")
        XCTAssertEqual(birth.targetValue, "1940")
        XCTAssertEqual(birth.rule, "most recent by updated: DATE_MAJ")
        XCTAssertEqual(
            birth.message,
            "patients.birth_year of patient 1001: \"1941\" from patients_historique.csv line 2 "
                + "(updated 2025-01-15) replaced by \"1940\" from patients_2026-11-20.csv line 2 (updated 2026-11-20) "
                + "(most recent by updated: DATE_MAJ)")

        let merged = try XCTUnwrap(S.events(r, .recordsMerged).first)
        XCTAssertEqual(merged.file, "patients_2026-11-20.csv")
        XCTAssertEqual(merged.locator, "line 2")
        XCTAssertEqual(merged.field, "DATE_MAJ")
        XCTAssertEqual(merged.targetValue, "2026-11-20")
        XCTAssertEqual(merged.rule, "most recent by updated: DATE_MAJ")
        XCTAssertEqual(
            S.statuses(r), ["patients_2026-11-20.csv line 2": "survivor", "patients_historique.csv line 2": "merged"])
        XCTAssertEqual(r.lineage.first { $0.status == .merged }?.matchProbability, 1.0)
    }

    func testTwoRecordsGiveTheSameAuditWhicheverArrivesFirst() throws {
        let a = S.patients("patients_2026-11-20.csv", [november])
        let b = S.patients("patients_historique.csv", [historical])
        let forward = try S.run([a, b])
        let backward = try S.run([b, a])
        // Counted summaries (T3003) name their first occurrence, which is arrival order by design.
        let oneByOne = { (r: CentreResult) in r.audit.events().filter { $0.count == nil } }
        XCTAssertEqual(oneByOne(forward), oneByOne(backward))
        XCTAssertEqual(oneByOne(forward).map(\.code.code), ["T3007", "T3007", "T3007", "L4001"])
        XCTAssertEqual(forward.patients[0].patients, backward.patients[0].patients)
        XCTAssertEqual(forward.patients[0].outcomes, backward.patients[0].outcomes)
        XCTAssertEqual(S.statuses(forward), S.statuses(backward))
    }

    func testShuffledRowsOfOneFileGiveTheSameMergedPatientWhenDated() throws {
        let rows = [
            ["1001", "F", "1939", "vivant", "", "01/06/2024", "02/06/2024", ""],
            ["1001", "F", "1940", "vivant", "", "01/09/2026", "05/09/2026", "MDS-07-0012"],
            ["1001", "", "1941", "vivant", "", "01/03/2025", "04/03/2025", "MDS-07-0099"],
            ["1002", "M", "1950", "vivant", "", "01/10/2026", "01/10/2026", ""],
        ]
        var seen: [String] = []
        for order in permutations([0, 1, 2, 3]) {
            let file = order.map { rows[$0] }
            let r = try S.run([S.patients("patients_2026-11-21.csv", file)])
            let p = try XCTUnwrap(r.patients.first { $0.localID == "1001" })
            let newest = "line \(order.firstIndex(of: 1)! + 2)"
            XCTAssertEqual(S.text(r, "1001", CDM.patients, "birth_year"), "1940", "\(order)")
            XCTAssertEqual(S.text(r, "1001", CDM.patients, "sex"), "female", "\(order)")
            XCTAssertEqual(S.text(r, "1001", CDM.outcomes, "last_contact_date"), "2026-09-01", "\(order)")
            XCTAssertEqual(p.linkKeys, ["trial_subject_id": "MDS-07-0012"], "\(order)")
            let merged = S.events(r, .recordsMerged)
            XCTAssertEqual(merged.map(\.locator), [newest], "\(order)")
            XCTAssertEqual(merged.first?.targetValue, "2026-09-05")
            XCTAssertEqual(
                r.lineage.filter { $0.localPatientID == "1001" && $0.status == .survivor }.map(\.locator), [newest])
            seen.append("\(p.patients!) \(p.outcomes!)")
        }
        XCTAssertEqual(Set(seen).count, 1, "every order gives the same rows")
    }

    func testUndatedRecordsFallBackToFileOrder() throws {
        let older = ["1001", "F", "1941", "vivant", "", "10/01/2025", "15/01/2025", ""]
        let newer = ["1001", "F", "1940", "vivant", "", "01/09/2026", "20/11/2026", ""]
        let r = try S.run([S.patients("patients_a.csv", [newer]), S.patients("patients_b.csv", [older])], updated: "")
        XCTAssertEqual(S.text(r, "1001", CDM.patients, "birth_year"), "1941", "without updated: the later file wins")
        let merged = try XCTUnwrap(S.events(r, .recordsMerged).first)
        XCTAssertEqual(merged.file, "patients_b.csv")
        XCTAssertEqual(merged.rule, "last in file order")
        XCTAssertNil(merged.targetValue)
        XCTAssertNil(merged.field)
        let superseded = try XCTUnwrap(S.events(r, .valueSuperseded).first { $0.target == "patients.birth_year" })
        XCTAssertEqual(superseded.rule, "last in file order")
        XCTAssertEqual(
            superseded.message,
            "patients.birth_year of patient 1001: \"1940\" from patients_a.csv line 2 "
                + "replaced by \"1941\" from patients_b.csv line 2 (last in file order)")
    }

    func testEmptyDatesAreUndatedAndEqualDatesGoToFileOrder() throws {
        let dated = ["1001", "F", "1940", "vivant", "", "01/09/2026", "20/11/2026", ""]
        let undated = ["1001", "F", "1941", "vivant", "", "01/10/2026", "NA", ""]
        let sameDay = ["1001", "F", "1942", "vivant", "", "01/09/2026", "20/11/2026", ""]
        var r = try S.run([S.patients("patients_a.csv", [dated]), S.patients("patients_b.csv", [undated])])
        XCTAssertEqual(S.text(r, "1001", CDM.patients, "birth_year"), "1940", "an undated record yields to a dated one")
        XCTAssertEqual(S.events(r, .recordsMerged).first?.rule, "most recent by updated: DATE_MAJ")
        XCTAssertTrue(S.events(r, .valueInvalid).isEmpty, "a \"not known\" date is no date, without audit")

        r = try S.run([S.patients("patients_a.csv", [dated]), S.patients("patients_b.csv", [sameDay])])
        XCTAssertEqual(S.text(r, "1001", CDM.patients, "birth_year"), "1942", "a tie goes to file order")
        let merged = try XCTUnwrap(S.events(r, .recordsMerged).first)
        XCTAssertEqual(merged.file, "patients_b.csv")
        XCTAssertEqual(merged.rule, "last in file order")
        XCTAssertEqual(merged.targetValue, "2026-11-20")
    }

    func testUnreadableUpdateDateIsAuditedAndTheRecordCountsAsUndated() throws {
        let dated = ["1001", "F", "1940", "vivant", "", "01/09/2026", "20/11/2026", ""]
        let broken = ["1001", "F", "1941", "vivant", "", "01/10/2026", "31/02/2026", ""]
        let r = try S.run([S.patients("patients_a.csv", [dated]), S.patients("patients_b.csv", [broken])])
        XCTAssertEqual(S.text(r, "1001", CDM.patients, "birth_year"), "1940")
        let invalid = S.events(r, .valueInvalid)
        XCTAssertEqual(invalid.count, 1)
        XCTAssertEqual(invalid.first?.file, "patients_b.csv")
        XCTAssertEqual(invalid.first?.field, "DATE_MAJ")
        XCTAssertEqual(invalid.first?.sourceValue, "31/02/2026")
        XCTAssertEqual(invalid.first?.rule, "mappings/test.yaml:9 patients.updated")
        XCTAssertTrue(
            invalid.first?.message.contains("is not a real calendar date (pattern dd/MM/yyyy)") ?? false,
            invalid.first?.message ?? "")
        XCTAssertEqual(S.statuses(r), ["patients_a.csv line 2": "survivor", "patients_b.csv line 2": "merged"])
    }

    func testAnOlderCourseRowArrivingLaterIsNotTaken() throws {
        let patient = ["1001", "F", "1940", "vivant", "", "01/09/2026", "20/11/2026", ""]
        let r = try S.run([
            S.patients("patients_2026-11-20.csv", [patient]),
            S.courses("cures_2026-11-20.csv", [["1001", "1", "10/01/2025", "10", "20/11/2026"]]),
            S.courses(
                "cures_reprise_2025.csv",
                [
                    ["1001", "1", "10/01/2025", "15", "15/01/2025"],
                    ["1001", "2", "01/02/2026", "5", "15/01/2025"],
                ]),
        ])
        let rows = MappingHarness.rows(r, "1001", CDM.lenCourses)
        XCTAssertEqual(rows.map { $0["course_number"] }, ["1", "2"], "a row only the older export has is kept")
        XCTAssertEqual(rows.map { $0["initial_dose_mg"] }, ["10.0", "5.0"])
        let superseded = try XCTUnwrap(S.events(r, .valueSuperseded).first)
        XCTAssertEqual(superseded.target, "len_courses")
        XCTAssertEqual(superseded.file, "cures_2026-11-20.csv")
        XCTAssertEqual(superseded.sourceValue, "course_number=1")
        XCTAssertEqual(superseded.rule, "most recent by updated: DATE_MAJ")
        XCTAssertEqual(
            S.statuses(r),
            [
                "patients_2026-11-20.csv line 2": "survivor", "cures_2026-11-20.csv line 2": "survivor",
                "cures_reprise_2025.csv line 2": "merged", "cures_reprise_2025.csv line 3": "survivor",
            ])
    }

    func testConversionsAreCountedOnlyForTheValuesTaken() throws {
        let yaml = """
            version: 1
            sources:
              - name: patients
                files: ["*.csv"]
                format: csv
                patient_key: ID
                updated: EXPORTED
                tables:
                  patients:
                    hb_g_dl: { field: HB, factor: 0.1, unit: g/L }
            """
        let header = ["ID", "HB", "EXPORTED"]
        let r = try MappingHarness.run(
            yaml,
            [
                MappingHarness.Input(
                    source: "patients", file: "a.csv", header: header, rows: [["1001", "102", "2026-11-20"]]),
                MappingHarness.Input(
                    source: "patients", file: "b.csv", header: header, rows: [["1001", "95", "2025-01-15"]]),
            ])
        XCTAssertEqual(MappingHarness.value(r, "1001", CDM.patients, "hb_g_dl").doubleValue ?? 0, 10.2, accuracy: 1e-9)
        let converted = S.events(r, .unitConverted)
        XCTAssertEqual(converted.map(\.sourceValue), ["102"], "the 2025 value 95 is not in the output: not counted")
        XCTAssertEqual(converted.first?.count, 1)
    }

    /// Every ordering of `items`.
    private func permutations(_ items: [Int]) -> [[Int]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { i -> [[Int]] in
            var rest = items
            let first = rest.remove(at: i)
            return permutations(rest).map { [first] + $0 }
        }
    }
}
