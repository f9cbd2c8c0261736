import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// The source-level keys `updated:` (the export/update date deciding which record of a patient is
/// the most recent) and `link:` (link keys for cross-centre linkage): what they parse to, and each
/// mistake reported at its place.
final class MappingRecencyKeyTests: XCTestCase {
    /// A one-source mapping of Lyon's patient export whose source holds `extra` (source-level lines).
    private func lyon(_ extra: String, format: String = "format: csv\n    csv: { delimiter: \";\" }") -> String {
        """
        version: 1
        sources:
          - name: patients
            files: ["patients_*.csv"]
            \(format)
            patient_key: NUM_PATIENT
        \(extra)
            tables:
              patients:
                sex: { field: SEXE, map: { M: male, F: female } }
        """
    }

    private func source(_ yaml: String) throws -> SourceSpec {
        try XCTUnwrap(MappingParser.parse(yaml: yaml, file: "mappings/fr-lyon.yaml").sources.first)
    }

    func testLongFormNamesFieldPatternAndLocation() throws {
        let spec = try source(
            lyon(
                """
                    updated: { field: DATE_MAJ, date: dd/MM/yyyy }
                """))
        XCTAssertEqual(
            spec.updated,
            UpdateDateSpec(
                field: "DATE_MAJ", datePattern: try DatePattern("dd/MM/yyyy"), pivot: nil,
                location: SourceLocation(file: "mappings/fr-lyon.yaml", line: 8, column: 5)))
        XCTAssertEqual(spec.updated?.ruleDescription, "most recent by updated: DATE_MAJ")
        XCTAssertEqual(spec.link, [])
    }

    func testShortFormReadsISODates() throws {
        let spec = try source(lyon("    updated: EXPORT_DATE"))
        XCTAssertEqual(spec.updated?.field, "EXPORT_DATE")
        XCTAssertEqual(spec.updated?.datePattern.text, "yyyy-MM-dd")
        XCTAssertNil(spec.updated?.pivot)
    }

    func testTwoDigitYearsTakeAPivot() throws {
        let spec = try source(lyon("    updated: { field: MAJ, date: dd.MM.yy, pivot: 1990 }"))
        XCTAssertEqual(spec.updated?.datePattern.text, "dd.MM.yy")
        XCTAssertEqual(spec.updated?.pivot, 1990)
    }

    func testLinkKeysInDocumentOrder() throws {
        let yaml = lyon(
            """
                link: { trial_subject_id: ESSAI_ID, birth_month: MOIS_NAISSANCE }
            """)
        let config = try MappingParser.parse(yaml: yaml, file: "mappings/fr-lyon.yaml")
        let spec = try XCTUnwrap(config.sources.first)
        XCTAssertEqual(spec.link.map(\.name), ["trial_subject_id", "birth_month"])
        XCTAssertEqual(spec.link.map(\.field), ["ESSAI_ID", "MOIS_NAISSANCE"])
        XCTAssertEqual(spec.link.first?.location.line, 8)
        XCTAssertEqual(config.linkKeyNames, ["birth_month", "trial_subject_id"])
    }

    func testXMLSourceReadsTheUpdateAndLinkFields() throws {
        let yaml = """
            version: 1
            sources:
              - name: patients
                files: ["*.xml"]
                format: xml
                xml: { record: /registry/patient }
                patient_key: "@id"
                updated: { field: "../@exported", date: yyyy-MM-dd }
                link: { trial_subject_id: "trial/@subject" }
                tables:
                  patients:
                    sex: { field: demographics/sex }
            """
        let spec = try source(yaml)
        guard case .xml(let xml) = spec.format else { return XCTFail("not xml") }
        XCTAssertEqual(xml.fields, ["@id", "demographics/sex", "../@exported", "trial/@subject"])
    }

