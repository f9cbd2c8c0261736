import Foundation
import RegpoolModel
import XCTest

/// The CDM in code equals the contract in ../shared/cdm.md (and its copy docs/cdm.md):
/// every table, column, type, required flag and enumeration token.
final class ContractTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func testModelMatchesTheContract() throws {
        let doc = Self.root.appendingPathComponent("docs/cdm.md")
        let text = try String(contentsOf: doc, encoding: .utf8)
        let contract = Self.parse(text)
        XCTAssertEqual(contract.map(\.name), CDM.tables.map(\.name))
        for (table, schema) in zip(contract, CDM.tables) {
            XCTAssertEqual(table.columns.map(\.name), schema.columns.map(\.name), table.name)
            for (c, s) in zip(table.columns, schema.columns) {
                XCTAssertEqual(c.required, s.required, "\(table.name).\(c.name) required")
                XCTAssertEqual(c.type, s.type.name, "\(table.name).\(c.name) type")
                if let tokens = c.tokens {
                    XCTAssertEqual(tokens, s.type.tokens ?? [], "\(table.name).\(c.name) tokens")
                }
            }
        }
    }

    /// The consortium's contract as copied into docs/cdm.md: its size and SHA-256.
    static let copiedContract = (
        bytes: 9385, sha256: "e2d07037d2f2e82ad4d16ac2e91833ba1965d4edb8c4539e48937f1329135d7e"
    )

    /// docs/cdm.md ends with the contract verbatim (checked by its recorded digest, so a clean clone
    /// needs nothing beside it); where ../shared/cdm.md is present, it must still be that contract.
    func testDocsCopyEqualsSharedContract() throws {
        let copy = try Data(contentsOf: Self.root.appendingPathComponent("docs/cdm.md"))
        XCTAssertGreaterThanOrEqual(copy.count, Self.copiedContract.bytes)
        XCTAssertEqual(
            try Self.sha256(copy.suffix(Self.copiedContract.bytes)), Self.copiedContract.sha256,
            "docs/cdm.md must end with the consortium's contract verbatim (after its header)")
        let shared = Self.root.deletingLastPathComponent().appendingPathComponent("shared/cdm.md")
        if let original = try? Data(contentsOf: shared) {
            XCTAssertEqual(
                try Self.sha256(original), Self.copiedContract.sha256,
                "../shared/cdm.md changed: copy it into docs/cdm.md and record its size and SHA-256 here")
        }
    }

    /// Lowercase hex SHA-256 of `data` (coreutils' sha256sum; the model has no digest of its own).
    static func sha256(_ data: Data) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe()
        let output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        try p.run()
        input.fileHandleForWriting.write(data)
        try input.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }

    struct Column {
        let name: String
        let type: String
        let required: Bool
        let tokens: [String]?
    }
    struct Table {
        let name: String
        var columns: [Column]
    }

    /// Reads `## name — …` headings and their `| column | type | meaning |` rows.
    static func parse(_ text: String) -> [Table] {
        var tables: [Table] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## "), let name = line.dropFirst(3).split(separator: " ").first,
                name.allSatisfy({ $0.isLowercase || $0 == "_" })
            {
                tables.append(Table(name: String(name), columns: []))
                continue
            }
            guard line.hasPrefix("| "), !tables.isEmpty else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 3, cells[1] != "column", !cells[1].hasPrefix("---") else { continue }
            tables[tables.count - 1].columns.append(column(name: cells[1], spec: cells[2], table: tables.last!.name))
        }
        return tables
    }

    static func column(name: String, spec: String, table: String) -> Column {
        let required = spec.contains("required")
        var type = String(spec.split(separator: ",").first ?? "").trimmingCharacters(in: .whitespaces)
        var tokens: [String]? = nil
        if type.hasPrefix("enum") {
            let list = spec.drop(while: { $0 != ":" }).dropFirst()
            let parts = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0 != "required" && !$0.isEmpty }
            // "enum, as in patients" / "enum, as in len_courses, required" name another table's tokens.
            tokens = spec.contains("as in") ? nil : parts
            type = "enum"
        }
        return Column(name: name, type: type, required: required, tokens: tokens)
    }
}
