import Foundation
import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// The examples of docs/mapping.md's "Several records of one patient" section (`updated:` and
/// `link:`) parse as keys of a source, to what the text says they mean.
final class MappingRecencyDocTests: XCTestCase {
    private func sectionBlocks() throws -> [String] {
        let all = try DocExamples.yamlBlocks("mapping.md")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/mapping.md"), encoding: .utf8)
        let section = text.components(separatedBy: "## Several records of one patient (within a centre)")[1]
            .components(separatedBy: "\n## ")[0]
        return all.filter { section.contains($0.trimmingCharacters(in: .newlines)) }
    }

    /// The source of a one-source mapping holding `block` among its keys.
    private func source(with block: String) throws -> SourceSpec {
        let indented = block.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        let yaml = """
            version: 1
            sources:
              - name: patients
                files: ["patients_*.csv"]
                format: csv
                patient_key: NUM_PATIENT
            \(indented)
                tables:
                  patients:
                    sex: { field: SEXE }
            """
        return try XCTUnwrap(MappingParser.parse(yaml: yaml, file: "mappings/fr-lyon.yaml").sources.first, block)
    }

    func testEverySourceKeyExampleParses() throws {
        let blocks = try sectionBlocks()
        XCTAssertEqual(blocks.count, 4, "the section's examples were found")
        let specs = try blocks.map { try source(with: $0) }
        XCTAssertEqual(specs.map { $0.updated?.field }, ["DATE_MAJ", "EXPORT_DATE", "MAJ", nil])
        XCTAssertEqual(specs.map { $0.updated?.datePattern.text }, ["dd/MM/yyyy", "yyyy-MM-dd", "dd.MM.yy", nil])
        XCTAssertEqual(specs[2].updated?.pivot, 1990)
        XCTAssertEqual(specs[3].link.map(\.name), ["trial_subject_id", "birth_month"])
        XCTAssertEqual(specs[3].link.map(\.field), ["ESSAI_ID", "MOIS_NAISSANCE"])
    }

    func testTheExamplesReadTheDatesTheirCommentsShow() throws {
        let specs = try sectionBlocks().prefix(2).map { try source(with: $0) }
        let patterns = try specs.map { try XCTUnwrap($0.updated?.datePattern) }
        XCTAssertEqual(patterns[0].date(from: "20/11/2026")?.iso, "2026-11-20")
        XCTAssertEqual(patterns[1].date(from: "2026-11-20")?.iso, "2026-11-20")
    }
}
