import RegpoolConfig
import RegpoolConfigParser
import XCTest

/// Column rules: raw scalar text, null targets, typed constants and targets, options per column type.
final class MappingRuleTests: XCTestCase {
    /// A one-source CSV mapping whose `patients` row holds `rules` (lines start at line 9).
    private func mapping(_ rules: String, table: String = "patients") -> String {
        """
        version: 1
        sources:
          - name: s
            files: ["*.csv"]
            format: csv
            patient_key: ID
            tables:
              \(table):
        \(rules.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n"))

        """
    }

    private func rules(_ yaml: String, table: String = "patients") throws -> [ColumnRule] {
        try MappingParser.parse(yaml: mapping(yaml, table: table), file: "m.yaml").sources[0].tables[0].rows[0].columns
    }

    func testScalarsKeepTheirRawTextAndTildeMeansNotKnown() throws {
        let rules = try rules(
            """
            therapy_related: { field: T, map: { oui: true, 1: true, 01: false, "NA": ~, inconnu: null } }
            sex: { field: S, map: { M: male, " F ": female } }
            """)
        XCTAssertEqual(
            rules[0].map,
            [
                MapEntry(source: "oui", target: "true"), MapEntry(source: "1", target: "true"),
                MapEntry(source: "01", target: "false"), MapEntry(source: "NA", target: nil),
                MapEntry(source: "inconnu", target: nil),
            ])
        XCTAssertEqual(rules[1].map?.map(\.source), ["M", "F"])
    }

    func testTypedConstantsAndMissingTokens() throws {
        let rules = try rules(
            """
            sample_date: { value: "2012-02-29" }
            analyte: { value: anc }
            value: { field: V, decimal: ",", missing: ["-", "nd"] }
            """, table: "lab_results")
        XCTAssertEqual(rules[0].input, .constant("2012-02-29"))
        XCTAssertEqual(rules[2].missing, ["-", "nd"])
        XCTAssertEqual(rules[2].decimal, ",")
    }

    func testInvalidValuesForEachColumnType() {
        let problems = mappingProblems(
            mapping(
                """
                therapy_related: { field: T, map: { oui: yes } }
                birth_year: { field: Y, map: { inconnu: "19x0" } }
                hb_g_dl: { field: H, decimal: ",", map: { bas: "8.5" } }
                diagnosis_date: { field: D, date: dd/MM/yyyy, map: { début: "2012-01-01", fin: "31/02/2012" } }
                who_class: { value: RA }
                """))
        XCTAssertEqual(places(problems), ["9:50", "10:49", "11:56", "12:69", "12:88", "13:29"])
        XCTAssertTrue(problems[0].message.contains("bool"))
        XCTAssertTrue(problems[1].message.contains("int32"))
        XCTAssertTrue(problems[2].message.contains("double"))
        XCTAssertTrue(problems[3].message.contains("dd/MM/yyyy"))
        XCTAssertTrue(problems[4].message.contains("31/02/2012"))
        XCTAssertEqual(problems[5].hint, "did you mean 'ra'?")
    }

    func testOptionsOnTheWrongColumnType() {
        let problems = mappingProblems(
            mapping(
                """
                sex: { field: S, date: dd/MM/yyyy }
                birth_year: { field: Y, factor: 10 }
                hb_g_dl: { field: H, factor: .inf, decimal: ";" }
                diagnosis_date: { field: D, date: MM/dd/yyyy HH }
                """))
        XCTAssertEqual(places(problems), ["9:32", "10:41", "11:38", "11:53", "12:43"])
        XCTAssertTrue(problems[0].message.contains("'date' applies to date columns; patients.sex is enum"))
        XCTAssertTrue(problems[1].message.contains("'factor' applies to double columns"))
        XCTAssertTrue(problems[4].message.contains("unknown letters 'HH'"))
    }

    func testDerivedColumnsTablesAndMissingInput() {
        let problems = mappingProblems(
            mapping(
                """
                region: { value: europe }
                sex: { map: { M: male } }
                birth_year: ANNEE
                """) + """
                          analysis_cohort:
                            pooled_id: { field: X }
                          patinets:
                            sex: { field: S }
                    """)
        XCTAssertEqual(places(problems), ["9:9", "10:9", "11:21", "12:7", "14:7"])
        XCTAssertTrue(problems[0].message.contains("filled by regpool"))
        XCTAssertTrue(problems[1].message.contains("needs 'field'"))
        XCTAssertEqual(problems[2].hint, "write { field: ANNEE } to read that source field")
        XCTAssertTrue(problems[3].message.contains("derived by regpool"))
        XCTAssertEqual(problems[4].hint, "did you mean 'patients'?")
    }

    func testFormatSpecificKeys() {
        let yaml = """
            version: 1
            sources:
              - name: a
                files: ["*.xml"]
                format: xml
                csv: { delimiter: "\\t" }
                xml: { record: registry/patient }
                patient_key: "@id"
                tables: { patients: { sex: { field: s } } }
              - name: a
                files: ["*.csv"]
                format: csv
                csv: { delimiter: "\\t", quote: "''" }
                xml: { record: /r }
                patient_key: ID
                tables: { patients: { sex: { field: s } } }
              - name: c
                files: []
                format: xml
                patient_key: ID
                tables: { patients: [] }
            """
        let problems = mappingProblems(yaml)
        XCTAssertEqual(places(problems), ["6:5", "7:20", "10:11", "13:36", "14:5", "18:12", "19:13", "21:25"])
        XCTAssertTrue(problems[0].message.contains("'csv' applies only to format csv"))
        XCTAssertTrue(problems[1].message.contains("absolute element path"))
        XCTAssertTrue(problems[2].message.contains("duplicate source name 'a'"))
        XCTAssertTrue(problems[3].message.contains("one ASCII character"))
        XCTAssertTrue(problems[4].message.contains("'xml' applies only to format xml"))
        XCTAssertTrue(problems[6].message.contains("format xml needs an 'xml' key"))
    }

    func testDuplicateSourceNames() {
        let source = """
              - name: a
                files: ["*.csv"]
                format: csv
                csv: { delimiter: "\\t" }
                patient_key: ID
                tables: { patients: { sex: { field: s } } }

            """
        let problems = mappingProblems("version: 1\nsources:\n" + source + source)
        XCTAssertEqual(places(problems), ["9:11"])
        XCTAssertEqual(problems[0].message, "duplicate source name 'a' (first at line 3)")
        let csv = try? MappingParser.parse(yaml: "version: 1\nsources:\n" + source, file: "m.yaml")
        XCTAssertEqual(csv?.sources[0].format, .csv(.init(delimiter: 9)))
    }
}
