import RegpoolConfig
import RegpoolConfigParser
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// docs/mapping.md constructs about labels: value maps, folding, shared vocabularies, `unknown:`,
/// one field feeding several columns. Expected values are written by hand.
final class MappingLanguageLabelTests: XCTestCase {
    typealias H = MappingHarness

    private func patients(
        _ rules: String, header: [String], _ rows: [[String?]], vocabularies: String = "",
        vocabularyFiles: [String: String] = [:]
    ) throws -> CentreResult {
        let yaml = H.oneSource("patients", vocabularies: vocabularies, tables: rules)
        return try H.run(
            yaml, vocabularies: vocabularyFiles,
            [H.Input(source: "patients", file: "p_1.csv", header: header, rows: rows)])
    }

    func testFoldingCaseAndAccentsMatchesEveryWritingOfALabel() throws {
        let r = try patients(
            """
                  outcomes:
                    vital_status: { field: STATUT, fold: [case, accents], map: { "vivant": alive, "décédé": dead } }
                    last_contact_date: { value: "2020-01-01" }
            """, header: ["ID", "STATUT"], [["1", "DÉCÉDÉ"], ["2", "Decede"], ["3", " Vivant "], ["4", "décédée"]])
        XCTAssertEqual(H.value(r, "1", CDM.outcomes, "vital_status"), .string("dead"))
        XCTAssertEqual(H.value(r, "2", CDM.outcomes, "vital_status"), .string("dead"))
        XCTAssertEqual(H.value(r, "3", CDM.outcomes, "vital_status"), .string("alive"))
        XCTAssertEqual(H.value(r, "4", CDM.outcomes, "vital_status"), .null, "folding is not fuzzy matching")
        XCTAssertEqual(Fixtures.events(r.audit, .valueUnmapped).map(\.sourceValue), ["décédée"])
    }

    func testWithoutFoldLabelsAreExact() throws {
        let r = try patients(
            """
                  patients:
                    sex: { field: S, map: { M: male, F: female } }
            """, header: ["ID", "S"], [["1", "m"], ["2", "M"]])
        XCTAssertEqual(H.value(r, "1", CDM.patients, "sex"), .null)
        XCTAssertEqual(H.value(r, "2", CDM.patients, "sex"), .string("male"))
    }

    func testFoldWorksOnSwedishAndLeavesHangulAlone() {
        let fold = TextFold(caseInsensitive: true, accentInsensitive: true)
        XCTAssertEqual(fold.fold("Återfall ÖVER"), "aterfall over")
        XCTAssertEqual(fold.fold("Ødegård"), "odegard")
        XCTAssertEqual(fold.fold("e\u{301}tat"), "etat", "a combining accent is removed too")
        XCTAssertEqual(fold.fold("완전관해"), "완전관해")
        XCTAssertEqual(Array(fold.fold(ArraySlice("AbC".utf8))), Array("abc".utf8))
    }

    static let iwg = """
        version: 1
        vocabulary: iwg
        labels:
          "CR": cr
          "complete remission": cr
          "rémission complète": cr
          "PR": pr
          "HI-E": hi_e
          "SD": sd
          "stable disease": sd
          "PD": pd
          "NE": ~
        """

    func testSharedVocabularyWithLocalOverrideAndUnknownDefault() throws {
        let r = try patients(
            """
                  len_courses:
                    course_number: { value: "1" }
                    start_date: { value: "2012-01-01" }
                    best_response:
                      field: RESP
                      vocabulary: iwg
                      fold: [case, accents]
                      map: { "SD": ne, "MS": sd }
                      unknown: ne
            """, header: ["ID", "RESP"],
            [
                ["1", "Rémission complète"], ["2", "stable DISEASE"], ["3", "MS"],
                ["4", "SD"], ["5", "NE"], ["6", "???"],
            ],
            vocabularies: "vocabularies: { iwg: vocabularies/iwg.yaml }", vocabularyFiles: ["iwg": Self.iwg])
        let response = { (id: String) in H.value(r, id, CDM.lenCourses, "best_response") }
        XCTAssertEqual(response("1"), .string("cr"))
        XCTAssertEqual(response("2"), .string("sd"))
        XCTAssertEqual(response("3"), .string("sd"), "the rule's own map adds labels")
        XCTAssertEqual(response("4"), .string("ne"), "the rule's own map wins over the vocabulary")
        XCTAssertEqual(response("5"), .null, "~ in the vocabulary means not known")
        XCTAssertEqual(response("6"), .string("ne"), "unknown: ne")
        let defaulted = Fixtures.events(r.audit, .valueDefaulted)
        XCTAssertEqual(defaulted.map(\.sourceValue), ["???"])
        XCTAssertEqual(defaulted.first?.targetValue, "ne")
        XCTAssertTrue(Fixtures.events(r.audit, .valueUnmapped).isEmpty, "a defaulted label is not unmapped")
    }

