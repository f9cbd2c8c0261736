import Foundation
import RegpoolLoad
import RegpoolModel
import XCTest

/// The sample build's tables, audit, report.json, data dictionary and CSV export against reviewed golden files in Tests/golden/.
/// `make golden` (REGPOOL_RECORD_GOLDEN=1) re-records them after an intended change.
final class GoldenTests: XCTestCase {
    static let folder = TestSupport.root + "/Tests/golden/sample-nightly"
    static let recording = ProcessInfo.processInfo.environment["REGPOOL_RECORD_GOLDEN"] == "1"

    func testTablesMatchGoldenFiles() throws {
        let summary = try SampleBuild.shared()
        XCTAssertEqual(summary.tables.map(\.schema.name), CDM.tables.map(\.name))
        for table in summary.tables {
            try check(Self.rowsText(table), golden: "\(table.schema.name).jsonl")
        }
    }

    func testAuditMatchesGoldenFile() throws {
        let audit = try String(contentsOfFile: SampleBuild.file("audit.jsonl"), encoding: .utf8)
        try check(audit, golden: "audit.jsonl")
    }

    func testReportMatchesGoldenFile() throws {
        let report = try String(contentsOfFile: SampleBuild.file("report.json"), encoding: .utf8)
        try check(report, golden: "report.json")
    }

    func testDataDictionaryMatchesGoldenFiles() throws {
        for name in ["data_dictionary.json", "data_dictionary.md", "exports/analysis_cohort.dictionary.md"] {
            let text = try String(contentsOfFile: SampleBuild.file(name), encoding: .utf8)
            try check(text, golden: name.replacingOccurrences(of: "/", with: "-"))
        }
    }

    func testCSVExportMatchesGoldenFile() throws {
        try check(
            try String(contentsOfFile: SampleBuild.file("exports/analysis_cohort.csv"), encoding: .utf8),
            golden: "exports-analysis_cohort.csv")
    }

    /// One JSON object per row, keys in column order, dates as ISO text.
    static func rowsText(_ table: TableData) -> String {
        var out = JSONText()
        for row in table.rows {
            out.object(zip(table.schema.columns, row).map { ($0.name, TestSupport.jsonValue($1)) })
            out.raw("\n")
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private func check(_ actual: String, golden name: String) throws {
        let path = Self.folder + "/" + name
        if Self.recording {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            print("recorded \(path)")
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            return XCTFail("golden file \(path) is missing; run `make golden` and review it")
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ =
                first.map { "line \($0.offset + 1):\n  golden: \($0.element.0)\n  actual: \($0.element.1)" }
                ?? "line counts differ (\(e.count) golden, \(a.count) actual)"
            XCTFail(
                "\(name) differs from its golden file at \(where_)\nIf the change is intended, run `make golden` and review the diff."
            )
        }
    }
}
