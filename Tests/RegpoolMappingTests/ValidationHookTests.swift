import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// Derivations and validation run inside `CentreMapper` after merging, before value notes are
/// counted: a value a rule drops is not counted as converted.
final class ValidationHookTests: XCTestCase {
    typealias F = Fixtures

    static let names = FieldNames([
        "NUM_PATIENT", "CURE", "DEBUT", "ECHEC_DATE", "DOSE_G", "LIGNE", "TYPE", "LIGNE_DEBUT",
    ])
    static let source = F.source(
        "cures",
        tables: [
            (
                "len_courses",
                [
                    [
                        F.rule("course_number", field: "CURE"),
                        F.rule("start_date", field: "DEBUT", date: "dd/MM/yyyy"),
                        F.rule("failure_date", field: "ECHEC_DATE", date: "dd/MM/yyyy"),
                        F.rule("initial_dose_mg", field: "DOSE_G", decimal: ",", factor: 1000, unit: "g", line: 24),
                    ]
                ]
            ),
            (
                "treatment_lines",
                [
                    [
                        F.rule("line_number", field: "LIGNE"),
                        F.rule("category", field: "TYPE", map: [("Allogreffe", "allo_sct"), ("Azacitidine", "hma")]),
                        F.rule("start_date", field: "LIGNE_DEBUT", date: "dd/MM/yyyy"),
                    ]
                ]
            ),
        ])

    func run(_ validation: ValidationSettings) -> CentreResult {
        let mapping = MappingConfig(
            version: 1, centre: "fr-lyon", missing: [""], sources: [Self.source],
            file: F.mappingFile,
            derive: [
                DerivationSpec(name: .transplantsFromTreatmentLines, location: F.loc(50)),
                DerivationSpec(name: .directlyAfterLEN, location: F.loc(51)),
            ])
        var mapper = CentreMapper(centre: F.centre, mapping: mapping, validation: validation)
        let records = [
            F.record(
                "cures_2024.csv", line: 2, Self.names,
                ["1001", "1", "10/01/2011", "01/03/2012", "0,01", "1", "Allogreffe", "02/04/2013"]),
            F.record(
                "cures_2024.csv", line: 3, Self.names,
                ["1001", "2", "10/01/2013", "01/12/2012", "0,005", "", "", ""]),
        ]
        for r in records { mapper.map(r, source: Self.source) }
        return mapper.finish()
    }

    func testDroppedRowIsNotCountedAsConverted() throws {
        let pipeline = ValidationSettings(overrides: [
            .init(
                code: "V7005", action: .dropRow,
                location: SourceLocation(file: "pipelines/p.yaml", line: 9, column: 3))
        ])
        let result = run(pipeline)
        let p = try XCTUnwrap(result.patients.first)
        XCTAssertEqual(p.rows("len_courses").map { $0[1] }, [.int32(1)], "course 2 fails before it starts: dropped")
        let converted = F.events(result.audit, .unitConverted)
        XCTAssertEqual(converted.map(\.sourceValue), ["0,01"])
        XCTAssertEqual(converted.map(\.count), [1])
        let v = F.events(result.audit, .failureBeforeLENStart)
        XCTAssertEqual(v.map(\.locator), ["line 3"])
        XCTAssertEqual(v.map(\.file), ["cures_2024.csv"])
        XCTAssertEqual(v.map(\.rule), ["V7005 drop_row (pipelines/p.yaml:9)"])
    }

    func testDefaultKeepsTheRowAndCountsBothConversions() throws {
        let result = run(.defaults)
        XCTAssertEqual(result.patients.first?.rows("len_courses").count, 2)
        XCTAssertEqual(F.events(result.audit, .unitConverted).map(\.count), [1, 1])
        XCTAssertEqual(F.events(result.audit, .failureBeforeLENStart).map(\.rule), ["V7005 keep (default)"])
    }

    func testDerivedTransplantIsValidatedAndFilled() throws {
        let p = try XCTUnwrap(run(.defaults).patients.first)
        XCTAssertEqual(
            p.rows("transplants"),
            [VP.row(CDM.transplants, ["transplant_date": VP.d("2013-04-02"), "directly_after_len": .bool(true)])])
        let audit = run(.defaults).audit
        XCTAssertEqual(
            F.events(audit, .transplantDerived).map(\.rule),
            ["mappings/fr-lyon.yaml:50 derive.transplants_from_treatment_lines"])
        XCTAssertEqual(F.events(audit, .transplantDerived).map(\.locator), ["line 2"])
        XCTAssertEqual(F.events(audit, .transplantBeforeFailure), [], "2013-04-02 is after the failure of 2011-03-01")
    }
}