    func testMistakesInUpdatedAreReportedAtTheirPlace() {
        let cases: [(String, String, String)] = [
            (
                "    updated: { field: DATE_MAJ, format: dd/MM/yyyy }", "8:33",
                "unknown key 'format' in 'updated'; allowed keys: field, date, pivot"
            ),
            ("    updated: { date: dd/MM/yyyy }", "8:14", "missing required key 'field' in 'updated'"),
            (
                "    updated: { field: DATE_MAJ, date: dd/MM/yyy }", "8:39",
                "date pattern 'dd/MM/yyy' has unknown letters 'yyy'"
            ),
            (
                "    updated: { field: DATE_MAJ, date: MM/yyyy }", "8:39",
                "an update date needs a full date pattern (year, month and day); 'MM/yyyy' names no day"
            ),
            (
                "    updated: { field: DATE_MAJ, date: dd.MM.yy }", "8:39",
                "date pattern 'dd.MM.yy' uses the two-digit year 'yy' but the rule gives no pivot"
            ),
            (
                "    updated: { field: DATE_MAJ, pivot: 1930 }", "8:33",
                "'pivot' applies to date patterns with a two-digit year 'yy'; 'yyyy-MM-dd' has none"
            ),
            (
                "    updated: [DATE_MAJ]", "8:14",
                "'updated' must be a field name or a mapping { field: …, date: … }, found a list"
            ),
            ("    updated:", "8:13", "'updated' needs a value"),
        ]
        for (line, place, message) in cases {
            let problems = mappingProblems(lyon(line), file: "mappings/fr-lyon.yaml")
            XCTAssertEqual(problems.count, 1, "\(line): \(problems)")
            XCTAssertEqual(places(problems), [place], line)
            XCTAssertEqual(problems.first?.message, message, line)
        }
    }

    func testUnknownKeyInUpdatedSuggestsTheNearestKey() {
        let problems = mappingProblems(lyon("    updated: { field: DATE_MAJ, dat: dd/MM/yyyy }"))
        XCTAssertEqual(problems.first?.hint, "did you mean 'date'?")
    }

    func testMistakesInLinkAreReportedAtTheirPlace() {
        let cases: [(String, String, String, String?)] = [
            (
                "    link: { Trial-ID: ESSAI_ID }", "8:13",
                "link key name 'Trial-ID' must start with a lower-case letter and hold only a-z, 0-9 and '_'",
                "e.g. trial_id"
            ),
            (
                "    link: { 2nd_id: ID2 }", "8:13",
                "link key name '2nd_id' must start with a lower-case letter and hold only a-z, 0-9 and '_'",
                "e.g. trial_subject_id"
            ),
            (
                "    link: { local_id: NUM_PATIENT }", "8:13",
                "'local_id' is the built-in link key holding the patient key (patient_key); it cannot be declared under 'link'",
                "linkage rules use local_id as it is; name this key for what it holds, e.g. trial_subject_id"
            ),
            (
                "    link: {}", "8:11", "'link' must name at least one link key",
                "e.g. link: { trial_subject_id: ESSAI_ID }"
            ),
            ("    link: [ESSAI_ID]", "8:11", "'link' must be a mapping (key: value lines or { … }), found a list", nil),
            (
                "    link: { trial_subject_id: [A, B] }", "8:31",
                "the field of link key 'trial_subject_id' must be a single value, found a list", nil
            ),
            ("    link: { trial_subject_id: }", "8:31", "the field of link key 'trial_subject_id' needs a value", nil),
        ]
        for (line, place, message, hint) in cases {
            let problems = mappingProblems(lyon(line), file: "mappings/fr-lyon.yaml")
            XCTAssertEqual(problems.count, 1, "\(line): \(problems)")
            XCTAssertEqual(places(problems), [place], line)
            XCTAssertEqual(problems.first?.message, message, line)
            XCTAssertEqual(problems.first?.hint, hint, line)
        }
    }

    func testEveryMistakeOfTheFileIsReportedAtOnce() {
        let yaml = lyon(
            """
                updated: { field: DATE_MAJ, date: jj/MM/aaaa }
                link: { local_id: NUM_PATIENT, TrialID: ESSAI_ID }
            """)
        let problems = mappingProblems(yaml)
        XCTAssertEqual(places(problems), ["8:39", "9:13", "9:36"])
    }
}
