import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// `csv.encoding`: every supported encoding by name or alias, any case; unknown names listed.
final class MappingEncodingTests: XCTestCase {
    private func mapping(encoding: String) -> String {
        """
        version: 1
        sources:
          - name: patients
            files: ["p.csv"]
            format: csv
            csv: { delimiter: ";", encoding: \(encoding) }
            patient_key: ID
            tables:
              patients:
                birth_year: { field: AN }
        """
    }

    private func declared(_ name: String) throws -> TextEncoding? {
        let config = try MappingParser.parse(yaml: mapping(encoding: name), file: "m.yaml")
        guard case .csv(let dialect) = config.sources[0].format else { return nil }
        return dialect.encoding
    }

    func testNamesAndAliasesInAnyCase() throws {
        let expected: [(String, TextEncoding)] = [
            ("utf-8", .utf8), ("UTF-8", .utf8), ("utf8", .utf8),
            ("latin-1", .latin1), ("ISO-8859-1", .latin1), ("Latin1", .latin1),
            ("windows-1252", .windows1252), ("CP1252", .windows1252), ("Windows-1252", .windows1252),
            ("utf-16", .utf16), ("UTF-16LE", .utf16le), ("utf-16be", .utf16be),
        ]
        for (name, encoding) in expected {
            XCTAssertEqual(try declared(name), encoding, name)
        }
    }

    func testEncodingDefaultsToUTF8() throws {
        let yaml = mapping(encoding: "utf-8").replacingOccurrences(of: ", encoding: utf-8", with: "")
        guard case .csv(let dialect) = try MappingParser.parse(yaml: yaml, file: "m.yaml").sources[0].format else {
            return XCTFail("not csv")
        }
        XCTAssertEqual(dialect.encoding, .utf8)
    }

    func testUnknownEncodingListsTheValidOnesAndSuggests() {
        let problems = mappingProblems(mapping(encoding: "cp1253"), file: "m.yaml")
        XCTAssertEqual(places(problems), ["6:38"])
        XCTAssertEqual(
            problems.first?.message,
            "unknown encoding 'cp1253'; valid encodings: utf-8, latin-1,"
                + " windows-1252, utf-16, utf-16le, utf-16be (also iso-8859-1, cp1252)")
        XCTAssertEqual(
            problems.first?.hint,
            "did you mean 'cp1252'? write the encoding the centre's export is saved in")
        let far = mappingProblems(mapping(encoding: "ebcdic"), file: "m.yaml")
        XCTAssertEqual(far.first?.hint, "write the encoding the centre's export is saved in")
    }
}
