import RegpoolModel

/// Encodes a whole CDM table as one Parquet file's bytes.
///
/// One row group, one v1 data page per column, PLAIN encoding, no compression; the footer is
/// Thrift compact `FileMetaData` (version 1) with statistics and type-defined column orders.
public struct ParquetTableWriter: Sendable {
    /// The footer's `created_by`, e.g. `regpool version 1.2.3 (build abc)`.
    public let createdBy: String
    /// Footer key/value metadata, written in this order.
    public let keyValueMetadata: [(key: String, value: String)]

    /// A writer stamping `createdBy` and `keyValueMetadata` into every file's footer.
    public init(createdBy: String, keyValueMetadata: [(key: String, value: String)] = []) {
        self.createdBy = createdBy
        self.keyValueMetadata = keyValueMetadata
    }

    /// The Parquet file bytes of `table`; throws on a value that does not fit its column.
    public func encode(_ table: TableData) throws -> [UInt8] {
        try checkRowWidths(table)
        let pages = try encodeColumns(table)
        var out = ParquetFormat.magic
        out.reserveCapacity(pages.reduce(1024) { $0 + $1.pageBody.count + 64 })
        let chunks = try writeChunks(pages, of: table, into: &out)
        let footer = fileMetaData(table, chunks: chunks).encoded()
        out.append(contentsOf: footer)
        ParquetBytes.appendUInt32LE(UInt32(footer.count), to: &out)
        out.append(contentsOf: ParquetFormat.magic)
        return out
    }

    /// Every column's page, from one pass over the rows. A table with bad values throws the
    /// error of its first bad column (lowest index), at that column's first bad row.
    private func encodeColumns(_ table: TableData) throws -> [ParquetEncodedColumn] {
        var encoders = table.schema.columns.map {
            ParquetColumnEncoder(tableName: table.schema.name, column: $0, rowCount: table.rows.count)
        }
        for (r, row) in table.rows.enumerated() {
            for (c, value) in row.enumerated() { encoders[c].append(value, row: r) }
        }
        return try encoders.map { try $0.finish(rowCount: table.rows.count) }
    }

    /// Appends each column's page header and body; returns the chunks' metadata.
    private func writeChunks(
        _ pages: [ParquetEncodedColumn], of table: TableData, into out: inout [UInt8]
    ) throws -> [ParquetColumnChunk] {
        guard let rowCount = Int32(exactly: table.rows.count) else {
            throw ParquetWriteError(
                table: table.schema.name, problem: "\(table.rows.count) rows exceed one data page; split the table")
        }
        var chunks: [ParquetColumnChunk] = []
        for (column, page) in zip(table.schema.columns, pages) {
            guard let size = Int32(exactly: page.pageBody.count) else {
                throw ParquetWriteError(
                    table: table.schema.name, column: column.name,
                    problem: "data page of \(page.pageBody.count) bytes exceeds 2 GiB; split the table")
            }
            let header = ParquetPageHeader(
                uncompressedPageSize: size, compressedPageSize: size, numValues: rowCount
            ).encoded()
            let offset = out.count
            out.append(contentsOf: header)
            out.append(contentsOf: page.pageBody)
            chunks.append(
                ParquetColumnChunk(
                    type: ParquetLeafType(column.type).physical,
                    encodings: column.required ? [.plain] : [.plain, .rle], pathInSchema: [column.name],
                    numValues: Int64(table.rows.count), totalSize: Int64(header.count + page.pageBody.count),
                    dataPageOffset: Int64(offset), statistics: page.statistics))
        }
        return chunks
    }

    /// The footer: root group + one leaf per column, one row group, metadata and column orders.
    private func fileMetaData(_ table: TableData, chunks: [ParquetColumnChunk]) -> ParquetFileMetaData {
        let root = ParquetSchemaElement(
            name: "schema", type: nil, repetition: nil, numChildren: Int32(table.schema.columns.count),
            convertedType: nil, logicalType: nil)
        let leaves = table.schema.columns.map(ParquetLeafType.schemaElement(for:))
        let group = ParquetRowGroup(
            columns: chunks, numRows: Int64(table.rows.count),
            fileOffset: chunks.first?.dataPageOffset ?? Int64(ParquetFormat.magic.count))
        return ParquetFileMetaData(
            schema: [root] + leaves, numRows: Int64(table.rows.count), rowGroups: [group],
            keyValueMetadata: keyValueMetadata, createdBy: createdBy, leafCount: leaves.count)
    }

    /// Every row must hold exactly one value per schema column.
    private func checkRowWidths(_ table: TableData) throws {
        let width = table.schema.columns.count
        for (r, row) in table.rows.enumerated() where row.count != width {
            throw ParquetWriteError(
                table: table.schema.name, row: r,
                problem: "row has \(row.count) values but the schema has \(width) columns")
        }
    }
}
