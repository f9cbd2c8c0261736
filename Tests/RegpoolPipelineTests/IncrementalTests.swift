import Foundation
import RegpoolPipeline
import XCTest

/// Incremental nightly runs: unchanged centres are reused from their staged results, a changed
/// centre is read again, and the build is byte-identical to a `--full` run of the same inputs.
final class IncrementalTests: XCTestCase {
    private func run(_ copy: SampleCopy, _ extra: [String]) throws -> (status: Int32, out: String, err: String) {
        try TestSupport.run(
            try CLITests.binary(), ["run", "pipelines/sample-nightly.yaml", "--log-level", "notice", "--json"] + extra,
            cwd: copy.root)
    }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testChangingOneCentreRebuildsOnlyItAndEqualsAFullRun() throws {
        let copy = try SampleCopy("incremental")
        let first = try run(copy, [])
        XCTAssertEqual(first.status, 3, first.err)
        XCTAssertEqual(first.err.components(separatedBy: "centre extracted").count - 1, 6, first.err)
        XCTAssertEqual(try json(first.out)["centres_reused"] as? [String], [])

        try OperationsSamples.setBlasts(copy, "2,9")  // be-gent's update file
        let second = try run(copy, [])
        XCTAssertEqual(second.status, 3, second.err)
        let summary = try json(second.out)
        XCTAssertEqual(
            summary["centres_reused"] as? [String],
            ["fr-lyon", "us-lakeside", "kr-seoul", "de-ulm-trial", "ca-toronto"])
        let extracted = second.err.split(separator: "\n").filter { $0.contains("centre extracted") }
        XCTAssertEqual(extracted.count, 1, second.err)
        XCTAssertTrue(
            extracted[0].contains("centre=be-gent") && extracted[0].contains("changed since it was staged"), second.err)
        XCTAssertEqual(second.err.components(separatedBy: "centre reused").count - 1, 5, second.err)
        try assertStagedFilesReadBack(
            copy.root + "/builds/stage", sourceRecords: copy.root + "/builds/current/source_records.parquet")

        let fullOut = try TestSupport.tempDir("incremental-full")
        let full = try run(copy, ["--full", "--out", fullOut])
        XCTAssertEqual(full.status, 3, full.err)
        XCTAssertEqual(try json(full.out)["centres_reused"] as? [String], [])
        XCTAssertEqual(full.err.components(separatedBy: "centre reused").count - 1, 0)
        let relative = try XCTUnwrap(summary["build_path"] as? String)
        let incremental = relative.hasPrefix("/") ? relative : copy.root + "/" + relative
        let rebuilt = try XCTUnwrap(try json(full.out)["build_path"] as? String)
        XCTAssertEqual(
            (incremental as NSString).lastPathComponent, (rebuilt as NSString).lastPathComponent, "same build id")
        let files = try TestSupport.files(in: incremental)
        XCTAssertEqual(files, try TestSupport.files(in: rebuilt))
        XCTAssertGreaterThan(files.count, 20)
        AuditSchemaCheck.check([incremental, rebuilt])
        for file in files {
            XCTAssertEqual(
                FileManager.default.contents(atPath: incremental + "/" + file),
                FileManager.default.contents(atPath: rebuilt + "/" + file), "\(file) differs from the --full build")
        }
    }

    func testAChangedMappingOrADamagedStageIsReadAgain() throws {
        let copy = try SampleCopy("incremental-mapping")
        XCTAssertEqual(try run(copy, []).status, 3)
        try copy.append("mappings/kr-seoul.yaml", line: "# reviewed")
        // Damage fr-lyon's staged result: the run must notice and read the exports again.
        let stage = copy.root + "/builds/stage/fr-lyon"
        let key = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: stage).first)
        let file = "\(stage)/\(key)/stage_patients.parquet"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let r = try run(copy, [])
        XCTAssertEqual(r.status, 3, r.err)
        XCTAssertEqual(
            try json(r.out)["centres_reused"] as? [String], ["us-lakeside", "be-gent", "de-ulm-trial", "ca-toronto"])
        XCTAssertTrue(r.err.contains("centre=kr-seoul reason=its exports, mapping or settings changed"), r.err)
        XCTAssertTrue(
            r.err.contains("staged result unusable") && r.err.contains("stage_patients.parquet differs"), r.err)
        XCTAssertEqual(
            try TestSupport.run(try CLITests.binary(), ["verify", "builds/current"], cwd: copy.root).status, 0)
    }

    /// `regpool stage` jobs (one per centre, as on other machines) stage centres that the pooling
    /// run then reuses; the build equals a full one.
    func testStageJobsFeedThePoolingRun() throws {
        let copy = try SampleCopy("stage-jobs")
        let binary = try CLITests.binary()
        for centre in ["us-lakeside", "de-ulm-trial"] {
            let r = try TestSupport.run(
                binary, ["stage", "pipelines/sample-nightly.yaml", "--centre", centre], cwd: copy.root)
            XCTAssertTrue(r.out.hasPrefix("regpool: staged \(centre): "), r.out + r.err)
            XCTAssertTrue([0, 3].contains(r.status), r.err)
        }
        let again = try TestSupport.run(
            binary, ["stage", "pipelines/sample-nightly.yaml", "--centre", "de-ulm-trial"], cwd: copy.root)
        XCTAssertTrue(again.out.hasPrefix("regpool: already staged de-ulm-trial"), again.out)
        let unknown = try TestSupport.run(
            binary, ["stage", "pipelines/sample-nightly.yaml", "--centre", "xx"], cwd: copy.root)
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.err.contains("has no centre xx"), unknown.err)

        let pooled = try run(copy, [])
        XCTAssertEqual(try json(pooled.out)["centres_reused"] as? [String], ["us-lakeside", "de-ulm-trial"])
        let fullOut = try TestSupport.tempDir("stage-jobs-full")
        let full = try run(copy, ["--full", "--out", fullOut])
        let a = copy.root + "/" + (try json(pooled.out)["build_path"] as! String)
        let b = try json(full.out)["build_path"] as! String
        for file in try TestSupport.files(in: a) {
            XCTAssertEqual(
                FileManager.default.contents(atPath: a + "/" + file),
                FileManager.default.contents(atPath: b + "/" + file), file)
        }
    }

    /// Every staged Parquet file is read by pyarrow, DuckDB and polars (which agree), and the
    /// staged lineage holds one row per source record of the build.
    private func assertStagedFilesReadBack(_ stage: String, sourceRecords: String) throws {
        let files = try TestSupport.files(in: stage).filter { $0.hasSuffix(".parquet") }.map { stage + "/" + $0 }
        XCTAssertEqual(files.count, 6 * 10, "six centres, ten tables each")
        let read = try TestSupport.readParquet(files + [sourceRecords])
        XCTAssertEqual(read.count, files.count + 1)
        let lineage = read.filter { $0.file.hasSuffix("stage_lineage.parquet") }.reduce(0) { $0 + $1.num_rows }
        XCTAssertEqual(lineage, read.last?.num_rows)
        let rows = read.filter { $0.file.hasSuffix("stage_rows_patients.parquet") }.reduce(0) { $0 + $1.num_rows }
        XCTAssertGreaterThan(rows, 100)
    }
}
