import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// `MappingPreviewer` shows per record what `CentreMapper` does with it, with each value's origin.
final class MappingPreviewerTests: XCTestCase {
    private let names = FieldNames(["NUM_PATIENT", "SEXE", "HB_G_L", "DATE_DEBUT_LEN", "REPONSE"])

    private var source: SourceSpec {
        Fixtures.source(tables: [
            (
                "patients",
                [
                    [
                        Fixtures.rule("sex", field: "SEXE", map: [("M", "male"), ("F", "female")], line: 28),
                        Fixtures.rule("hb_g_dl", field: "HB_G_L", decimal: ",", factor: 0.1, unit: "g/L", line: 65),
                    ]
                ]
            ),
            (
                "len_courses",
                [
                    [
                        Fixtures.constant("course_number", "1", line: 74),
                        Fixtures.rule("start_date", field: "DATE_DEBUT_LEN", date: "dd/MM/yyyy", line: 75),
                        Fixtures.rule("best_response", field: "REPONSE", map: [("RC", "cr"), ("MS", "sd")], line: 96),
                    ]
                ]
            ),
        ])
    }

    private func record(_ line: Int, _ values: [String?]) -> SourceRecord {
        Fixtures.record("patients_2026.csv", line: line, names, values)
    }

    func testCellsCarryValueSourceFieldAndRule() throws {
        var previewer = MappingPreviewer(source: source, mapping: Fixtures.mapping([source]), centre: "fr-lyon")
        let p = previewer.preview(record(2, ["LY0001", "F", "97", "16/11/2008", "RC"]))
        XCTAssertEqual(p.patientKey, "LY0001")
        XCTAssertEqual(p.rows.map(\.table), ["patients", "len_courses"])
        let sex = try XCTUnwrap(p.rows[0].cells.first { $0.column == "sex" })
        XCTAssertEqual(
            sex,
            PreviewCell(
                column: "sex", value: .string("female"), field: "SEXE", sourceText: "F",
                rule: "mappings/fr-lyon.yaml:28"))
        let hb = try XCTUnwrap(p.rows[0].cells.first { $0.column == "hb_g_dl" }?.value.doubleValue)
        XCTAssertEqual(hb, 9.7, accuracy: 1e-9)
        let course = p.rows[1].cells
        XCTAssertEqual(
            course.first { $0.column == "course_number" },
            PreviewCell(
                column: "course_number", value: .int32(1), field: nil, sourceText: nil, rule: "mappings/fr-lyon.yaml:74"
            ))
        XCTAssertEqual(
            course.first { $0.column == "responded" },
            PreviewCell(column: "responded", value: .bool(true), field: nil, sourceText: nil, rule: nil), "derived")
        XCTAssertEqual(p.issues, [], "code maps and conversions are counted, not issues")
    }

    func testIssuesAreTheEventsTheMapperRecords() {
        let bad = record(22, ["LY0021", "I", "97", "31/02/2009", "MS"])
        var previewer = MappingPreviewer(source: source, mapping: Fixtures.mapping([source]), centre: "fr-lyon")
        let p = previewer.preview(bad)
        let mapped = Fixtures.run(source, [bad]).audit.events().filter {
            $0.count == nil && $0.code.stage == .transform
        }
        XCTAssertEqual(p.issues, mapped)
        XCTAssertTrue(Set(p.issues.map(\.code.code)).isSuperset(of: ["T3001", "T3002"]), "\(p.issues)")
        let sex = p.rows.first { $0.table == "patients" }?.cells.first { $0.column == "sex" }
        XCTAssertEqual(sex?.value, .null)
        XCTAssertEqual(sex?.sourceText, "I")
    }

    func testRecordWithoutKeyGivesNoRowsAndT3005() {
        var previewer = MappingPreviewer(source: source, mapping: Fixtures.mapping([source]), centre: "fr-lyon")
        let p = previewer.preview(record(9, ["NA", "F", "97", "16/11/2008", "RC"]))
        XCTAssertNil(p.patientKey)
        XCTAssertEqual(p.rows, [])
        XCTAssertEqual(p.issues.map(\.code), [.recordRejected])
        XCTAssertEqual(p.issues.first?.sourceValue, "NA")
        XCTAssertEqual(
            p.issues, Fixtures.run(source, [record(9, ["NA", "F", "97", "16/11/2008", "RC"])]).audit.events())
    }

    func testUnreadableUpdateDateIsAnIssueOfTheRecord() throws {
        var spec = source
        spec.updated = UpdateDateSpec(
            field: "DATE_MAJ", datePattern: try DatePattern("dd/MM/yyyy"), location: Fixtures.loc(9))
        let header = FieldNames(["NUM_PATIENT", "SEXE", "DATE_MAJ"])
        var previewer = MappingPreviewer(source: spec, mapping: Fixtures.mapping([spec]), centre: "fr-lyon")
        let p = previewer.preview(Fixtures.record("patients_2026.csv", line: 4, header, ["LY0001", "F", "2026-11-20"]))
        XCTAssertEqual(p.issues.map(\.code), [.valueInvalid])
        XCTAssertEqual(p.issues.first?.field, "DATE_MAJ")
        XCTAssertEqual(p.issues.first?.sourceValue, "2026-11-20")
        XCTAssertEqual(p.issues.first?.rule, "mappings/fr-lyon.yaml:9 patients.updated")
        let ok = previewer.preview(
            Fixtures.record("patients_2026.csv", line: 5, header, ["LY0002", "F", "20/11/2026"]))
        XCTAssertEqual(ok.issues, [])
    }
}
