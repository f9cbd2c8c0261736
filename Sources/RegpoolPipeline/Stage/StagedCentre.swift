import Foundation
import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolModel
import RegpoolParquet

/// The files of one staged centre result: a Parquet file per `CentreStaging` table and
/// `stage.json` (format, key, counts, each file's SHA-256), written last into a temporary folder
/// that is then renamed into place.
enum StagedCentre {
    static let writer = ParquetTableWriter(createdBy: RegpoolVersion.createdBy, options: ParquetWriterOptions())

    static func write(_ outcome: CentreExtraction.Outcome, to centreFolder: String, key: String) throws {
        let partial = "\(centreFolder)/.partial-\(getpid())"
        let fm = FileManager.default
        try? fm.removeItem(atPath: partial)
        try fm.createDirectory(atPath: partial, withIntermediateDirectories: true)
        var files: [(String, JSONValue?)] = []
        var failure: Error?
        try CentreStaging.forEachTable(outcome.result, extraction: outcome.audit) { table in
            guard failure == nil else { return }
            do {
                let bytes = try writer.encode(table)
                try Data(bytes).write(to: URL(fileURLWithPath: "\(partial)/\(table.schema.name).parquet"))
                files.append((table.schema.name, .string(SHA256Text.of(bytes))))
                CrashPoint.hit("stage.written")
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        let manifest = JSONValue.object([
            ("format", .int(CentreStaging.formatVersion)), ("key", .string(key)),
            ("centre", .string(outcome.result.centre.id)),
            ("regpool_version", .string(RegpoolVersion.number)), ("records_read", .int(outcome.recordsRead)),
            ("files_rejected", .int(outcome.filesRejected)), ("tables", .object(files)),
        ])
        try Data((manifest.text + "\n").utf8).write(
            to: URL(fileURLWithPath: "\(partial)/\(CentreStageCache.manifestName)"))
        let final = "\(centreFolder)/\(key)"
        try? fm.removeItem(atPath: final)
        try fm.moveItem(atPath: partial, toPath: final)
    }

    static func read(_ path: String, key: String, centre: CentreConfig) throws -> CentreExtraction.Outcome {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(path)/\(CentreStageCache.manifestName)"))
        guard let m = try JSONSerialization.jsonObject(with: data) as? [String: Any], m["key"] as? String == key,
            m["format"] as? Int == CentreStaging.formatVersion, let read = m["records_read"] as? Int,
            let rejected = m["files_rejected"] as? Int, let hashes = m["tables"] as? [String: String]
        else {
            throw StagingError("\(path)/\(CentreStageCache.manifestName) is not a staged result of this key and format")
        }
        // The tables are checked and decoded at once (the largest first).
        let schemas = CentreStaging.schemas
        let sizes = schemas.map { FileSystem.size(of: "\(path)/\($0.name).parquet") }
        let tables = try Workers.threads.map(schemas.count, costs: sizes) { i -> TableData in
            let file = "\(path)/\(schemas[i].name).parquet"
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
            guard hashes[schemas[i].name] == SHA256Text.of(bytes) else {
                throw StagingError("\(file) differs from its stage.json")
            }
            return try ParquetFileReader(bytes: bytes, file: file).read(as: schemas[i])
        }
        let (result, audit) = try CentreStaging.result(tables, centre: centre, workers: .threads)
        return CentreExtraction.Outcome(result: result, audit: audit, recordsRead: read, filesRejected: rejected)
    }
}
