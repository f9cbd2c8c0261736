import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// Writes test inputs into a fresh temporary directory and reads them back through the readers.
final class Scratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("regpool-extract-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Writes `text` (as UTF-8) or `bytes` to `name` and returns its path.
    func write(_ name: String, _ text: String) throws -> String { try write(name, bytes: Array(text.utf8)) }

    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }
}

/// What a reader produced, in order.
struct Extracted {
    var records: [SourceRecord] = []
    var rejected: [RejectedRecord] = []

    mutating func add(_ event: ExtractEvent) {
        switch event {
        case .record(let r): records.append(r)
        case .rejected(let r): rejected.append(r)
        }
    }

    /// Each record as field name → value (nil = absent).
    var rows: [[String: String?]] {
        records.map { r in
            Dictionary(uniqueKeysWithValues: r.names.names.enumerated().map { ($0.element, r.string(at: $0.offset)) })
        }
    }
}

func readCSV(_ path: String, name: String = "inbox/test.csv", dialect: CSVDialect = CSVDialect()) throws -> Extracted {
    var out = Extracted()
    try CSVReader(path: path, displayName: name, dialect: dialect).read { out.add($0) }
    return out
}

func readXML(_ path: String, name: String = "inbox/test.xml", spec: XMLRecordSpec) throws -> Extracted {
    var out = Extracted()
    try XMLReader(path: path, displayName: name, spec: spec).read { out.add($0) }
    return out
}

/// A corpus written by others, copied into the project (`Tests/Fixtures/corpora/<sub>`, with
/// its licence and source), or nil when it is missing.
func sharedTestData(_ sub: String, file: StaticString = #filePath) -> URL? {
    let packageRoot = URL(fileURLWithPath: "\(file)").deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let url = packageRoot.appendingPathComponent("Tests/Fixtures/corpora").appendingPathComponent(sub)
    return FileManager.default.fileExists(atPath: url.path) ? url.standardizedFileURL : nil
}

/// The sha256 a record should have: lowercase hex of `text`'s UTF-8 bytes.
func sha256Hex(_ text: String) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try? p.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try? input.fileHandleForWriting.close()
    p.waitUntilExit()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    return String(decoding: data.prefix(64), as: UTF8.self)
}