    func testUnknownNullIsAuditedAsDefaultedNotUnmapped() throws {
        let r = try patients(
            """
                  patients:
                    tp53_status: { field: TP53, map: { mut: mutated, wt: wild_type }, unknown: ~ }
            """, header: ["ID", "TP53"], [["1", "pending"], ["2", "pending"], ["3", "mut"]])
        XCTAssertEqual(H.value(r, "1", CDM.patients, "tp53_status"), .null)
        XCTAssertEqual(H.value(r, "3", CDM.patients, "tp53_status"), .string("mutated"))
        XCTAssertEqual(Fixtures.events(r.audit, .valueDefaulted).map { $0.count }, [2])
    }

    func testVocabularyTargetInvalidForTheColumnIsReportedAtTheVocabularyLine() throws {
        let mapping = try MappingParser.parse(
            yaml: """
                version: 1
                vocabularies: { iwg: vocabularies/iwg.yaml }
                sources:
                  - name: lines
                    files: ["t_*.csv"]
                    format: csv
                    patient_key: ID
                    tables:
                      treatment_lines:
                        line_number: { field: N }
                        category: { value: hma }
                        best_response: { field: R, vocabulary: iwg }
                """, file: "mappings/test.yaml")
        let vocabulary = try VocabularyParser.parse(yaml: Self.iwg, file: "vocabularies/iwg.yaml")
        XCTAssertThrowsError(try mapping.bound(to: ["iwg": vocabulary])) { error in
            let problems = (error as! ConfigError).problems
            XCTAssertEqual(problems.count, 1, "\(problems)")
            XCTAssertEqual(problems.first?.location.file, "vocabularies/iwg.yaml")
            XCTAssertEqual(problems.first?.location.line, 8, "HI-E: hi_e is a LEN response, not a line response")
            XCTAssertTrue(problems.first?.message.contains("mappings/test.yaml:12") ?? false, "names the rule")
        }
    }

    func testOneFieldFeedsSeveralColumnsToDeriveProgressionTo() throws {
        let r = try patients(
            """
                  len_courses:
                    course_number: { value: "1" }
                    start_date: { value: "2012-01-01" }
                    failure_type:
                      field: ECHEC
                      map: { "Progression to AML": progression, "Progression to RAEB-2": progression, "No response": no_response }
                    progression_to:
                      field: ECHEC
                      map: { "Progression to AML": aml, "Progression to RAEB-2": raeb2 }
                      unknown: ~
                    best_response: { field: RESP, map: { CR: cr, SD: sd } }
            """, header: ["ID", "ECHEC", "RESP"], [["1", "Progression to AML", "CR"], ["2", "No response", "SD"]])
        XCTAssertEqual(H.value(r, "1", CDM.lenCourses, "failure_type"), .string("progression"))
        XCTAssertEqual(H.value(r, "1", CDM.lenCourses, "progression_to"), .string("aml"))
        XCTAssertEqual(
            H.value(r, "1", CDM.lenCourses, "responded"), .bool(true), "responded derives from best_response")
        XCTAssertEqual(H.value(r, "2", CDM.lenCourses, "progression_to"), .null)
        XCTAssertEqual(H.value(r, "2", CDM.lenCourses, "responded"), .bool(false))
    }
}
