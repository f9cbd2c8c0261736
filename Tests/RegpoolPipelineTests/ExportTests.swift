import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// The sample pipeline asks for `exports: [spss, csv]`: the .sav opens in pyreadstat with the
/// data dictionary's variable and value labels and the Parquet table's values; the CSV reads in
/// DuckDB as the same table (Tests/interop/exports_check.py). Both are byte-identical across runs.
final class ExportTests: XCTestCase {
    func testSPSSAndCSVExportsMatchTheTableAndTheDictionary() throws {
        let build = try SampleBuild.shared()
        let python = try TestSupport.python()
        let r = try TestSupport.run(python, [TestSupport.root + "/Tests/interop/exports_check.py", build.buildPath])
        XCTAssertEqual(r.status, 0, r.err)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Int])
        let cohort = try XCTUnwrap(build.tables.first { $0.schema.name == "analysis_cohort" })
        XCTAssertEqual(report["rows"], cohort.rows.count)
        XCTAssertEqual(report["csv_rows"], cohort.rows.count)
        XCTAssertEqual(report["variables"], CDM.analysisCohort.columns.count)
        let labelled = CDM.analysisCohort.columns.filter { $0.type.tokens != nil || $0.type == .bool }.count
        XCTAssertEqual(report["value_label_sets"], labelled)
    }

    func testExportsAreInTheManifestAndTheSameBytesOnARebuild() throws {
        let first = try SampleBuild.shared()
        let again = try SampleCopy("exports-again").build()
        let manifest = try String(contentsOfFile: first.buildPath + "/manifest.json", encoding: .utf8)
        for file in [
            "exports/analysis_cohort.sav", "exports/analysis_cohort.csv", "exports/analysis_cohort.dictionary.md",
            "data_dictionary.json", "data_dictionary.md",
        ] {
            XCTAssertTrue(manifest.contains("\"\(file)\""), "\(file) in the manifest")
            let a = try Data(contentsOf: URL(fileURLWithPath: first.buildPath + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: again.buildPath + "/" + file))
            XCTAssertEqual(a, b, file)
        }
    }

    func testUnknownAndRepeatedExportsNameTheLine() throws {
        let copy = try SampleCopy("bad-exports")
        let text = try String(contentsOfFile: copy.pipeline, encoding: .utf8)
        try copy.write(
            "pipelines/sample-nightly.yaml",
            text.replacingOccurrences(of: "exports: [spss, csv]", with: "exports: [spss, sas, spss]"))
        XCTAssertThrowsError(try copy.build()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("'exports' lists 'sas', which is not an export format"), text)
            XCTAssertTrue(text.contains("'exports' lists 'spss' twice"), text)
            XCTAssertTrue(text.contains("sample-nightly.yaml:"), text)
        }
    }
}
