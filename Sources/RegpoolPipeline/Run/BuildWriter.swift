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

    /// A file of the build besides the tables, the audit and the manifest (crosswalk, clerical review).
    struct ExtraFile {
        let name: String
        let bytes: [UInt8]
        let rows: Int?
    }

    /// Writes every table, the extra files, the audit and the manifest; returns the published build's path.
    func write(tables: [TableData], extras: [ExtraFile] = [], audit: AuditLog, manifest: Manifest) throws -> String {
        let folder: BuildFolder
        do {
            folder = try BuildFolder(outputDirectory: outputDirectory, buildID: buildID)
        } catch let e as LoadError {
            throw PipelineError(.output, e.description)
        }
        do {
            var manifest = manifest
            var audit = audit
            let output = ParquetOutput(settings: parquet, buildID: buildID)
            let writer = output.writer
            for (path, table) in output.files(tables) {
                let bytes = try writer.encode(table)
                manifest.outputs.append(try folder.write(path, bytes, rows: table.rows.count))
                audit.record(
                    AuditEvent(
                        .tableWritten, file: path, target: table.schema.name,
                        count: table.rows.count, message: "\(path): \(table.rows.count) row(s)."))
            }
            CrashPoint.hit("build.tables")
            for extra in extras {
                manifest.outputs.append(try folder.write(extra.name, extra.bytes, rows: extra.rows))
            }
            let events = audit.events()
            manifest.outputs.append(try folder.write("audit.jsonl", AuditJSONL.encode(events), rows: events.count))
            let auditTable = try writer.encode(AuditTable.table(events))
            manifest.outputs.append(try folder.write("audit.parquet", auditTable, rows: events.count))
            let page = try AuditReportFile.html(events: events, manifest: manifest, tables: tables)
            manifest.outputs.append(try folder.write(AuditReportFile.name, page))
            try folder.write("manifest.json", manifest.json())
            CrashPoint.hit("build.manifest")
            return try folder.publish()
        } catch let e as LoadError {
            folder.discard()
            throw PipelineError(.output, e.description)
        } catch {
            folder.discard()
            throw PipelineError(.output, "The build could not be written: \(error). The previous build is untouched.")
        }
    }
}
