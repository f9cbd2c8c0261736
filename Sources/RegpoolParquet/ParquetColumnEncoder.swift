import RegpoolModel

/// One column chunk's collected values: definition levels, PLAIN values and statistics, before
/// they are cut into pages (`ParquetChunkEncoder`).
struct ParquetEncodedColumn: Sendable {
    package let column: ColumnSchema
    /// Rows in the chunk (nulls included).
    let rowCount: Int
    /// 1 per present value, 0 per null; empty for a required column.
    let levels: [UInt8]
    /// The PLAIN values section of every present value (booleans: see `bits`).
    let values: [UInt8]
    /// For BYTE_ARRAY columns: the end offset in `values` of each value (its 4-byte length included).
    let valueEnds: [Int]
    /// For BOOLEAN columns: 0/1 per present value (bit-packed per page).
    let bits: [UInt8]
    let statistics: ParquetStatistics

    /// How many values are present (not null).
    var presentCount: Int { rowCount - Int(statistics.nullCount) }

    /// The chunk as ONE PLAIN data page body: levels (length-prefixed) then values.
    var pageBody: [UInt8] {
        var body = column.required ? [] : RLEBitPackedHybridEncoder.encodeWithLengthPrefix(levels)
        if case .bool = column.type {
            ParquetBytes.appendBitPacked(bits, to: &body)
        } else {
            body.append(contentsOf: values)
        }
        return body
    }
}

/// Encodes one column of a table into a v1 data page body, checking every value's case.
///
/// Values are fed row by row (`append`), so a table is read in one pass over its rows, each
/// row's values together, instead of one pass per column (which is bound by memory latency).
struct ParquetColumnEncoder {
    let tableName: String
    package let column: ColumnSchema
    /// 1 per present value, 0 per null (only filled for optional columns).
    private(set) var levels: [UInt8] = []
    private(set) var nullCount = 0
    /// The PLAIN values section (booleans are collected in `bits` and packed at the end).
    var values: [UInt8] = []
    /// BYTE_ARRAY columns: where each value ends in `values`.
    var valueEnds: [Int] = []
    /// Booleans as 0/1, one per present value.
    var bits: [UInt8] = []
    /// Running statistics of INT32 and DOUBLE columns.
    var int32Range = (low: Int32.max, high: Int32.min)
    var doubleRange = (low: Double.infinity, high: -Double.infinity, sawNumber: false)
    /// The first bad value's error; later values of the column are ignored.
    private(set) var error: ParquetWriteError?
    /// True once `error` is set (a plain flag: testing the optional error per value is costly).
    private var failed = false
    /// The column's storage, without the enumeration's token list (copied per value otherwise).
    private let kind: Kind

    package enum Kind { case byteArray, date, int32, double, bool }
    /// The whole table and the column's index, only for `encode()` (one column at a time).
    private var source: (table: TableData, index: Int)?

    /// An encoder for `column` of table `tableName`, sized for `rowCount` rows.
    init(tableName: String, column: ColumnSchema, rowCount: Int) {
        self.tableName = tableName
        self.column = column
        switch column.type {
        case .string, .enumeration: kind = .byteArray
        case .date: kind = .date
        case .int32: kind = .int32
        case .double: kind = .double
        case .bool: kind = .bool
        }
        if !column.required { levels.reserveCapacity(rowCount) }
        switch column.type {
        case .date, .int32: values.reserveCapacity(rowCount * 4)
        case .double: values.reserveCapacity(rowCount * 8)
        case .bool: bits.reserveCapacity(rowCount)
        case .string, .enumeration: valueEnds.reserveCapacity(rowCount)
        }
    }

    /// Adds row `row`'s value; the first value that does not fit the column is kept as `error`.
    mutating func append(_ value: Value, row: Int) {
        guard !failed else { return }
        do {
            guard try isPresent(value, row: row) else { return }
            switch kind {
            case .byteArray: try appendByteArray(value, row: row)
            case .date: try appendInt32(value, row: row) { if case .date(let d) = $0 { d } else { nil } }
            case .int32: try appendInt32(value, row: row) { if case .int32(let i) = $0 { i } else { nil } }
            case .double: try appendDouble(value, row: row)
            case .bool: try appendBool(value, row: row)
            }
        } catch let e as ParquetWriteError {
            (error, failed) = (e, true)
        } catch {
            self.error = ParquetWriteError(table: tableName, column: column.name, row: row, problem: "\(error)")
            failed = true
        }
    }

    /// The collected levels, values and statistics of the column, once every row was appended.
    func finish(rowCount: Int) throws -> ParquetEncodedColumn {
        if let error { throw error }
        let range = finishedRange(rowCount: rowCount)
        let stats = ParquetStatistics(
            nullCount: Int64(nullCount), minValue: range.min, maxValue: range.max,
            signedOrder: ParquetLeafType(column.type).physical != .byteArray)
        return ParquetEncodedColumn(
            column: column, rowCount: rowCount, levels: levels, values: values, valueEnds: valueEnds, bits: bits,
            statistics: stats)
    }

    /// Records the definition level of row `row`'s value; false (and counted) when it is null.
    mutating func isPresent(_ value: Value, row: Int) throws -> Bool {
        if case .null = value {
            if column.required {
                throw ParquetWriteError.nullInRequired(table: tableName, column: column, row: row)
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
        ParquetWriteError.mismatch(table: tableName, column: column, row: row, value: value)
    }
}

extension ParquetColumnEncoder {
    /// An encoder for column `columnIndex` of `table` (see `encode()`).
    init(table: TableData, columnIndex: Int) {
        self.init(tableName: table.schema.name, column: table.schema.columns[columnIndex], rowCount: table.rows.count)
        source = (table, columnIndex)
    }

    /// Encodes the column of the table given to `init(table:columnIndex:)` on its own.
    mutating func encode() throws -> ParquetEncodedColumn {
        guard let (table, index) = source else { return try finish(rowCount: 0) }
        for (r, row) in table.rows.enumerated() { append(row[index], row: r) }
        return try finish(rowCount: table.rows.count)
    }
}
