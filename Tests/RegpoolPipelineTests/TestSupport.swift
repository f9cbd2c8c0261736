import Foundation
import RegpoolLoad
import RegpoolModel
import RegpoolParquet
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

    /// Every regular file under `folder` (subfolders included), as sorted relative paths.
    static func files(in folder: String) throws -> [String] {
        let fm = FileManager.default
        return try fm.subpathsOfDirectory(atPath: folder).filter { path in
            var isDirectory: ObjCBool = false
            return fm.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
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
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil,
        cwd: String? = nil
    ) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let environment { p.environment = environment }
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    /// The sample pipeline's public test key, as a pipeline's `pseudonym_key` value.
    static let testKey = "file: \(root)/samples/keys/TEST-KEY-NOT-FOR-REAL-DATA.txt"

    /// Writes `dir/p.yaml`, a one-centre pipeline writing into `dir/out`; returns its path.
    @discardableResult
    static func writePipeline(
        in dir: String, centre: String, region: String = "europe",
        cohortSource: String = "registry", inbox: String, mapping: String,
        key: String = testKey
    ) throws -> String {
        let text = """
            version: 1
            name: test-\(centre)
            output: out
            pseudonym_key:
              \(key)
            centres:
              - id: \(centre)
                region: \(region)
                cohort_source: \(cohortSource)
                inbox: \(inbox)
                mapping: \(mapping)

            """
        try text.write(toFile: dir + "/p.yaml", atomically: true, encoding: .utf8)
        return dir + "/p.yaml"
    }

    /// Reads Parquet files with pyarrow, DuckDB and polars (which must agree) via Tests/interop/read_parquet.py.
    static func readParquet(_ files: [String]) throws -> [ReaderFile] {
        let python = try python()
        let r = try run(python, [root + "/Tests/interop/read_parquet.py"] + files)
        guard r.status == 0 else {
            XCTFail("read_parquet.py failed (\(r.status)): \(r.err)")
            return []
        }
        return try r.out.split(separator: "\n").map { try JSONDecoder().decode(ReaderFile.self, from: Data($0.utf8)) }
    }

    /// The JSON value a reader gives for a CDM value (dates as ISO text).
    static func jsonValue(_ v: Value) -> JSONValue { JSONValue(v) }

    /// True when a value decoded from the readers' JSON equals the CDM value regpool meant to write
    /// (doubles by bit pattern: the JSON carries Python's shortest round-trip text).
    static func same(_ json: ReaderValue, _ v: Value) -> Bool {
        switch (v, json) {
        case (.null, .null): return true
        case (.string(let s), .string(let t)): return s.utf8.elementsEqual(t.utf8)
        case (.int32(let i), .number(let n)): return n == Double(i)
        case (.double(let d), .number(let n)): return d.bitPattern == n.bitPattern
        case (.bool(let b), .bool(let c)): return b == c
        case (.date(let d), .string(let t)): return t == CivilDate(days: d).iso
        default: return false
        }
    }
}

/// One cell as the Python readers print it.
enum ReaderValue: Decodable, Equatable, CustomStringConvertible {
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
        case .string(let s): return "\"\(s)\""
        }
    }
}

/// What read_parquet.py prints for one file (the keys the tests use).
struct ReaderFile: Decodable {
    struct Column: Decodable {
        let name: String
        let arrow_type: String
    }
    let file: String
    let columns: [Column]
    let num_rows: Int
    let rows: [[ReaderValue]]
    let created_by: String?
}
