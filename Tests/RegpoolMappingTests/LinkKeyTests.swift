import RegpoolCohort
import RegpoolConfig
import RegpoolConfigParser
import RegpoolLinkage
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// `link:` keys land in `LocalPatient.linkKeys` (trimmed, empty and "not known" values left out,
/// the most recent record's value kept) and never in a CDM table.
final class LinkKeyTests: XCTestCase {
    typealias S = RecencyScenario

    func testMostRecentNonEmptyValueWins() throws {
        let r = try S.run([
            S.patients(
                "patients_2026-11-20.csv",
                [
                    ["1001", "F", "1940", "vivant", "", "01/09/2026", "20/11/2026", "  MDS-07-0021 "],
                    ["1001", "F", "1940", "vivant", "", "01/02/2025", "03/02/2025", "MDS-07-0012"],
                    ["1001", "F", "1940", "vivant", "", "01/10/2026", "21/11/2026", "NA"],
                    ["1002", "M", "1950", "vivant", "", "01/10/2026", "21/11/2026", ""],
                ])
        ])
        XCTAssertEqual(r.patients.map(\.localID), ["1001", "1002"])
        XCTAssertEqual(
            r.patients[0].linkKeys, ["trial_subject_id": "MDS-07-0021"],
            "trimmed; the older value arriving later and the newest \"NA\" do not replace it")
        XCTAssertEqual(r.patients[1].linkKeys, [:])
    }

    func testWithoutDatesTheLastRecordInFileOrderGivesTheKey() throws {
        let r = try S.run(
            [
                S.patients("patients_a.csv", [["1001", "F", "1940", "vivant", "", "01/09/2026", "", "MDS-07-0021"]]),
                S.patients("patients_b.csv", [["1001", "F", "1940", "vivant", "", "01/02/2025", "", "MDS-07-0012"]]),
            ],
            updated: "")
        XCTAssertEqual(r.patients[0].linkKeys, ["trial_subject_id": "MDS-07-0012"])
    }

    func testLinkKeysNeverReachATable() throws {
        let r = try S.run([
            S.patients(
                "patients_2026-11-20.csv",
                [
                    ["1001", "F", "1940", "vivant", "", "01/09/2026", "20/11/2026", "MDS-07-0021"]
                ])
        ])
        let (tables, _) = CohortAssembler.assemble([r], pseudonymizer: Pseudonymizer(key: CentreScenario.key))
        let cells = tables.flatMap { $0.rows.flatMap { $0.map(\.text) } }
        XCTAssertFalse(cells.contains { $0.contains("MDS-07-0021") })
        XCTAssertFalse(tables.contains { $0.schema.columns.contains { $0.name == "trial_subject_id" } })
    }

    func testRolledBackFileTakesItsLinkKeysAndRecencyWithIt() throws {
        let mapping = try MappingParser.parse(yaml: S.mapping(), file: "mappings/test.yaml")
        let source = try XCTUnwrap(mapping.sources.first)
        let names = FieldNames(S.patientHeader)
        var m = CentreMapper(centre: Fixtures.centre, mapping: mapping)
        m.beginFile()
        m.map(
            Fixtures.record(
                "patients_a.csv", line: 2, names,
                ["1001", "F", "1940", "vivant", "", "01/02/2025", "03/02/2025", "MDS-07-0012"]), source: source)
        m.commitFile()
        m.beginFile()
        m.map(
            Fixtures.record(
                "patients_b.csv", line: 2, names,
                ["1001", "F", "1941", "vivant", "", "01/09/2026", "20/11/2026", "MDS-07-0021"]), source: source)
        m.rollBackFile()
        m.beginFile()
        m.map(
            Fixtures.record(
                "patients_c.csv", line: 2, names,
                ["1001", "F", "1939", "vivant", "", "01/01/2024", "02/01/2024", "MDS-07-0001"]), source: source)
        let r = m.finish()
        XCTAssertEqual(r.patients[0].linkKeys, ["trial_subject_id": "MDS-07-0012"])
        XCTAssertEqual(S.text(r, "1001", CDM.patients, "birth_year"), "1940", "the 2025 record is the most recent left")
        XCTAssertEqual(S.statuses(r), ["patients_a.csv line 2": "survivor", "patients_c.csv line 2": "merged"])
    }
}
