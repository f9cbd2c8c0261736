import RegpoolLoad
import RegpoolModel

/// Writes a build's files into a staging folder and publishes it (manifest last).
struct BuildWriter {
    let outputDirectory: String
    let buildID: String

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
            let writer = ParquetTableWriter(
                createdBy: RegpoolVersion.createdBy,
                keyValueMetadata: [
                    (key: "regpool.version", value: RegpoolVersion.number),
                    (key: "regpool.cdm_version", value: CDM.version),
                ])
            for table in tables {
                let bytes = try writer.encode(table)
                manifest.outputs.append(try folder.write("\(table.schema.name).parquet", bytes, rows: table.rows.count))
                audit.record(AuditEvent(
                    .tableWritten, file: "\(table.schema.name).parquet", target: table.schema.name,
                    count: table.rows.count, message: "\(table.schema.name).parquet: \(table.rows.count) row(s)."))
            }
            for extra in extras {
                manifest.outputs.append(try folder.write(extra.name, extra.bytes, rows: extra.rows))
            }
            let events = audit.events()
            manifest.outputs.append(try folder.write("audit.jsonl", AuditJSONL.encode(events), rows: events.count))
            try folder.write("manifest.json", manifest.json())
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
