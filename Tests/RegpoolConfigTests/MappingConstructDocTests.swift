import Foundation
import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// The examples of docs/mapping.md's "The constructs, one by one" parse as what they claim to be:
/// a vocabulary file, or rules/rows of some mappable CDM table (placed into a one-source mapping
/// that declares the vocabulary the examples use). A doc example that no longer parses fails here.
final class MappingConstructDocTests: XCTestCase {
    private func constructBlocks() throws -> [String] {
        let all = try DocExamples.yamlBlocks("mapping.md")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/mapping.md"), encoding: .utf8)
        let section = text.components(separatedBy: "## The constructs, one by one")[1]
            .components(separatedBy: "\n## ")[0]
        return all.filter { section.contains($0.trimmingCharacters(in: .newlines)) }
    }

    /// The block as the rules of some mappable table (indented under `tables:`), or nil.
    private func parsesAsRules(_ block: String) -> Bool {
        let indented = block.split(separator: "\n", omittingEmptySubsequences: false)
            .map { "          " + $0 }.joined(separator: "\n")
        return CDM.mappableTables.contains { table in
            let yaml = """
                version: 1
                vocabularies: { iwg-response: vocabularies/iwg-response.yaml }
                sources:
                  - name: s
                    files: ["*.csv"]
                    format: csv
                    patient_key: ID
                    tables:
                      \(table.name):
                \(indented)
                """
            return mappingProblems(yaml).isEmpty
        }
    }

    func testEveryConstructExampleParses() throws {
        let blocks = try constructBlocks()
        XCTAssertGreaterThanOrEqual(blocks.count, 10, "the section's examples were found")
        for block in blocks {
            if block.contains("vocabulary: iwg-response\n") && block.contains("labels:") {
                XCTAssertNoThrow(try VocabularyParser.parse(yaml: block, file: "v.yaml"), block)
                continue
            }
            // A block mixing a top-level line and a rule (joined by "…") is checked rule by rule.
            let parts = block.components(separatedBy: "…\n")
            let rules = parts.count > 1 ? parts[1] : block
            let lines = rules.split(separator: "\n").map(String.init)
            let oneRulePerLine = lines.allSatisfy {
                $0.hasPrefix("#") || $0.range(of: #"^\w+:\s*\{.*\}\s*(#.*)?$"#, options: .regularExpression) != nil
            }
            if oneRulePerLine, lines.count > 1 {
                // Alternative rules for one column (several `start_date:` lines) are checked one by one.
                for line in lines where !line.hasPrefix("#") {
                    XCTAssertTrue(parsesAsRules(line), "does not parse as a rule of any mappable table:\n\(line)")
                }
            } else {
                XCTAssertTrue(parsesAsRules(rules), "does not parse as rules of any mappable table:\n\(rules)")
            }
        }
    }
}
