import RegpoolCodecs
import RegpoolConfig
import RegpoolLoad
import RegpoolModel
import RegpoolParquet

/// The Parquet files of a build as the pipeline's `parquet:` settings ask: one file per table, or
/// Hive partitions by centre; every file stamped with regpool's version, the CDM version and the
/// build id.
struct ParquetOutput {
    let settings: ParquetSettings
    let buildID: String

    /// The writer for this build.
    var writer: ParquetTableWriter {
        let options = ParquetWriterOptions(
            codec: CompressionCodec(rawValue: settings.codec) ?? .zstd, compressionLevel: settings.compressionLevel,
            rowGroupRows: settings.rowGroupRows, pageBytes: settings.pageBytes,
            dictionaryPageLimit: settings.dictionaryPageLimit, dictionary: settings.dictionary,
            pageChecksums: settings.pageChecksums)
        return ParquetTableWriter(
            createdBy: RegpoolVersion.createdBy,
            keyValueMetadata: [
                (key: "regpool.version", value: RegpoolVersion.number),
                (key: "regpool.cdm_version", value: CDM.version),
                (key: "regpool.build_id", value: buildID),
            ],
            options: options)
    }

    /// Every file to write: its path in the build and its rows, in table order.
    func files(_ tables: [TableData]) -> [(path: String, table: TableData)] {
        guard let column = settings.partitionBy else {
            return tables.map { ("\($0.schema.name).parquet", $0) }
        }
        let centres = Self.survivorCentres(tables)
        return tables.flatMap { table in
            HivePartitioning.split(table, column: column, value: Self.centre(of: table, survivors: centres))
                .map { ($0.path, $0.table) }
        }
    }

    /// How a table's row finds its centre: its own `centre_id`, else its patient's survivor centre.
    static func centre(of table: TableData, survivors: [String: String]) -> ([Value]) -> String? {
        if table.schema.name == CDM.sourceRecords.name {
            let own = CDM.SourceRecords.centreID.index
            return { $0[own].text.nilIfEmpty }
        }
        guard let pooled = table.schema.pooledIDIndex else { return { _ in nil } }
        return { survivors[$0[pooled].text] }
    }

    /// pooled_id → the centre of the patient's survivor record (the smallest centre id when a
    /// patient has survivor records from several files of more than one centre).
    static func survivorCentres(_ tables: [TableData]) -> [String: String] {
        guard let lineage = tables.first(where: { $0.schema.name == CDM.sourceRecords.name }) else { return [:] }
        typealias S = CDM.SourceRecords
        let (pooled, centre, status) = (S.pooledID.index, S.centreID.index, S.status.index)
        var centres: [String: String] = [:]
        for row in lineage.rows where row[status].text == "survivor" {
            let id = row[pooled].text
            let name = row[centre].text
            if let known = centres[id], known.utf8.lexicographicallyPrecedes(name.utf8) { continue }
            centres[id] = name
        }
        return centres
    }
}

extension String {
    /// nil for the empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
