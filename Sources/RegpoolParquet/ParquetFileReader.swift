import RegpoolModel

/// Reads a Parquet file written by regpool (and plain files from other writers) back into rows.
///
/// Flat schemas only; data pages v1 and v2, PLAIN and dictionary encodings, UNCOMPRESSED pages
/// (see `ParquetPageDecompressor` for where a codec plugs in). Every length, count and offset is
/// checked against the file's bytes: a damaged file throws `ParquetReadError`, never traps.
package struct ParquetFileReader: Sendable {
    /// The whole file.
    let bytes: [UInt8]
    /// The file's name, for messages only.
    let file: String

    /// A reader of the file `bytes`; `file` names it in errors.
    package init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// The file's columns in order, each with the CDM type it holds (nil when no CDM type stores
    /// like it, e.g. INT64 or binary). A BYTE_ARRAY string column reports `.string` (enumerations
    /// are strings in the file). Throws on a damaged footer or a nested schema.
    package func schemaColumns() throws -> [(name: String, type: ColumnType?)] {
        try leafColumns(try footer()).map { (name: $0.name, type: $0.columnType) }
    }

    /// The rows, checked against `schema`: column names and types must match. Throws ParquetReadError.
    package func read(as schema: TableSchema) throws -> TableData {
        let footer = try footer()
        let leaves = try leafColumns(footer)
        try check(leaves, against: schema)
        let rowCount = try checkRowGroups(footer, leaves: leaves)
        var columns: [[Value]] = []
        for (index, leaf) in leaves.enumerated() {
            var values: [Value] = []
            values.reserveCapacity(rowCount)
            for group in footer.rowGroups {
                try readChunk(group.columns[index], of: leaf, rows: Int(group.numRows), into: &values)
            }
            try checkRequired(values, of: leaf, as: schema.columns[index])
            columns.append(values)
        }
        let rows = (0..<rowCount).map { r in columns.map { $0[r] } }
        return TableData(schema: schema, rows: rows)
    }

    /// Magic bytes at both ends, then the footer (its length is the 4 bytes before the last magic).
    func footer() throws -> ParquetFooter {
        let magic = ParquetFormat.magic
        guard bytes.count >= 12 else {
            throw error(at: 0, "the file is \(bytes.count) bytes long, too short for Parquet (at least 12)")
        }
        guard Array(bytes[0..<4]) == magic else {
            throw error(at: 0, "the file does not start with the Parquet magic bytes PAR1", fix: Self.notParquetFix)
        }
        let tail = bytes.count - 4
        if Array(bytes[tail...]) == Array("PARE".utf8) {
            throw error(
                at: tail, "the footer is encrypted (magic PARE)",
                fix: "decrypt the file first; regpool reads plain Parquet only")
        }
        guard Array(bytes[tail...]) == magic else {
            throw error(at: tail, "the file does not end with the Parquet magic bytes PAR1")
        }
        let length =
            Int(bytes[tail - 4]) | Int(bytes[tail - 3]) << 8 | Int(bytes[tail - 2]) << 16 | Int(bytes[tail - 1]) << 24
        let start = tail - 4 - length
        guard start >= 4 else {
            throw error(
                at: tail - 4, "the footer length \(length) reaches before the start of the file (\(bytes.count) bytes)")
        }
        do {
            return try ParquetMetadataDecoder.decode(bytes, range: start..<(tail - 4))
        } catch let failure as ParquetDecodeFailure {
            throw error(at: failure.index, "the footer (FileMetaData) is malformed: \(failure.problem)")
        }
    }

    /// Where the column data may lie: after the leading magic, before the footer.
    var dataRange: Range<Int> {
        let tail = bytes.count - 8
        let length =
            Int(bytes[tail]) | Int(bytes[tail + 1]) << 8 | Int(bytes[tail + 2]) << 16 | Int(bytes[tail + 3]) << 24
        return 4..<(tail - length)
    }

    /// An error about this file; the default advice is for damaged files.
    func error(
        at offset: Int?, column: String? = nil, row: Int? = nil, _ problem: String,
        fix: String = ParquetReadError.damagedFix
    ) -> ParquetReadError {
        ParquetReadError(file: file, offset: offset, column: column, row: row, problem: problem, fix: fix)
    }

    static let notParquetFix = "give the path of a .parquet file (a build's tables are in its folder)"
}
