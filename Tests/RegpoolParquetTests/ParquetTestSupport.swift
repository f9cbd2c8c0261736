import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// A JSON value as `read_parquet.py` prints it (numbers kept as Double; int32 fits exactly).
enum ParquetJSON: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let d = try? c.decode(Double.self) {
            self = .number(d)
        } else {
            self = .string(try c.decode(String.self))
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "\(b)"
        case .number(let d): return "\(d)"
        case .string(let s): return "\"\(s.prefix(40))\" (\(s.utf8.count) bytes)"
        }
    }
}

/// One line of `read_parquet.py` output.
struct ParquetReport: Decodable {
    struct Column: Decodable {
        let name: String
        let arrow_type: String
        let duckdb_type: String
        let polars_type: String
    }
    struct Statistics: Decodable {
        let column: String
        let null_count: Int?
        let min: ParquetJSON
        let max: ParquetJSON
    }
    let file: String
    let columns: [Column]
    let num_rows: Int
    let rows: [[ParquetJSON]]
    let created_by: String
    let key_value_metadata: [String: String]
    let statistics: [Statistics]
}

/// Finds Python and runs `Tests/interop/read_parquet.py` on written files.
enum ParquetInterop {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = packageRoot.appendingPathComponent("Tests/interop/read_parquet.py")

