import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// The examples of docs/mapping.md parse to the structure the spec describes.
final class MappingExampleTests: XCTestCase {
    private func csvExample() throws -> MappingConfig {
        let yaml = try DocExamples.yamlBlocks("mapping.md")[0]
        return try MappingParser.parse(yaml: yaml, file: "mappings/fr-lyon.yaml")
    }

    func testTopLevelAndCSVDialect() throws {
        let config = try csvExample()
        XCTAssertEqual(config.version, 1)
        XCTAssertEqual(config.centre, "fr-lyon")
        XCTAssertEqual(config.missing, ["", "NA", "nd", "?"])
        XCTAssertEqual(config.file, "mappings/fr-lyon.yaml")
        XCTAssertEqual(config.sources.map(\.name), ["patients", "treatments"])
        let patients = config.sources[0]
        XCTAssertEqual(patients.files, ["patients_*.csv"])
        XCTAssertEqual(patients.patientKey, "NUM_PATIENT")
        XCTAssertEqual(patients.format, .csv(CSVDialect(delimiter: UInt8(ascii: ";"), quote: UInt8(ascii: "\""))))
        XCTAssertEqual(patients.location, SourceLocation(file: "mappings/fr-lyon.yaml", line: 6, column: 11))
        XCTAssertEqual(patients.tables.map(\.table), ["patients", "outcomes", "lab_results"])
    }

    func testRulesKeepDocumentOrderAndOptions() throws {
        let patients = try csvExample().sources[0].tables[0]
        XCTAssertEqual(patients.rows.count, 1)
        let rules = patients.rows[0].columns
        XCTAssertEqual(
            rules.map(\.column),
            ["sex", "birth_year", "diagnosis_date", "who_class", "hb_g_dl", "therapy_related"])
        XCTAssertEqual(rules[0].input, .field("SEXE"))
        XCTAssertEqual(rules[0].map, [MapEntry(source: "M", target: "male"), MapEntry(source: "F", target: "female")])
        XCTAssertEqual(rules[2].datePattern?.text, "dd/MM/yyyy")
        XCTAssertNil(rules[1].datePattern)
        XCTAssertEqual(rules[3].map?.map(\.source), ["AR", "5q-", "AREB-1"])
        XCTAssertEqual(rules[3].map?.map(\.target), ["ra", "del5q_syndrome", "raeb1"])
        XCTAssertEqual(rules[4].decimal, ",")
        XCTAssertEqual(rules[4].factor, 0.1)
        XCTAssertEqual(rules[4].unit, "g/L")
        XCTAssertEqual(rules[1].decimal, ".")
        XCTAssertEqual(
            rules[5].map, [MapEntry(source: "oui", target: "true"), MapEntry(source: "non", target: "false")])
    }

    func testLabResultsListGivesTwoRows() throws {
        let lab = try csvExample().sources[0].tables[2]
        XCTAssertEqual(lab.table, "lab_results")
        XCTAssertEqual(lab.rows.count, 2)
        XCTAssertEqual(
            lab.rows.map { $0.columns.map(\.column) },
            [
                ["sample_date", "analyte", "value"],
                ["sample_date", "analyte", "value"],
            ])
        XCTAssertEqual(lab.rows[0].columns[1].input, .constant("hb"))
        XCTAssertEqual(lab.rows[1].columns[1].input, .constant("platelets"))
        XCTAssertEqual(lab.rows[1].columns[2].input, .field("PLAQUETTES"))
        XCTAssertNil(lab.rows[1].columns[2].factor)
    }

    func testRuleLocationAndReference() throws {
        let outcomes = try csvExample().sources[0].tables[1]
        let death = outcomes.rows[0].columns[1]
        XCTAssertEqual(death.location, SourceLocation(file: "mappings/fr-lyon.yaml", line: 24, column: 9))
        XCTAssertEqual(death.reference(table: outcomes.table), "mappings/fr-lyon.yaml:24 outcomes.death_date")
        XCTAssertEqual(outcomes.rows[0].columns[0].map?.last, MapEntry(source: "décédé", target: "dead"))
    }

    func testSecondSourceUsesDefaultQuote() throws {
        let treatments = try csvExample().sources[1]
        XCTAssertEqual(treatments.format, .csv(CSVDialect(delimiter: UInt8(ascii: ";"))))
        let rules = treatments.tables[0].rows[0].columns
        XCTAssertEqual(rules[1].map?.map(\.source), ["Azacitidine", "Soins de support"])
    }

    func testXMLExampleGathersFieldsInFirstAppearanceOrder() throws {
        let fragment = try DocExamples.yamlBlocks("mapping.md")[1]
        let yaml = "version: 1\nsources:\n" + fragment
        let config = try MappingParser.parse(yaml: yaml, file: "x.yaml")
        XCTAssertEqual(config.missing, [""])
        XCTAssertNil(config.centre)
        XCTAssertEqual(
            config.sources[0].format,
            .xml(
                XMLRecordSpec(
                    recordPath: "/registry/patient",
                    fields: ["@id", "demographics/sex", "demographics/@birthYear"])))
        XCTAssertEqual(config.sources[1].patientKey, "../../@id")
        XCTAssertEqual(
            config.sources[1].format,
            .xml(
                XMLRecordSpec(
                    recordPath: "/registry/patient/lenalidomide/course",
                    fields: ["../../@id", "@n", "start"])))
    }

    func testXMLFieldsAreDeduplicated() throws {
        let yaml = """
            version: 1
            sources:
              - name: p
                files: ["*.xml"]
                format: xml
                xml: { record: /r/p }
                patient_key: "@id"
                tables:
                  lab_results:
                    - { sample_date: { field: d }, analyte: { value: hb }, value: { field: hb } }
                    - { sample_date: { field: d }, analyte: { value: platelets }, value: { field: plt } }
                  patients:
                    sex: { field: "@id" }
            """
        let spec = try MappingParser.parse(yaml: yaml, file: "x.yaml").sources[0].format
        XCTAssertEqual(spec, .xml(XMLRecordSpec(recordPath: "/r/p", fields: ["@id", "d", "hb", "plt"])))
    }
}
