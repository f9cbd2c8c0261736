import Foundation
import RegpoolLoad
import RegpoolModel
import XCTest

/// Paths and helpers shared by the pipeline tests.
enum TestSupport {
    /// The package root (two levels above this file's folder).
    static let root: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// A fresh empty folder under the system temp folder.
    static func tempDir(_ name: String) throws -> String {
        let path = NSTemporaryDirectory() + "regpool-tests-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The Python that has pyarrow, DuckDB and polars, or nil (the test then skips or fails).
    static func python() throws -> String {
        let env = ProcessInfo.processInfo.environment
        let candidates = [env["REGPOOL_PYTHON"], root + "/.venv/bin/python"].compactMap { $0 }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) { return found }
        if env["REGPOOL_REQUIRE_INTEROP"] == "1" {
            XCTFail("no Python with pyarrow/DuckDB/polars found (REGPOOL_PYTHON or .venv); run `make test`")
        }
        throw XCTSkip("interop readers not installed; `make test` installs them into .venv")
    }

    /// Runs a program, returning exit status, stdout and stderr.
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                    cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// Reads Parquet files with pyarrow, DuckDB and polars (which must agree) via Tests/interop/read_parquet.py.
    static func readParquet(_ files: [String]) throws -> [[String: Any]] {
        let python = try python()
        let r = try run(python, [root + "/Tests/interop/read_parquet.py"] + files)
        guard r.status == 0 else {
            XCTFail("read_parquet.py failed (\(r.status)): \(r.err)")
            return []
        }
        return r.out.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// The JSON value a reader gives for a CDM value (dates as ISO text).
    static func jsonValue(_ v: Value) -> JSONValue {
        switch v {
        case .null: return .null
        case .string(let s): return .string(s)
        case .int32(let i): return .int(Int(i))
        case .double(let d): return .double(d)
        case .bool(let b): return .bool(b)
        case .date(let d): return .string(CivilDate(days: d).iso)
        }
    }

    /// True when a value decoded from the readers' JSON equals the CDM value regpool meant to write.
    static func same(_ json: Any, _ v: Value) -> Bool {
        switch v {
        case .null: return json is NSNull
        case .string(let s): return (json as? String).map { $0.utf8.elementsEqual(s.utf8) } ?? false
        case .int32(let i): return (json as? NSNumber)?.int64Value == Int64(i)
        case .double(let d): return (json as? NSNumber)?.doubleValue == d
        case .bool(let b): return (json as? NSNumber)?.boolValue == b && !(json is String)
        case .date(let d): return (json as? String) == CivilDate(days: d).iso
        }
    }
}
