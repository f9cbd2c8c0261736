import RegpoolCodecs

/// How `ParquetTableWriter` lays out and compresses a file.
package struct ParquetWriterOptions: Sendable, Equatable {
    /// The page codec (default ZSTD).
    package var codec: CompressionCodec
    /// The codec's level; nil = its default (ZSTD 3, GZIP 6).
    package var compressionLevel: Int?
    /// Rows per row group (the last group holds the rest).
    package var rowGroupRows: Int
    /// Uncompressed bytes after which a data page is closed (about 1 MB).
    package var pageBytes: Int
    /// A chunk whose dictionary page would pass this many bytes is written PLAIN instead.
    package var dictionaryPageLimit: Int
    /// Dictionary-encode every column but booleans (false = PLAIN everywhere).
    package var dictionary: Bool
    /// Write each page's CRC-32 (over the page bytes as stored) into its header.
    package var pageChecksums: Bool

    /// The defaults: ZSTD, 1,048,576 rows per group, 1 MiB pages and dictionaries, checksums on.
    package init(
        codec: CompressionCodec = .zstd, compressionLevel: Int? = nil, rowGroupRows: Int = 1 << 20,
        pageBytes: Int = 1 << 20, dictionaryPageLimit: Int = 1 << 20, dictionary: Bool = true,
        pageChecksums: Bool = true
    ) {
        self.codec = codec
        self.compressionLevel = compressionLevel
        self.rowGroupRows = rowGroupRows
        self.pageBytes = pageBytes
        self.dictionaryPageLimit = dictionaryPageLimit
        self.dictionary = dictionary
        self.pageChecksums = pageChecksums
    }
}
