import Foundation
import RegpoolLoad
import RegpoolModel
import RegpoolParquet

/// `regpool report BUILD`: the cohort report made again from a build's own Parquet files.
package struct ReportRegenerator: Sendable {
    /// What a regeneration wrote, and whether it equals what the build's manifest records.
    package struct Outcome: Sendable {
        package let buildID: String
        package let written: [String]
        /// Per file: true when the manifest records the same SHA-256, false when it records another,
        /// nil when the manifest has no entry for it (a build made before reports existed).
        package let matchesManifest: [String: Bool?]
    }

    let buildPath: String
    let outputDirectory: String?

    /// Regenerates the report of the build at `buildPath` into `outputDirectory` (default: the build).
    package init(buildPath: String, outputDirectory: String? = nil) {
        self.buildPath = buildPath
        self.outputDirectory = outputDirectory
    }

    /// Reads the build's tables, renders the report and writes it; throws a PipelineError on any problem.
    package func run() throws -> Outcome {
        let manifest = try BuildManifestFile(buildPath: buildPath)
        let tables = try [CDM.patients, CDM.analysisCohort, CDM.exclusions, CDM.sourceRecords].map(readTable)
        let files = try CohortReportFiles.files(tables: tables, buildID: manifest.buildID)
        var matches: [String: Bool?] = [:]
        for file in files {
            matches[file.name] = manifest.sha256[file.name].map {
                $0 == SHA256Text.of(file.bytes)
            }
        }
        let target = outputDirectory ?? buildPath
        if outputDirectory == nil, let changed = files.first(where: { matches[$0.name] == .some(false) }) {
            throw PipelineError(
                .output,
                """
                \(changed.name) made now differs from the one \(buildPath)/manifest.json records (the build was \
                made by regpool \(manifest.regpoolVersion), this is \(RegpoolVersion.number)); the build is left \
                as it was. Write the new report elsewhere: regpool report \(buildPath) --out DIR
                """)
        }
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        for file in files { try Self.replace("\(target)/\(file.name)", with: file.bytes) }
        return Outcome(
            buildID: manifest.buildID, written: files.map { "\(target)/\($0.name)" }, matchesManifest: matches)
    }

    func readTable(_ schema: TableSchema) throws -> TableData {
        try BuildTableReader(buildPath: buildPath).read(schema)
    }

    /// Writes `bytes` beside `path`, syncs, then renames over it: a reader sees the old or the new file.
    static func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = path + ".partial-\(getpid())"
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: temporary))
            let fd = open(temporary, O_RDONLY)
            if fd >= 0 {
                fsync(fd)
                close(fd)
            }
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw PipelineError(.output, "\(path) cannot be written: \(error).")
        }
    }
}
