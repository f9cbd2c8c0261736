import Foundation
import RegpoolPipeline
import XCTest

/// A private copy of the sample nightly (pipelines/, mappings/, samples/) that a test may change.
struct SampleCopy {
    let root: String
    var pipeline: String { root + "/pipelines/sample-nightly.yaml" }

    /// Copies the three folders into a fresh temp folder.
    init(_ name: String) throws {
        root = try TestSupport.tempDir(name)
        for folder in ["pipelines", "mappings", "samples"] {
            try FileManager.default.copyItem(atPath: TestSupport.root + "/" + folder, toPath: root + "/" + folder)
        }
    }

    /// Replaces `path` (relative to the copy) with `text`.
    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + path))
    }

    /// Appends `line` (and a line end) to the file at `path`.
    func append(_ path: String, line: String) throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/" + path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data((line + "\n").utf8))
        try handle.close()
    }

    /// Builds the copy into `out` (a fresh folder when nil) with `crosswalk`.
    func build(_ crosswalk: CrosswalkChoice = .configured, out: String? = nil) throws -> RunSummary {
        try PipelineRunner(
            pipelinePath: pipeline, outputOverride: out ?? TestSupport.tempDir("out"),
            crosswalk: crosswalk
        ).checkedRun()
    }
}

/// The pooled ids of a build by member (`centre:local_id`), read back by pyarrow, DuckDB and polars
/// from source_records.parquet.
enum PooledIDs {
    static func byMember(_ summary: RunSummary) throws -> [String: String] {
        let file = try TestSupport.readParquet([summary.buildPath + "/source_records.parquet"])[0]
        let names = file.columns.map(\.name)
        let id = names.firstIndex(of: "pooled_id")!
        let centre = names.firstIndex(of: "centre_id")!
        let local = names.firstIndex(of: "local_patient_id")!
        var out: [String: String] = [:]
        for row in file.rows {
            guard case .string(let p) = row[id], case .string(let c) = row[centre], case .string(let l) = row[local]
            else { continue }
            out["\(c):\(l)"] = p
        }
        return out
    }
}