    /// `REGPOOL_PYTHON`, else `<root>/.venv/bin/python`; skips (or fails when interop is required).
    static func python() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let candidate = env["REGPOOL_PYTHON"] ?? packageRoot.appendingPathComponent(".venv/bin/python").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        let message =
            "no Python with pyarrow, duckdb and polars at \(candidate); run `make test` "
            + "(it creates .venv) or set REGPOOL_PYTHON"
        if env["REGPOOL_REQUIRE_INTEROP"] == "1" { throw ParquetInteropError(message: message) }
        throw XCTSkip(message)
    }

    /// The reports of `files`, in order; fails with the script's stderr when it exits non-zero.
    static func read(_ files: [URL]) throws -> [ParquetReport] {
        try run(script, files).map { try JSONDecoder().decode(ParquetReport.self, from: $0) }
    }

    /// The JSON lines `script` prints for `files`; fails with its stderr when it exits non-zero.
    static func run(_ script: URL, _ files: [URL]) throws -> [Data] {
        try run(script, arguments: files.map(\.path), logIn: files[0].deletingLastPathComponent())
    }

    /// The lines `script` prints for `arguments`, its stderr kept in `dir` (read while it runs,
    /// so neither pipe fills); fails with that stderr when it exits non-zero.
    static func run(_ script: URL, arguments: [String], logIn dir: URL) throws -> [Data] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try python())
        process.arguments = [script.path] + arguments
        let errorLog = dir.appendingPathComponent("\(script.lastPathComponent).stderr")
        _ = FileManager.default.createFile(atPath: errorLog.path, contents: nil)
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = try FileHandle(forWritingTo: errorLog)
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let stderr = (try? String(contentsOf: errorLog, encoding: .utf8)) ?? ""
            throw ParquetInteropError(
                message: "\(script.lastPathComponent) exited \(process.terminationStatus): \(stderr)")
        }
        return output.split(separator: UInt8(ascii: "\n")).map { Data($0) }
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("regpool-parquet-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

struct ParquetInteropError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// Checks a report against the table that was written: types, every value, statistics.
enum ParquetReportCheck {
    static func expectedTypes(_ type: ColumnType) -> (arrow: Set<String>, duckdb: String, polars: String) {
        switch type {
        case .string, .enumeration: return (["string", "large_string"], "VARCHAR", "String")
        case .date: return (["date32[day]"], "DATE", "Date")
        case .int32: return (["int32"], "INTEGER", "Int32")
        case .double: return (["double"], "DOUBLE", "Float64")
        case .bool: return (["bool"], "BOOLEAN", "Boolean")
        }
    }

    /// The JSON form `read_parquet.py` gives for a written value.
    static func json(_ value: Value) -> ParquetJSON {
        switch value {
        case .null: return .null
        case .string(let s): return .string(s)
        case .int32(let i): return .number(Double(i))
        case .bool(let b): return .bool(b)
        case .date(let d): return .string(CivilDate(days: d).iso)
        case .double(let d):
            if d.isNaN { return .string("NaN") }
            if d.isInfinite { return .string(d > 0 ? "Infinity" : "-Infinity") }
            return .number(d)
        }
    }

    /// Exact equality: strings by UTF-8 bytes (NFC ≠ NFD), doubles by bit pattern (-0.0 ≠ 0.0).
    static func same(_ a: ParquetJSON, _ b: ParquetJSON) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        default: return a == b
        }
    }

    static func check(
        _ report: ParquetReport, against table: TableData, file: StaticString = #filePath, line: UInt = #line
    ) {
        let name = table.schema.name
        XCTAssertEqual(report.num_rows, table.rows.count, "\(name): row count", file: file, line: line)
        checkTypes(report, table, file: file, line: line)
        checkValues(report, table, file: file, line: line)
        checkStatistics(report, table, file: file, line: line)
    }

    /// Column names and the pyarrow, DuckDB and polars types of every column.
    static func checkTypes(
        _ report: ParquetReport, _ table: TableData, file: StaticString = #filePath, line: UInt = #line
    ) {
        let name = table.schema.name
        XCTAssertEqual(report.columns.map(\.name), table.schema.columns.map(\.name), "\(name)", file: file, line: line)
        for (column, seen) in zip(table.schema.columns, report.columns) {
            let types = expectedTypes(column.type)
            XCTAssertTrue(
                types.arrow.contains(seen.arrow_type), "\(name).\(column.name): \(seen.arrow_type)", file: file,
                line: line)
            XCTAssertEqual(seen.duckdb_type, types.duckdb, "\(name).\(column.name)", file: file, line: line)
            XCTAssertEqual(seen.polars_type, types.polars, "\(name).\(column.name)", file: file, line: line)
        }
    }

    static func checkValues(_ report: ParquetReport, _ table: TableData, file: StaticString, line: UInt) {
        guard report.rows.count == table.rows.count else { return }
        for (r, (written, read)) in zip(table.rows, report.rows).enumerated() {
            XCTAssertEqual(read.count, written.count, "\(table.schema.name) row \(r)", file: file, line: line)
            for (c, (value, seen)) in zip(written, read).enumerated() where !same(json(value), seen) {
                let column = table.schema.columns[c].name
                XCTFail(
                    "\(table.schema.name).\(column) row \(r): wrote \(json(value)), read \(seen)", file: file,
                    line: line)
            }
        }
    }

    static func checkStatistics(_ report: ParquetReport, _ table: TableData, file: StaticString, line: UInt) {
        guard !report.statistics.isEmpty else {
            XCTAssertTrue(table.rows.isEmpty, "\(table.schema.name): statistics missing", file: file, line: line)
            return
        }
        XCTAssertEqual(report.statistics.map(\.column), table.schema.columns.map(\.name), file: file, line: line)
        for (c, (column, stats)) in zip(table.schema.columns, report.statistics).enumerated() {
            let values = table.rows.map { $0[c] }
            let expected = expectedRange(values)
            let place = "\(table.schema.name).\(column.name) statistics"
            XCTAssertEqual(stats.null_count, values.filter(\.isNull).count, place, file: file, line: line)
            XCTAssertTrue(
                same(stats.min, expected.min), "\(place): min \(stats.min), expected \(expected.min)", file: file,
                line: line)
            XCTAssertTrue(
                same(stats.max, expected.max), "\(place): max \(stats.max), expected \(expected.max)", file: file,
                line: line)
        }
    }

    /// Min and max as parquet-format orders them: UTF-8 bytes, numeric without NaN, false < true.
    static func expectedRange(_ values: [Value]) -> (min: ParquetJSON, max: ParquetJSON) {
        let present = values.filter { !$0.isNull }
        let strings = present.compactMap(\.stringValue)
        if !strings.isEmpty && strings.count == present.count {
            let ordered = strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return (.string(ordered.first!), .string(ordered.last!))
        }
        if case .double? = present.first {
            let numbers = present.compactMap(\.doubleValue).filter { !$0.isNaN }
            guard var low = numbers.min(), var high = numbers.max() else { return (.null, .null) }
            if low == 0 { low = -0.0 }
            if high == 0 { high = 0.0 }
            return (json(.double(low)), json(.double(high)))
        }
        let ordered = present.sorted(by: Value.precedes)
        guard let low = ordered.first, let high = ordered.last else { return (.null, .null) }
        return (json(low), json(high))
    }
}
