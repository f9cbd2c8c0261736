import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// Exact comparison of tables read back with the tables written.
enum ParquetReaderCheck {
    /// Same schema, same row count, every cell the same: strings by UTF-8 bytes (NFC ≠ NFD),
    /// doubles by bit pattern (-0.0 ≠ 0.0; NaN payloads kept). With `exactNaN` false any NaN
    /// matches any NaN (for writers that canonicalise NaN).
    static func assertSame(
        _ read: TableData, _ written: TableData, exactNaN: Bool = true, _ label: String = "",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let name = "\(label) \(written.schema.name)"
        XCTAssertEqual(read.schema, written.schema, name, file: file, line: line)
        XCTAssertEqual(read.rows.count, written.rows.count, "\(name): row count", file: file, line: line)
        var failures = 0
        for (r, (got, want)) in zip(read.rows, written.rows).enumerated() {
            guard got.count == want.count else {
                XCTFail("\(name) row \(r): \(got.count) values, expected \(want.count)", file: file, line: line)
                return
            }
            for (c, (a, b)) in zip(got, want).enumerated() where !same(a, b, exactNaN: exactNaN) {
                XCTFail(
                    "\(name).\(written.schema.columns[c].name) row \(r): read \(show(a)), wrote \(show(b))",
                    file: file, line: line)
                failures += 1
                if failures > 10 { return }
            }
        }
    }

    static func same(_ a: Value, _ b: Value, exactNaN: Bool) -> Bool {
        if !exactNaN, case .double(let x) = a, case .double(let y) = b, x.isNaN, y.isNaN { return true }
        return Value.sameBytes(a, b)
    }

    static func show(_ value: Value) -> String {
        switch value {
        case .string(let s): return "string \(s.prefix(30).debugDescription) (\(s.utf8.count) bytes)"
        case .double(let d): return "double \(d) (bits 0x\(String(d.bitPattern, radix: 16)))"
        default: return "\(value)"
        }
    }

    /// Reads `bytes` back as `schema`.
    static func read(_ bytes: [UInt8], as schema: TableSchema, file name: String = "test.parquet") throws -> TableData {
        try ParquetFileReader(bytes: bytes, file: name).read(as: schema)
    }

    /// The error `body` throws, or a test failure when it returns.
    static func error(
        file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Any
    ) -> ParquetReadError? {
        do {
            _ = try body()
            XCTFail("expected a ParquetReadError", file: file, line: line)
        } catch let e as ParquetReadError {
            return e
        } catch {
            XCTFail("expected a ParquetReadError, got \(error)", file: file, line: line)
        }
        return nil
    }
}

/// Runs `Tests/interop/write_parquet_variants.py` to write a table in many layouts.
enum ParquetVariants {
    struct Written: Decodable {
        let variant: String
        let file: String
        let writer: String
        let exact_nan: Bool
    }

    static let script = ParquetInterop.packageRoot.appendingPathComponent("Tests/interop/write_parquet_variants.py")

    /// The files written from `table` into `dir`, one per variant.
    static func write(_ table: TableData, into dir: URL) throws -> [Written] {
        let spec = dir.appendingPathComponent("table.json")
        try Data(json(table).utf8).write(to: spec)
        return try ParquetInterop.run(script, arguments: [spec.path, dir.path], logIn: dir).map {
            try JSONDecoder().decode(Written.self, from: $0)
        }
    }

    /// The script's input: column specs and exact cells (see the script's docstring).
    static func json(_ table: TableData) -> String {
        let columns = table.schema.columns.map { c in
            "{\"name\":\"\(c.name)\",\"type\":\"\(c.type.tokens == nil ? c.type.name : "string")\",\"required\":\(c.required)}"
        }
        let rows = table.rows.map { row in "[" + row.map(cell).joined(separator: ",") + "]" }
        return "{\"columns\":[" + columns.joined(separator: ",") + "],\"rows\":[" + rows.joined(separator: ",\n") + "]}"
    }

    private static func cell(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .string(let s): return "\"" + s.utf8.map { String(format: "%02x", $0) }.joined() + "\""
        case .int32(let i), .date(let i): return String(i)
        case .double(let d): return String(d.bitPattern)
        case .bool(let b): return b ? "true" : "false"
        }
    }
}
