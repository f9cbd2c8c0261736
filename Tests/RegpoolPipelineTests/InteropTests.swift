import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// Every Parquet file of the sample build, read back by pyarrow, DuckDB and polars, must hold
/// exactly the values regpool meant to write, with the CDM's types.
final class InteropTests: XCTestCase {
    static let arrowType: [String: String] = [
        "string": "string", "enum": "string", "date": "date32[day]", "int32": "int32", "double": "double",
        "bool": "bool",
    ]

    func testEveryTableReadsBackWithItsValuesAndTypes() throws {
        let summary = try SampleBuild.shared()
        let files = try summary.tables.map { try SampleBuild.file("\($0.schema.name).parquet") }
        let read = try TestSupport.readParquet(files)
        XCTAssertEqual(read.count, summary.tables.count)
        for (table, result) in zip(summary.tables, read) {
            let name = table.schema.name
            XCTAssertEqual(result.columns.map(\.name), table.schema.columns.map(\.name), name)
            for (schema, column) in zip(table.schema.columns, result.columns) {
                XCTAssertEqual(column.arrow_type, Self.arrowType[schema.type.name], "\(name).\(schema.name)")
            }
            XCTAssertEqual(result.created_by, RegpoolVersion.createdBy, name)
            XCTAssertEqual(result.num_rows, table.rows.count, name)
            let rows = result.rows
            XCTAssertEqual(rows.count, table.rows.count, name)
            for (i, (expected, actual)) in zip(table.rows, rows).enumerated() {
                for (c, schema) in table.schema.columns.enumerated() where !TestSupport.same(actual[c], expected[c]) {
                    XCTFail(
                        "\(name) row \(i) column \(schema.name): readers give \(actual[c]), regpool meant \(expected[c])"
                    )
                }
            }
        }
    }

    func testEnumerationColumnsHoldOnlyCDMTokens() throws {
        for table in try SampleBuild.shared().tables {
            for (i, column) in table.schema.columns.enumerated() {
                guard let tokens = column.type.tokens else { continue }
                for value in table.rows.map({ $0[i] }) {
                    if case .string(let s) = value {
                        XCTAssertTrue(tokens.contains(s), "\(table.schema.name).\(column.name) holds '\(s)'")
                    }
                }
            }
        }
    }

    func testRequiredColumnsAreNeverNull() throws {
        for table in try SampleBuild.shared().tables {
            for (i, column) in table.schema.columns.enumerated() where column.required {
                XCTAssertFalse(table.rows.contains { $0[i].isNull }, "\(table.schema.name).\(column.name)")
            }
        }
    }
}
