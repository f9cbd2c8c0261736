import RegpoolConfig
import XCTest

/// Strictness: every mistake of a mapping file is reported, with its line and column, in one throw.
final class MappingErrorTests: XCTestCase {
    func testFivePlantedMistakesAreAllReportedInOneThrow() {
        let yaml = """
            version: 1
            sources:
              - name: patients
                files: ["p.csv"]
                format: csv
                csv: { delimiter: ";", quotes: "'" }
                patient_key: ID
                tables:
                  patients:
                    sex: { field: SEXE, map: { M: male, F: femme } }
                    birth_yaer: { field: AN }
                    diagnosis_date: { field: D, date: dd/MM/yy }
                    who_class: { field: OMS, value: ra }
            """
        let problems = mappingProblems(yaml, file: "mappings/x.yaml")
        XCTAssertEqual(places(problems), ["6:28", "10:48", "11:9", "12:43", "13:34"])
        XCTAssertTrue(problems.allSatisfy { $0.location.file == "mappings/x.yaml" })
        XCTAssertTrue(problems[0].message.contains("unknown key 'quotes'"), problems[0].message)
        XCTAssertEqual(problems[0].hint, "did you mean 'quote'?")
        XCTAssertTrue(
            problems[1].message.contains("'femme' is not a token of patients.sex; valid tokens: male, female"),
            problems[1].message)
        XCTAssertTrue(problems[2].message.contains("unknown column 'birth_yaer' in CDM table 'patients'"))
        XCTAssertEqual(problems[2].hint, "did you mean 'birth_year'?")
        XCTAssertEqual(
            problems[3].hint, "add 'pivot: 1930' (the first year of the 100-year window: 30 → 1930, 29 → 2029)")
        XCTAssertTrue(problems[4].message.contains("both 'field' and 'value'"), problems[4].message)
    }

    func testUnknownTopLevelKeyListsAllowedKeysAndSuggests() {
        let problems = mappingProblems("version: 1\nsoruces: []\n")
        XCTAssertEqual(places(problems), ["1:1", "2:1"])  // sources missing, then the unknown key
        XCTAssertEqual(
            problems[1].message,
            "unknown key 'soruces' in the mapping file; allowed keys: version, centre, missing, vocabularies, sources, derive"
        )
        XCTAssertEqual(problems[1].hint, "did you mean 'sources'?")
        XCTAssertEqual(problems[0].message, "missing required key 'sources' in the mapping file")
    }

    func testFarOffUnknownKeyHasNoSuggestion() {
        let problems = mappingProblems("version: 1\nsources: []\nwhatever: 3\n")
        XCTAssertEqual(places(problems), ["2:10", "3:1"])
        XCTAssertNil(problems[1].hint)
    }

    func testDuplicateKeyIsReportedWhereItRepeats() {
        let yaml = """
            version: 1
            sources:
              - name: a
                files: ["*"]
                name: b
            """
        let problems = mappingProblems(yaml)
        XCTAssertEqual(places(problems), ["5:5"])
        XCTAssertTrue(problems[0].message.contains("duplicate key 'name'"), problems[0].message)
    }

    func testWrongVersion() {
        let problems = mappingProblems("version: 2\nsources: []\n")
        XCTAssertEqual(places(problems), ["1:10", "2:10"])
        XCTAssertTrue(problems[0].message.contains("unsupported version '2'"), problems[0].message)
    }

    func testYAMLSyntaxErrorCarriesItsPlace() {
        let problems = mappingProblems("version: 1\ncentre: a: b\n")
        XCTAssertEqual(places(problems), ["2:10"])
        XCTAssertTrue(problems[0].message.hasPrefix("YAML syntax error"), problems[0].message)
    }

    func testUnterminatedQuoteNamesWhereItBegan() {
        let problems = mappingProblems("version: 1\nsources:\n  - name: \"patients\n")
        XCTAssertEqual(places(problems), ["4:1"])
        XCTAssertTrue(problems[0].message.contains("began at line 3, column 11"), problems[0].message)
    }

    func testWrongNodeKinds() {
        let yaml = """
            version: 1
            missing: NA
            sources:
              name: patients
            """
        let problems = mappingProblems(yaml)
        XCTAssertEqual(places(problems), ["2:10", "4:3"])
        XCTAssertTrue(problems[0].message.contains("'missing' must be a list"), problems[0].message)
        XCTAssertTrue(problems[1].message.contains("found a mapping"), problems[1].message)
    }
}
