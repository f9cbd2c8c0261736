import RegpoolConfig
import RegpoolLoad
import RegpoolModel
import RegpoolParquet

/// Writes a build's files into a staging folder and publishes it (manifest last).
struct BuildWriter {
    let outputDirectory: String
    let buildID: String
    /// How the tables are written (codec, layout, partitions).
    var parquet: ParquetSettings = .defaults

    /// A file of the build but the manifest: a table, the crosswalk, the report, an audit file …
    /// (`rows`: what the manifest counts, nil for a page).
    struct ExtraFile {
        let name: String
        let bytes: [UInt8]
        let rows: Int?
    }

    /// Writes every table, the extra files (made by `extras`), the audit and the manifest; returns
    /// the published build's path. The tables, the extra files and the audit files are encoded at
    /// once on `workers` and written in the same order as one after another.
    func write(
        tables: [TableData], extras: () throws -> [ExtraFile] = { [] }, audit: AuditLog, manifest: Manifest,
        workers: Workers = .serial
    ) throws -> String {
        let folder: BuildFolder
        do {
            folder = try BuildFolder(outputDirectory: outputDirectory, buildID: buildID)
        } catch let e as LoadError {
            throw PipelineError(.output, e.description)
        }
        do {
            var manifest = manifest
            var audit = audit
            let files = ParquetOutput(settings: parquet, buildID: buildID).files(tables)
            for (path, table) in files {
                audit.record(
                    AuditEvent(
                        .tableWritten, file: path, target: table.schema.name,
                        count: table.rows.count, message: "\(path): \(table.rows.count) row(s)."))
            }
            let events = audit.events()
            let pieces = try encode(files, extras: extras, events: events, manifest: manifest, workers: workers)
            for (n, piece) in pieces.enumerated() {
                if n == files.count { CrashPoint.hit("build.tables") }
                for file in piece { manifest.outputs.append(try folder.write(file.name, file.bytes, rows: file.rows)) }
            }
            try folder.write("manifest.json", manifest.json())
            CrashPoint.hit("build.manifest")
            return try folder.publish()
        } catch let e as LoadError {
            folder.discard()
            throw PipelineError(.output, e.description)
        } catch let e as PipelineError {
            folder.discard()
            throw e
        } catch {
            folder.discard()
            throw PipelineError(.output, "The build could not be written: \(error). The previous build is untouched.")
        }
    }

    /// Every file of the build but the manifest, in writing order: one piece per table, then the
    /// extra files, audit.jsonl, audit.parquet and audit.html — made on `workers`, the extra files
    /// (the report) and the audit files first, as they read every table or event, then the
    /// largest tables.
    private func encode(
        _ files: [(path: String, table: TableData)], extras: () throws -> [ExtraFile], events: [AuditEvent],
        manifest: Manifest, workers: Workers
    ) throws -> [[ExtraFile]] {
        let writer = ParquetOutput(settings: parquet, buildID: buildID).writer
        let n = files.count
        let costs = files.map { $0.table.rows.count * $0.table.schema.columns.count } + (0..<4).map { Int.max - $0 }
        return try workers.map(n + 4, costs: costs) { i -> [ExtraFile] in
            switch i - n {
            case ..<0:
                return [
                    ExtraFile(
                        name: files[i].path, bytes: try writer.encode(files[i].table), rows: files[i].table.rows.count)
                ]
            case 0: return try extras()
            case 1: return [ExtraFile(name: "audit.jsonl", bytes: AuditJSONL.encode(events), rows: events.count)]
            case 2:
                return [
                    ExtraFile(
                        name: "audit.parquet", bytes: try writer.encode(AuditTable.table(events)), rows: events.count)
                ]
            default:
                let html = try AuditReportFile.html(events: events, manifest: manifest, tables: files.map(\.table))
                return [ExtraFile(name: AuditReportFile.name, bytes: html, rows: nil)]
            }
        }
    }
}
