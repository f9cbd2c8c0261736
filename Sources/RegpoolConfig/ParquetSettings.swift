/// How a pipeline's Parquet files are written (`parquet:`; see docs/pipeline.md).
package struct ParquetSettings: Sendable, Equatable {
    /// The page codecs a pipeline may name.
    package static let codecs = ["zstd", "snappy", "gzip", "uncompressed"]
    /// The columns a pipeline may partition by.
    package static let partitionColumns = ["centre_id"]

    /// One of `codecs` (default `zstd`).
    package var codec: String
    /// The codec's level; nil = its default.
    package var compressionLevel: Int?
    /// Rows per row group.
    package var rowGroupRows: Int
    /// Uncompressed bytes per data page (about).
    package var pageBytes: Int
    /// Dictionary-encode columns (falling back to PLAIN past `dictionaryPageLimit`).
    package var dictionary: Bool
    package var dictionaryPageLimit: Int
    /// Page CRC-32 checksums.
    package var pageChecksums: Bool
    /// Hive partitioning `TABLE/centre_id=X/part-0.parquet`; nil = one file per table.
    package var partitionBy: String?

    /// The defaults: ZSTD, 1,048,576-row groups, 1 MiB pages and dictionaries, checksums, no partitions.
    package static let defaults = ParquetSettings(
        codec: "zstd", compressionLevel: nil, rowGroupRows: 1 << 20, pageBytes: 1 << 20, dictionary: true,
        dictionaryPageLimit: 1 << 20, pageChecksums: true, partitionBy: nil)

    package init(
        codec: String, compressionLevel: Int?, rowGroupRows: Int, pageBytes: Int, dictionary: Bool,
        dictionaryPageLimit: Int, pageChecksums: Bool, partitionBy: String?
    ) {
        self.codec = codec
        self.compressionLevel = compressionLevel
        self.rowGroupRows = rowGroupRows
        self.pageBytes = pageBytes
        self.dictionary = dictionary
        self.dictionaryPageLimit = dictionaryPageLimit
        self.pageChecksums = pageChecksums
        self.partitionBy = partitionBy
    }
}
