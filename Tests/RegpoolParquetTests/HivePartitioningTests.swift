import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// Partition folder names: escaped as Hive and Spark escape them, and read back as the values by
/// pyarrow, DuckDB and Spark (Tests/interop/partitioned_dataset.py).
final class HivePartitioningTests: XCTestCase {
    static let centres = ["fr-lyon", "a/b c=d%", "Genève", "x+y #1", "ü?*", "tab\there"]
    static let schema = TableSchema(
        name: "visits", meaning: "", naturalKey: [],
        columns: [
            ColumnSchema("id", .int32, required: true), ColumnSchema("centre_id", .string, required: true),
            ColumnSchema("note", .string),
        ])
    static let table = TableData(
        schema: schema,
        rows: (0..<30).map { i in
            [.int32(Int32(i)), .string(centres[i % centres.count]), i % 4 == 0 ? .null : .string("n\(i)")]
        })

    func testEscapingFollowsHive() {
        XCTAssertEqual(HivePartitioning.encode("a/b c=d%"), "a%2Fb c%3Dd%25")
        XCTAssertEqual(HivePartitioning.encode("Genève"), "Genève", "UTF-8 is kept: Spark decodes %XX per byte")
        XCTAssertEqual(HivePartitioning.encode("tab\there"), "tab%09here")
        XCTAssertEqual(HivePartitioning.encode("x+y #1"), "x+y %231")
    }

    func testSplitKeepsRowOrderDropsTheColumnAndSortsParts() {
        let parts = HivePartitioning.split(Self.table, column: "centre_id") { $0[1].text }
        XCTAssertEqual(parts.map(\.segment), parts.map(\.segment).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        XCTAssertEqual(parts.count, Self.centres.count)
        for part in parts {
            XCTAssertEqual(part.table.schema.columns.map(\.name), ["id", "note"])
            let ids = part.table.rows.map { $0[0].text }
            XCTAssertEqual(ids, ids.sorted { Int($0)! < Int($1)! })
        }
        let empty = HivePartitioning.split(TableData(schema: Self.schema), column: "centre_id") { $0[1].text }
        XCTAssertEqual(empty.map(\.path), ["visits/centre_id=__HIVE_DEFAULT_PARTITION__/part-0.parquet"])
    }

    func testThreeReadersReadTheEscapedValuesBack() throws {
        let python = try ParquetInterop.python()
        let flat = try ParquetInterop.temporaryDirectory()
        let partitioned = try ParquetInterop.temporaryDirectory()
        let writer = ParquetTableWriter(createdBy: "regpool version 0.1.0 (build test)")
        try Data(try writer.encode(Self.table)).write(to: flat.appendingPathComponent("visits.parquet"))
        for part in HivePartitioning.split(Self.table, column: "centre_id", value: { $0[1].text }) {
            let url = partitioned.appendingPathComponent(part.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try writer.encode(part.table)).write(to: url)
        }
        let script = ParquetInterop.packageRoot.appendingPathComponent("Tests/interop/partitioned_dataset.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, flat.path, partitioned.path, "visits"]
        let out = Pipe()
        let err = Pipe()
        (process.standardOutput, process.standardError) = (out, err)
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(
            process.terminationStatus, 0,
            stderr.split(separator: "\n").filter { $0.contains("partitioned_dataset") }.joined())
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: stdout) as? [String: Any])
        for reader in ["pyarrow", "duckdb", "spark"] { XCTAssertEqual(report[reader] as? Int, 30, reader) }
    }
}
