import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

final class RowProductionTests: XCTestCase {
    typealias F = Fixtures

    /// A wide treatments file: two lines per record; empty second-line columns give no row.
    func testRowOnlyWhenAFieldGaveAValue() {
        let names = FieldNames(["NUM_PATIENT", "TYPE1", "DEBUT1", "TYPE2", "DEBUT2"])
        let cat = [("Azacitidine", "hma"), ("Soins de support", "bsc")]
        let src = F.source(
            "treatments",
            tables: [
                (
                    "treatment_lines",
                    [
                        [
                            F.constant("line_number", "1"), F.rule("category", field: "TYPE1", map: cat),
                            F.rule("start_date", field: "DEBUT1", date: "dd/MM/yyyy"),
                        ],
                        [
                            F.constant("line_number", "2"), F.rule("category", field: "TYPE2", map: cat),
                            F.rule("start_date", field: "DEBUT2", date: "dd/MM/yyyy"),
                        ],
                    ]
                )
            ])
        let r = F.run(
            src, [F.record("traitements_2024.csv", line: 2, names, ["1001", "Azacitidine", "01/02/2013", "", ""])])
        let rows = r.patients[0].rows("treatment_lines")
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0][CDM.treatmentLines.index(of: "category")!], .string("hma"))
        XCTAssertEqual(rows[0][CDM.treatmentLines.index(of: "line_number")!], .int32(1))
        XCTAssertTrue(F.events(r.audit, .rowDropped).isEmpty)
    }

    func testRowDroppedNamesTheMissingRequiredColumn() {
        let names = FieldNames(["NUM_PATIENT", "CURE", "DEBUT", "DOSE"])
        let src = F.source(
            "courses",
            tables: [
                (
                    "len_courses",
                    [
                        [
                            F.rule("course_number", field: "CURE"),
                            F.rule("start_date", field: "DEBUT", date: "dd/MM/yyyy"),
                            F.rule("initial_dose_mg", field: "DOSE"),
                        ]
                    ]
                )
            ])
        let r = F.run(
            src,
            [
                F.record("cures.csv", line: 2, names, ["1001", "1", "31/02/2012", "10"]),
                F.record("cures.csv", line: 3, names, ["1001", "2", "01/09/2012", "5"]),
            ])
        XCTAssertEqual(r.patients[0].rows("len_courses").count, 1)
        let dropped = F.events(r.audit, .rowDropped)
        XCTAssertEqual(dropped.count, 1)
        XCTAssertEqual(dropped.first?.target, "len_courses.start_date")
        XCTAssertEqual(dropped.first?.locator, "line 2")
        XCTAssertTrue(dropped.first?.message.contains("start_date") ?? false)
        XCTAssertEqual(F.events(r.audit, .valueInvalid).count, 1, "the impossible date itself")
    }

    func testLabAutoFill() {
        let names = FieldNames(["NUM_PATIENT", "DATE_LEN", "HB_G_L", "PLAQ"])
        let src = F.source(tables: [
            (
                "lab_results",
                [
                    [
                        F.rule("sample_date", field: "DATE_LEN", date: "dd/MM/yyyy"), F.constant("analyte", "hb"),
                        F.rule("value", field: "HB_G_L", decimal: ",", factor: 0.1, unit: "g/L"),
                    ],
                    [
                        F.rule("sample_date", field: "DATE_LEN", date: "dd/MM/yyyy"),
                        F.constant("analyte", "platelets"),
                        F.rule("value", field: "PLAQ"),
                    ],
                ]
            )
        ])
        let r = F.run(src, [F.record("patients.csv", line: 2, names, ["1001", "03/04/2012", " 92,0 ", "145"])])
        let rows = r.patients[0].rows("lab_results")
        XCTAssertEqual(rows.count, 2)
        let s = CDM.labResults
        let hb = rows[0]
        XCTAssertEqual(hb[s.index(of: "value")!].doubleValue!, 9.2, accuracy: 1e-12)
        XCTAssertEqual(hb[s.index(of: "unit")!], .string("g_dl"))
        XCTAssertEqual(hb[s.index(of: "source_value")!], .string("92,0"))
        XCTAssertEqual(hb[s.index(of: "source_unit")!], .string("g/L"))
        let plt = rows[1]
        XCTAssertEqual(plt[s.index(of: "unit")!], .string("g_l_10e9"))
        XCTAssertEqual(plt[s.index(of: "source_value")!], .string("145"))
        XCTAssertEqual(plt[s.index(of: "source_unit")!], .null)
        XCTAssertEqual(plt[s.index(of: "sample_date")!], .date(F.day("2012-04-03")))
    }

    func testRespondedDerivedFromBestResponseUnlessMapped() {
        let names = FieldNames(["NUM_PATIENT", "CURE", "DEBUT", "REPONSE", "REP"])
        let resp = [("RC", "cr"), ("RP", "pr"), ("HI-E", "hi_e"), ("SD", "sd"), ("PD", "pd")]
        let derived = F.source(
            "courses",
            tables: [
                (
                    "len_courses",
                    [
                        [
                            F.rule("course_number", field: "CURE"), F.rule("start_date", field: "DEBUT"),
                            F.rule("best_response", field: "REPONSE", map: resp),
                        ]
                    ]
                )
            ])
        let records = [
            F.record("c.csv", line: 2, names, ["1", "1", "2012-01-01", "HI-E", "non"]),
            F.record("c.csv", line: 3, names, ["2", "1", "2012-01-01", "SD", "oui"]),
            F.record("c.csv", line: 4, names, ["3", "1", "2012-01-01", "", "oui"]),
        ]
        let i = CDM.lenCourses.index(of: "responded")!
        let r = F.run(derived, records)
        XCTAssertEqual(r.patients.map { $0.rows("len_courses")[0][i] }, [.bool(true), .bool(false), .null])
        var mappedRules = derived.tables[0].rows[0].columns
        mappedRules.append(F.rule("responded", field: "REP", map: [("oui", "true"), ("non", "false")]))
        let mapped = F.source("courses", tables: [("len_courses", [mappedRules])])
        let m = F.run(mapped, records)
        XCTAssertEqual(m.patients.map { $0.rows("len_courses")[0][i] }, [.bool(false), .bool(true), .bool(true)])
    }
}
