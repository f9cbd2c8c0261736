import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// docs/mapping.md repeat shapes: long (one row per line), wide (`repeat:`), packed in one cell
/// (`unpack:`). Expected rows are written by hand.
final class MappingLanguageRepeatTests: XCTestCase {
    typealias H = MappingHarness

    static let categories = """
        { "Azacitidin": hma, "Aza": hma, "Allo-SCT": allo_sct, "BSC": bsc, "Decitabin": hma }
        """

    func testWideColumnsGiveOneRowPerFilledRepeat() throws {
        let r = try H.run(
            H.oneSource(
                "patients",
                tables: """
                          treatment_lines:
                            repeat: { n: "1..3" }
                            line_number: { value: "{n}" }
                            category: { field: "ttt{n}_type", map: \(Self.categories) }
                            start_date: { field: "ttt{n}_debut", date: dd/MM/yyyy }
                    """),
            [
                H.Input(
                    source: "patients", file: "p_1.csv",
                    header: ["ID", "ttt1_type", "ttt1_debut", "ttt2_type", "ttt2_debut", "ttt3_type", "ttt3_debut"],
                    rows: [
                        ["1", "Aza", "04/03/2012", "Allo-SCT", "01/10/2012", "", ""],
                        ["2", "BSC", "", "", "", "", ""],
                    ])
            ])
        XCTAssertEqual(
            H.rows(r, "1", CDM.treatmentLines),
            [
                ["line_number": "1", "category": "hma", "start_date": "2012-03-04"],
                ["line_number": "2", "category": "allo_sct", "start_date": "2012-10-01"],
            ])
        XCTAssertEqual(H.rows(r, "2", CDM.treatmentLines), [["line_number": "1", "category": "bsc"]])
    }

    func testRepeatOverAListOfNames() throws {
        let r = try H.run(
            H.oneSource(
                "labs",
                tables: """
                          lab_results:
                            repeat: { a: [hb, anc] }
                            sample_date: { field: DATE }
                            analyte: { value: "{a}" }
                            value: { field: "{a}_value" }
                    """),
            [
                H.Input(
                    source: "labs", file: "l_1.csv", header: ["ID", "DATE", "hb_value", "anc_value"],
                    rows: [["1", "2012-01-01", "9.1", "1.2"]])
            ])
        XCTAssertEqual(
            H.rows(r, "1", CDM.labResults).map { [$0["analyte"]!, $0["value"]!, $0["unit"]!] },
            [["hb", "9.1", "g_dl"], ["anc", "1.2", "g_l_10e9"]])
    }

    func testPackedCellGivesOneRowPerItemAndAuditsAnItemThePatternCannotRead() throws {
        let r = try H.run(
            H.oneSource(
                "patients",
                tables: """
                          treatment_lines:
                            unpack:
                              field: TREATMENTS
                              separator: ";"
                              pattern: '(?<agent>[A-Za-z-]+) (?<start>\\d{4}-\\d{2}-\\d{2})(\\.\\.(?<end>\\d{4}-\\d{2}-\\d{2}))?( \\((?<resp>[A-Z]+)\\))?'
                            line_number: { field: "#item" }
                            category: { field: agent, map: \(Self.categories) }
                            agent: { field: agent, map: { Azacitidin: azacitidine, Decitabin: decitabine }, unknown: ~ }
                            start_date: { field: start }
                            end_date: { field: end }
                            best_response: { field: resp, map: { SD: sd, PR: pr } }
                    """),
            [
                H.Input(
                    source: "patients", file: "p_1.csv", header: ["ID", "TREATMENTS"],
                    rows: [
                        ["1", "Azacitidin 2012-03-04..2012-09-01 (SD); Allo-SCT 2012-10-01"],
                        ["2", "Decitabin 2013-01-02 (PR);; soon"],
                    ])
            ])
        XCTAssertEqual(
            H.rows(r, "1", CDM.treatmentLines),
            [
                [
                    "line_number": "1", "category": "hma", "agent": "azacitidine", "start_date": "2012-03-04",
                    "end_date": "2012-09-01", "best_response": "sd",
                ],
                ["line_number": "2", "category": "allo_sct", "start_date": "2012-10-01"],
            ])
        XCTAssertEqual(
            H.rows(r, "2", CDM.treatmentLines),
            [
                [
                    "line_number": "1", "category": "hma", "agent": "decitabine", "start_date": "2013-01-02",
                    "best_response": "pr",
                ]
            ])
        let unreadable = Fixtures.events(r.audit, .itemUnreadable)
        XCTAssertEqual(unreadable.map(\.sourceValue), ["soon"])
        XCTAssertEqual(unreadable.first?.locator, "line 3")
        XCTAssertEqual(unreadable.first?.field, "TREATMENTS")
    }

    func testLongFormatOneRowPerRecord() throws {
        let r = try H.run(
            H.oneSource(
                "lines",
                tables: """
                          treatment_lines:
                            line_number: { field: N }
                            category: { field: T, map: \(Self.categories) }
                    """),
            [
                H.Input(
                    source: "lines", file: "t_1.csv", header: ["ID", "N", "T"],
                    rows: [["1", "1", "BSC"], ["1", "2", "Aza"]])
            ])
        XCTAssertEqual(
            H.rows(r, "1", CDM.treatmentLines),
            [
                ["line_number": "1", "category": "bsc"],
                ["line_number": "2", "category": "hma"],
            ])
    }
}
