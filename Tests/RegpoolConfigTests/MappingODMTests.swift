import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// `format: odm` with its `odm` block: the docs' example parses; mistakes are named.
final class MappingODMTests: XCTestCase {
    private func source(_ format: String) -> String {
        """
        version: 1
        sources:
          - name: demographics
            files: ["study.xml"]
        \(format)
            patient_key: "@SubjectKey"
            tables:
              patients:
                sex: { field: "IT.SEX#decode", map: { männlich: male, weiblich: female } }
        """
    }

    func testTheDocsExampleParses() throws {
        let fragment = try XCTUnwrap(try DocExamples.yamlBlocks("mapping.md").first { $0.contains("format: odm") })
        let config = try MappingParser.parse(yaml: "version: 1\nsources:\n" + fragment, file: "x.yaml")
        XCTAssertEqual(config.sources[0].format, .odm(ODMSourceSpec(itemGroupOID: "IG.DEMOG")))
        XCTAssertEqual(config.sources[0].patientKey, "@SubjectKey")
    }

    func testItemGroupIsRequiredAndUnknownKeysAreErrors() {
        let missingBlock = mappingProblems(source("    format: odm"))
        XCTAssertEqual(missingBlock.count, 1)
        XCTAssertTrue(missingBlock[0].message.contains("format odm needs an 'odm' key"), "\(missingBlock)")

        let missingKey = mappingProblems(source("    format: odm\n    odm: { group: IG.DEMOG }"))
        XCTAssertTrue(missingKey.contains { $0.message.contains("unknown key 'group'") }, "\(missingKey)")
        XCTAssertTrue(missingKey.contains { $0.message.contains("item_group") }, "\(missingKey)")

        let blank = mappingProblems(source("    format: odm\n    odm: { item_group: \"IG DEMOG\" }"))
        XCTAssertTrue(blank.contains { $0.message.contains("must be an ItemGroupOID") }, "\(blank)")
    }

    func testSettingsOfOtherFormatsAreErrors() {
        let csvOnODM = mappingProblems(
            source("    format: odm\n    odm: { item_group: IG.DEMOG }\n    csv: { delimiter: \";\" }"))
        XCTAssertTrue(
            csvOnODM.contains { $0.message.contains("'csv' applies only to format csv; this source is odm") },
            "\(csvOnODM)")
        let odmOnCSV = mappingProblems(source("    format: csv\n    odm: { item_group: IG.DEMOG }"))
        XCTAssertTrue(
            odmOnCSV.contains { $0.message.contains("'odm' applies only to format odm; this source is csv") },
            "\(odmOnCSV)")
        let unknown = mappingProblems(source("    format: odn"))
        XCTAssertTrue(unknown.contains { $0.message.contains("allowed formats: csv, xml, odm") }, "\(unknown)")
    }
}
