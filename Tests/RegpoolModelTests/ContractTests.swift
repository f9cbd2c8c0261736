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

    func testDocsCopyEqualsSharedContract() throws {
        let shared = Self.root.deletingLastPathComponent().appendingPathComponent("shared/cdm.md")
        guard let original = try? String(contentsOf: shared, encoding: .utf8) else {
            throw XCTSkip("../shared/cdm.md is absent on this machine; docs/cdm.md is checked on its own")
        }
        let copy = try String(contentsOf: Self.root.appendingPathComponent("docs/cdm.md"), encoding: .utf8)
        XCTAssertTrue(copy.hasSuffix(original), "docs/cdm.md must be the shared contract verbatim (after its header)")
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
