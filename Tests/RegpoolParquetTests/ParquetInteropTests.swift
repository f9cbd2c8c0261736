import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// Writes tables and reads them back with pyarrow, DuckDB and polars (`read_parquet.py`).
final class ParquetInteropTests: XCTestCase {
    let writer = ParquetTableWriter(
        createdBy: "regpool version 0.1.0 (build test)",
        keyValueMetadata: [(key: "regpool.cdm_version", value: "1"), (key: "regpool.note", value: "Zürich ✓")])

    private func writeAndRead(_ tables: [TableData]) throws -> [ParquetReport] {
        let dir = try ParquetInterop.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for (i, table) in tables.enumerated() {
            let bytes = try writer.encode(table)
            XCTAssertEqual(try writer.encode(table), bytes, "\(table.schema.name): not byte-identical")
            let file = dir.appendingPathComponent("\(i)-\(table.schema.name).parquet")
            try Data(bytes).write(to: file)
            files.append(file)
        }
        let reports = try ParquetInterop.read(files)
        XCTAssertEqual(reports.count, tables.count)
        return reports
    }

    func testEveryColumnTypeRoundTripsThroughThreeReaders() throws {
        let table = ParquetFixtures.allTypes(rows: 97)
        let reports = try writeAndRead([table])
        let report = try XCTUnwrap(reports.first)
        ParquetReportCheck.check(report, against: table)
        XCTAssertEqual(report.created_by, "regpool version 0.1.0 (build test)")
        XCTAssertEqual(report.key_value_metadata["regpool.cdm_version"], "1")
        XCTAssertEqual(report.key_value_metadata["regpool.note"], "Zürich ✓")
        XCTAssertEqual(report.key_value_metadata["regpool.table"], "all_types")
        XCTAssertEqual(report.key_value_metadata["regpool.table_meaning"], "Every CDM column type.")
        XCTAssertNil(report.key_value_metadata["ARROW:schema"], "no Arrow schema: readers take types from Parquet's")
        let columns = try JSONSerialization.jsonObject(
            with: Data(XCTUnwrap(report.key_value_metadata["regpool.columns"]).utf8))
        let described = try XCTUnwrap(columns as? [[String: Any]])
        XCTAssertEqual(described.map { $0["name"] as? String }, table.schema.columns.map(\.name))
        XCTAssertEqual(described[3]["tokens"] as? [String], ["low", "int_1", "int_2"])
    }

    func testNFCAndNFDStayDistinctValuesAndOrderByBytes() throws {
        let schema = TableSchema(
            name: "accents", meaning: "", naturalKey: [], columns: [ColumnSchema("name", .string, required: true)])
        let table = TableData(schema: schema, rows: [[.string(ParquetFixtures.nfc)], [.string(ParquetFixtures.nfd)]])
        let reports = try writeAndRead([table])
        let report = try XCTUnwrap(reports.first)
        ParquetReportCheck.check(report, against: table)
        XCTAssertEqual(report.rows.map { $0[0] }, [.string("caf\u{E9}"), .string("cafe\u{301}")])
        guard case .string(let first) = report.rows[0][0], case .string(let second) = report.rows[1][0] else {
            return XCTFail("expected strings")
        }
        XCTAssertEqual(Array(first.utf8), [0x63, 0x61, 0x66, 0xC3, 0xA9])
        XCTAssertEqual(Array(second.utf8), [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81])
        // Bytes 0x65 < 0xC3: the NFD spelling is the minimum although Swift calls the two equal.
        guard case .string(let min) = report.statistics[0].min, case .string(let max) = report.statistics[0].max else {
            return XCTFail("expected string statistics")
        }
        XCTAssertEqual(Array(min.utf8), Array(ParquetFixtures.nfd.utf8))
        XCTAssertEqual(Array(max.utf8), Array(ParquetFixtures.nfc.utf8))
    }

    func testEmptyTableOpensWithItsSchema() throws {
        let tables = [TableData(schema: ParquetFixtures.typesSchema)] + CDM.tables.map { TableData(schema: $0) }
        for (table, report) in zip(tables, try writeAndRead(tables)) {
            ParquetReportCheck.check(report, against: table)
            XCTAssertEqual(report.num_rows, 0)
        }
    }

    func testEveryCDMTableSchemaRoundTrips() throws {
        let tables = CDM.tables.map { ParquetFixtures.cdmTable($0, rows: 6) }
        for (table, report) in zip(tables, try writeAndRead(tables)) {
            ParquetReportCheck.check(report, against: table)
        }
    }

    func testOneRowAndManyRows() throws {
        let tables = [ParquetFixtures.allTypes(rows: 1), ParquetFixtures.allTypes(rows: 1200)]
        for (table, report) in zip(tables, try writeAndRead(tables)) {
            ParquetReportCheck.check(report, against: table)
        }
    }
}
