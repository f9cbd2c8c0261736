import RegpoolConfig
import RegpoolConfigParser
import XCTest

/// Strictness of the mapping-language constructs: mistakes in folding, vocabularies, defaults,
/// partial dates, units, ranges, repeats and packed cells are reported together, each at its place.
final class MappingLanguageErrorTests: XCTestCase {
    func testMistakesInEveryNewConstructAreReportedInOneThrow() {
        let yaml = """
            version: 1
            vocabularies: { iwg: vocabularies/iwg.yaml }
            sources:
              - name: patients
                files: ["p.csv"]
                format: csv
                patient_key: ID
                tables:
                  patients:
                    sex: { field: S, map: { M: male, m: male }, fold: [case] }
                    diagnosis_date: { field: D, date: dd/MM/yyyy, partial: { "MM/yyyy": 31 } }
                    hb_g_dl: { field: HB, unit_field: HB_U, units: { "g/L": 0.1, "mmol/L": -1 }, range: [20, 2] }
                  len_courses:
                    course_number: { value: "1" }
                    start_date: { field: START }
                    best_response: { field: R, vocabulary: iwgg, unknown: maybe }
                  treatment_lines:
                    repeat: { n: "1..x" }
                    line_number: { value: "{n}" }
                    category: { value: hma }
                  lab_results:
                    unpack: { field: L, separator: ";", pattern: "(?<date>[0-9-]+" }
                    sample_date: { field: date }
                    analyte: { value: hb }
                    value: { field: v }
            """
        let problems = mappingProblems(yaml, file: "mappings/x.yaml")
        let messages = problems.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        let expected = [
            (10, "map label 'm' is the same as 'M'"),
            (11, "'31' is not an imputation"),
            (12, "the factor of unit 'mmol/L' must be a positive number"),
            (12, "'range' must be [lower, upper]"),
            (16, "vocabulary 'iwgg' is not declared"),
            (16, "'unknown' 'maybe' is not a token of len_courses.best_response"),
            (18, "is not a range of whole numbers"),
            (22, "not a valid regular expression"),
        ]
        XCTAssertEqual(problems.count, expected.count, messages.joined(separator: "\n"))
        for (line, text) in expected {
            XCTAssertTrue(
                messages.contains { $0.hasPrefix("\(line):") && $0.contains(text) },
                "missing line \(line): \(text)\n" + messages.joined(separator: "\n"))
        }
        XCTAssertEqual(problems.first { $0.message.contains("iwgg") }?.hint, "did you mean 'iwg'?")
    }

    func testPivotWithoutTwoDigitYearsAndUnitsWithoutUnitFieldAreRefused() {
        let yaml = """
            version: 1
            sources:
              - name: patients
                files: ["p.csv"]
                format: csv
                patient_key: ID
                tables:
                  patients:
                    diagnosis_date: { field: D, date: dd/MM/yyyy, pivot: 1930 }
                    hb_g_dl: { field: HB, units: { "g/L": 0.1 } }
                    platelets_g_l: { field: P, thousands: ".", decimal: "." }
                    sex: { value: male, fold: case }
            """
        let problems = mappingProblems(yaml, file: "mappings/x.yaml")
        XCTAssertEqual(
            problems.map(\.location.line), [9, 10, 11, 12],
            problems.map { "\($0.location.line) \($0.message)" }.joined(separator: "\n"))
        XCTAssertTrue(problems[0].message.contains("'pivot' applies to date patterns with a two-digit year"))
        XCTAssertTrue(problems[1].message.contains("'units' needs 'unit_field'"))
        XCTAssertTrue(problems[2].message.contains("'thousands' and 'decimal' are both '.'"))
        XCTAssertTrue(problems[3].message.contains("'fold' applies to a source field"))
    }

    func testVocabularyFileIsStrict() {
        XCTAssertThrowsError(
            try VocabularyParser.parse(
                yaml: """
                    version: 1
                    vocabulary: iwg
                    lables: { CR: cr }
                    """, file: "v.yaml")
        ) { error in
            let problems = (error as! ConfigError).problems
            XCTAssertTrue(
                problems.contains { $0.location.line == 3 && $0.message.contains("unknown key 'lables'") },
                "\(problems)")
        }
    }
}
