import RegpoolModel

/// One column's data page body (definition levels + PLAIN values) and its statistics.
struct ParquetEncodedColumn: Sendable {
    var pageBody: [UInt8]
    var statistics: ParquetStatistics
}

/// Encodes one column of a table into a v1 data page body, checking every value's case.
struct ParquetColumnEncoder {
    let table: TableData
    let columnIndex: Int
    let column: ColumnSchema
    /// 1 per present value, 0 per null (only filled for optional columns).
    private(set) var levels: [UInt8] = []
    private(set) var nullCount = 0

    init(table: TableData, columnIndex: Int) {
        self.table = table
        self.columnIndex = columnIndex
        self.column = table.schema.columns[columnIndex]
        if !column.required { levels.reserveCapacity(table.rows.count) }
    }

    /// The page body and statistics of the column.
    mutating func encode() throws -> ParquetEncodedColumn {
        let encoded: (values: [UInt8], min: [UInt8]?, max: [UInt8]?)
        switch column.type {
        case .string, .enumeration: encoded = try encodeByteArrays()
        case .date: encoded = try encodeInt32s { if case .date(let d) = $0 { d } else { nil } }
        case .int32: encoded = try encodeInt32s { if case .int32(let i) = $0 { i } else { nil } }
        case .double: encoded = try encodeDoubles()
        case .bool: encoded = try encodeBools()
        }
        var body = column.required ? [] : RLEBitPackedHybridEncoder.encodeWithLengthPrefix(levels)
        body.reserveCapacity(body.count + encoded.values.count)
        body.append(contentsOf: encoded.values)
        let stats = ParquetStatistics(nullCount: Int64(nullCount), minValue: encoded.min, maxValue: encoded.max)
        return ParquetEncodedColumn(pageBody: body, statistics: stats)
    }

    /// Records the definition level of row `row`'s value; false (and counted) when it is null.
    mutating func isPresent(_ value: Value, row: Int) throws -> Bool {
        if case .null = value {
            if column.required {
                throw ParquetWriteError.nullInRequired(table: table.schema.name, column: column, row: row)
            }
            levels.append(0)
            nullCount += 1
            return false
        }
        if !column.required { levels.append(1) }
        return true
    }

    /// The error for a value of the wrong case at `row`.
    func mismatch(_ value: Value, row: Int) -> ParquetWriteError {
        ParquetWriteError.mismatch(table: table.schema.name, column: column, row: row, value: value)
    }
}
