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
            let encoded = try encode(files, extras: extras, events: events, manifest: manifest, workers: workers)
            for ((path, table), bytes) in zip(files, encoded.tables) {
                manifest.outputs.append(try folder.write(path, bytes, rows: table.rows.count))
            }
            CrashPoint.hit("build.tables")
            for extra in encoded.extras {
                manifest.outputs.append(try folder.write(extra.name, extra.bytes, rows: extra.rows))
            }
            manifest.outputs.append(try folder.write("audit.jsonl", encoded.audit.jsonl, rows: events.count))
            manifest.outputs.append(try folder.write("audit.parquet", encoded.audit.parquet, rows: events.count))
            manifest.outputs.append(try folder.write(AuditReportFile.name, encoded.audit.html))
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

    /// The bytes of every file of the build but the manifest, made on `workers` (the largest first).
    private func encode(
        _ files: [(path: String, table: TableData)], extras: () throws -> [ExtraFile], events: [AuditEvent],
        manifest: Manifest, workers: Workers
    ) throws -> (tables: [[UInt8]], extras: [ExtraFile], audit: (jsonl: [UInt8], parquet: [UInt8], html: [UInt8])) {
        let writer = ParquetOutput(settings: parquet, buildID: buildID).writer
        let tables = files.map(\.table)
        enum Piece {
            case bytes([UInt8])
            case extras([ExtraFile])
        }
        // Pieces: each table, then the extra files, audit.jsonl, audit.parquet and audit.html.
        let n = files.count
        // Extras (the report) and the audit pieces read every table or event: they go first.
        let costs = files.map { $0.table.rows.count * $0.table.schema.columns.count } + (0..<4).map { Int.max - $0 }
        let pieces = try workers.map(n + 4, costs: costs) { i -> Piece in
            switch i - n {
            case ..<0: return .bytes(try writer.encode(files[i].table))
            case 0: return .extras(try extras())
            case 1: return .bytes(AuditJSONL.encode(events))
            case 2: return .bytes(try writer.encode(AuditTable.table(events)))
            default: return .bytes(try AuditReportFile.html(events: events, manifest: manifest, tables: tables))
            }
        }
        func bytes(_ p: Piece) -> [UInt8] {
            if case .bytes(let b) = p { return b }
            return []
        }
        guard case .extras(let made) = pieces[n] else { return ([], [], ([], [], [])) }
        return (pieces[..<n].map(bytes), made, (bytes(pieces[n + 1]), bytes(pieces[n + 2]), bytes(pieces[n + 3])))
    }
}
