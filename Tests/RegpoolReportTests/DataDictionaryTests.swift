import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolReport

/// The data dictionary is generated from the model: every table, column and token, with labels,
/// units and SPSS codes, in contract order.
final class DataDictionaryTests: XCTestCase {
    let dictionary = DataDictionary(regpoolVersion: "9.9.9")

    func testEveryColumnAndTokenOfTheModelIsListed() throws {
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dictionary.json())) as? [String: Any])
        XCTAssertEqual(json["cdm_version"] as? String, CDM.version)
        let tables = try XCTUnwrap(json["tables"] as? [[String: Any]])
        XCTAssertEqual(tables.map { $0["name"] as? String }, CDM.tables.map(\.name))
        for (table, schema) in zip(tables, CDM.tables) {
            let columns = try XCTUnwrap(table["columns"] as? [[String: Any]])
            XCTAssertEqual(columns.map { $0["name"] as? String }, schema.columns.map(\.name), schema.name)
            for (column, model) in zip(columns, schema.columns) {
                XCTAssertEqual(column["type"] as? String, model.type.name)
                XCTAssertEqual(column["required"] as? Bool, model.required)
                let tokens = (column["tokens"] as? [[String: Any]])?.map { $0["token"] as? String }
                XCTAssertEqual(tokens, model.type.tokens, "\(schema.name).\(model.name)")
                if let codes = (column["tokens"] as? [[String: Any]])?.map({ $0["spss_code"] as? Int }) {
                    XCTAssertEqual(codes, Array(1...codes.count), "codes 1…n in contract order")
                }
            }
        }
    }

    func testLabelsAndUnitsComeFromTheModel() throws {
        let columns = dictionary.columns(of: CDM.patients)
        let hb = try XCTUnwrap(columns.first { $0.name == "hb_g_dl" })
        XCTAssertEqual(hb.unit, "g/dL")
        XCTAssertEqual(hb.label, "Haemoglobin, g/dL")
        XCTAssertEqual(hb.parquet.physical, "DOUBLE")
        let cohort = dictionary.columns(of: CDM.analysisCohort)
        XCTAssertEqual(cohort.first { $0.name == "os_months" }?.unit, "months (days / 30.4375)")
        let failure = try XCTUnwrap(cohort.first { $0.name == "failure_type" })
        XCTAssertEqual(failure.tokens.first?.code, 1)
        XCTAssertEqual(failure.parquet.logical, "STRING")
        XCTAssertNil(cohort.first { $0.name == "pooled_id" }?.unit)
        XCTAssertEqual(CDM.unit(table: "lab_results", column: "value"), "as named by the row's unit column")
    }

    func testMarkdownHasASectionPerTableAndEscapesPipes() {
        let text = String(decoding: dictionary.markdown(), as: UTF8.self)
        for table in CDM.tables { XCTAssertTrue(text.contains("\n## \(table.name)\n"), table.name) }
        XCTAssertTrue(text.contains("| `hb_g_dl` | Haemoglobin, g/dL | double | DOUBLE | no | g/dL |"))
        XCTAssertEqual(DataDictionary.cell("a|b\nc"), "a\\|b c")
    }

    func testTheSameModelGivesTheSameBytes() {
        XCTAssertEqual(dictionary.json(), DataDictionary(regpoolVersion: "9.9.9").json())
        XCTAssertEqual(dictionary.markdown(), DataDictionary(regpoolVersion: "9.9.9").markdown())
    }
}
