import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// `parquet: {partition_by: centre_id}`: every table as `TABLE/centre_id=X/part-0.parquet`, read as
/// one dataset by pyarrow, DuckDB and Spark with the rows of the unpartitioned build
/// (Tests/interop/partitioned_dataset.py); `regpool report` reads the partitioned layout too.
final class PartitionedBuildTests: XCTestCase {
    static let settings = """
        parquet:
          codec: snappy
          row_group_rows: 50
          partition_by: centre_id
        """

    /// The copy's pipeline with its `parquet:` section replaced by `section`.
    static func setParquet(_ copy: SampleCopy, _ section: String) throws {
        let text = try String(contentsOfFile: copy.pipeline, encoding: .utf8)
        let old = "parquet:\n  codec: zstd\n  row_group_rows: 1048576"
        XCTAssertTrue(text.contains(old), "the sample pipeline's parquet section")
        try copy.write("pipelines/sample-nightly.yaml", text.replacingOccurrences(of: old, with: section))
    }

    func testPartitionedBuildIsTheSameDatasetAsTheFlatOne() throws {
        let flat = try SampleBuild.shared()
        let copy = try SampleCopy("partitioned")
        try Self.setParquet(copy, Self.settings)
        let partitioned = try copy.build()
        let fm = FileManager.default
        for table in flat.tables {
            let name = table.schema.name
            XCTAssertFalse(fm.fileExists(atPath: "\(partitioned.buildPath)/\(name).parquet"), name)
            let segments = try fm.contentsOfDirectory(atPath: "\(partitioned.buildPath)/\(name)").sorted()
            XCTAssertFalse(segments.isEmpty, name)
            for segment in segments {
                XCTAssertTrue(segment.hasPrefix("centre_id="), "\(name)/\(segment)")
                XCTAssertEqual(
                    try fm.contentsOfDirectory(atPath: "\(partitioned.buildPath)/\(name)/\(segment)"),
                    ["part-0.parquet"])
            }
        }
        let lineage = try fm.contentsOfDirectory(atPath: "\(partitioned.buildPath)/source_records").sorted()
        XCTAssertEqual(
            lineage,
            ["be-gent", "ca-toronto", "de-ulm-trial", "fr-lyon", "kr-seoul", "us-lakeside"].map {
                "centre_id=\($0)"
            })
        let manifest = try String(contentsOfFile: "\(partitioned.buildPath)/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"source_records/centre_id=fr-lyon/part-0.parquet\""))

        let python = try TestSupport.python()
        let names = flat.tables.map(\.schema.name)
        let r = try TestSupport.run(
            python,
            [TestSupport.root + "/Tests/interop/partitioned_dataset.py", flat.buildPath, partitioned.buildPath] + names)
        XCTAssertEqual(
            r.status, 0,
            r.err.split(separator: "\n").filter { $0.contains("partitioned_dataset.py") }.joined(separator: "\n"))
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, names.count)
        for line in lines {
            let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let rows = report["rows"] as? Int
            for reader in ["pyarrow", "duckdb", "spark"] { XCTAssertEqual(report[reader] as? Int, rows, "\(report)") }
        }
    }

    func testReportIsRemadeFromThePartitionedTables() throws {
        let copy = try SampleCopy("partitioned-report")
        try Self.setParquet(copy, Self.settings)
        let build = try copy.build()
        let written = try Data(contentsOf: URL(fileURLWithPath: build.buildPath + "/report.json"))
        let out = try TestSupport.tempDir("partitioned-report-out")
        let outcome = try ReportRegenerator(buildPath: build.buildPath, outputDirectory: out).run()
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out + "/report.json")), written)
        XCTAssertEqual(outcome.matchesManifest["report.json"], .some(true))
    }

    func testBadParquetSettingsNameTheLineAndTheChoices() throws {
        let copy = try SampleCopy("bad-parquet")
        try Self.setParquet(copy, "parquet:\n  codec: lz4\n  partition_by: region\n  page_size: 5")
        XCTAssertThrowsError(try copy.build()) { error in
            let text = "\(error)"
            XCTAssertTrue(
                text.contains("'parquet.codec' must be one of zstd, snappy, gzip, uncompressed, found 'lz4'"), text)
            XCTAssertTrue(text.contains("'parquet.partition_by' must be one of centre_id, found 'region'"), text)
            XCTAssertTrue(text.contains("page_size"), text)
            XCTAssertTrue(text.contains("sample-nightly.yaml:"), text)
        }
    }
}
