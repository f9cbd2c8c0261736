import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// `format: redcap` with its `redcap:` block.
final class MappingREDCapTests: XCTestCase {
    private func mapping(_ format: String) -> String {
        """
        version: 1
        sources:
          - name: lines
            files: ["MDSLEN_DATA_*.csv"]
        \(format)
            patient_key: record_id
            tables:
              treatment_lines:
                line_number: { field: redcap_repeat_instance }
                category: { field: "tl_category#label", map: { "Best supportive care": bsc } }
        """
    }

    func testREDCapSourceWithInstrument() throws {
        let config = try MappingParser.parse(
            yaml: mapping(
                """
                    format: redcap
                    redcap: { dictionary: "*_DataDictionary_*.csv", instrument: treatment_lines }
                """), file: "m.yaml")
        XCTAssertEqual(
            config.sources[0].format,
            .redcap(REDCapSourceSpec(dictionary: "*_DataDictionary_*.csv", instrument: "treatment_lines")))
    }

    func testBaseRowsWhenNoInstrument() throws {
        let config = try MappingParser.parse(
            yaml: mapping(
                """
                    format: redcap
                    redcap: { dictionary: "dd.csv" }
                """), file: "m.yaml")
        XCTAssertEqual(config.sources[0].format, .redcap(REDCapSourceSpec(dictionary: "dd.csv")))
    }

    func testMissingBlockDictionaryUnknownKeyAndCSVSettingsAreReported() {
        let noBlock = mappingProblems(mapping("    format: redcap"))
        XCTAssertEqual(noBlock.map(\.message), ["format redcap needs a 'redcap' key naming the data dictionary"])
        let noDictionary = mappingProblems(
            mapping(
                """
                    format: redcap
                    redcap: { instrumnet: treatment_lines }
                """))
        XCTAssertEqual(noDictionary.count, 2, "\(noDictionary)")
        XCTAssertTrue(
            noDictionary.contains {
                $0.message.contains("unknown key 'instrumnet'") && $0.hint == "did you mean 'instrument'?"
            },
            "\(noDictionary)")
        XCTAssertTrue(noDictionary.contains { $0.message.contains("dictionary") }, "\(noDictionary)")
        let withCSV = mappingProblems(
            mapping(
                """
                    format: redcap
                    csv: { delimiter: ";" }
                    redcap: { dictionary: "dd.csv" }
                """))
        XCTAssertEqual(withCSV.map(\.message), ["'csv' applies only to format csv; this source is redcap"])
        XCTAssertEqual(places(withCSV), ["6:5"])
        let redcapOnCSV = mappingProblems(
            mapping(
                """
                    format: csv
                    redcap: { dictionary: "dd.csv" }
                """))
        XCTAssertEqual(redcapOnCSV.map(\.message), ["'redcap' applies only to format redcap; this source is csv"])
    }
}
