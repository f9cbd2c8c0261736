import RegpoolModel

/// Encodes a whole CDM table as one Parquet file's bytes.
///
/// Row groups of `options.rowGroupRows` rows; per column chunk a PLAIN dictionary page (unless
/// the column is BOOLEAN, all null, or its dictionary grows past the limit) and v1 data pages of
/// about `options.pageBytes`, compressed with `options.codec` and checksummed. The footer is
/// Thrift compact `FileMetaData` (version 1) with statistics, type-defined column orders, the
/// caller's key/value metadata and the table's column descriptions.
package struct ParquetTableWriter: Sendable {
    /// The footer's `created_by`, e.g. `regpool version 1.2.3 (build abc)`.
    package let createdBy: String
    /// Footer key/value metadata, written in this order (before the column descriptions).
    package let keyValueMetadata: [(key: String, value: String)]
    /// Layout and compression.
    package let options: ParquetWriterOptions

    /// A writer stamping `createdBy` and `keyValueMetadata` into every file's footer.
    package init(
        createdBy: String, keyValueMetadata: [(key: String, value: String)] = [],
        options: ParquetWriterOptions = ParquetWriterOptions()
    ) {
        self.createdBy = createdBy
        self.keyValueMetadata = keyValueMetadata
        self.options = options
    }

    /// The Parquet file bytes of `table`; throws on a value that does not fit its column.
    package func encode(_ table: TableData) throws -> [UInt8] {
        try checkOptions(table)
        try checkRowWidths(table)
        var out = ParquetFormat.magic
        let chunkEncoder = ParquetChunkEncoder(options: options, table: table.schema.name)
        var groups: [ParquetRowGroup] = []
        for (ordinal, rows) in rowGroupRanges(table.rows.count).enumerated() {
            let columns = try encodeColumns(table, rows: rows)
            var chunks: [ParquetColumnChunk] = []
            for column in columns { chunks.append(try chunkEncoder.write(column, into: &out)) }
            groups.append(ParquetRowGroup(columns: chunks, numRows: Int64(rows.count), ordinal: Int16(ordinal)))
        }
        let footer = fileMetaData(table, groups: groups).encoded()
        out.append(contentsOf: footer)
        ParquetBytes.appendUInt32LE(UInt32(footer.count), to: &out)
        out.append(contentsOf: ParquetFormat.magic)
        return out
    }

    /// Consecutive row ranges of at most `rowGroupRows` rows; one empty range for an empty table.
    func rowGroupRanges(_ rowCount: Int) -> [Range<Int>] {
        guard rowCount > 0 else { return [0..<0] }
        return stride(from: 0, to: rowCount, by: options.rowGroupRows).map {
            $0..<min(rowCount, $0 + options.rowGroupRows)
        }
    }

    /// Every column's collected values for `rows`, from one pass over those rows. A row group
    /// with bad values throws the error of its first bad column (lowest index), at that
    /// column's first bad row.
    private func encodeColumns(_ table: TableData, rows: Range<Int>) throws -> [ParquetEncodedColumn] {
        var encoders = table.schema.columns.map {
            ParquetColumnEncoder(tableName: table.schema.name, column: $0, rowCount: rows.count)
        }
        for r in rows {
            for (c, value) in table.rows[r].enumerated() { encoders[c].append(value, row: r) }
        }
        return try encoders.map { try $0.finish(rowCount: rows.count) }
    }

    /// The footer: root group + one leaf per column, the row groups, metadata and column orders.
    private func fileMetaData(_ table: TableData, groups: [ParquetRowGroup]) -> ParquetFileMetaData {
        let root = ParquetSchemaElement(
            name: "schema", type: nil, repetition: nil, numChildren: Int32(table.schema.columns.count),
            convertedType: nil, logicalType: nil)
        let leaves = table.schema.columns.map(ParquetLeafType.schemaElement(for:))
        return ParquetFileMetaData(
            schema: [root] + leaves, numRows: Int64(table.rows.count), rowGroups: groups,
            keyValueMetadata: keyValueMetadata + ParquetColumnDescriptions.keyValues(table.schema),
            createdBy: createdBy, leafCount: leaves.count)
    }

    /// Options that cannot lay out a file are refused before anything is written.
    private func checkOptions(_ table: TableData) throws {
        guard options.rowGroupRows > 0, options.pageBytes > 0, options.dictionaryPageLimit >= 0 else {
            throw ParquetWriteError(
                table: table.schema.name,
                problem:
                    "row group rows and page bytes must be positive (got \(options.rowGroupRows) and \(options.pageBytes))"
            )
        }
        guard table.rows.count / options.rowGroupRows < Int(Int16.max) else {
            throw ParquetWriteError(
                table: table.schema.name,
                problem:
                    "\(table.rows.count) rows make more than \(Int16.max) row groups of \(options.rowGroupRows); raise row_group_rows"
            )
        }
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
