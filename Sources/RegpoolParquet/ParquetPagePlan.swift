/// The rows and present values one data page holds.
struct ParquetPageSpan: Sendable, Equatable {
    let rows: Range<Int>
    let values: Range<Int>
}

/// Cuts a column chunk into data pages of about `pageBytes` uncompressed bytes.
enum ParquetPagePlan {
    /// The pages of `column`: consecutive row ranges covering every row (one empty page for an
    /// empty chunk). Sizes are estimated per row: a level bit (optional columns) plus the value's
    /// PLAIN size, or `indexBitWidth` bits when the chunk is dictionary-encoded.
    static func spans(of column: ParquetEncodedColumn, indexBitWidth: Int?, pageBytes: Int) -> [ParquetPageSpan] {
        guard column.rowCount > 0 else { return [ParquetPageSpan(rows: 0..<0, values: 0..<0)] }
        let limitBits = max(1, pageBytes) * 8
        let levelBits = column.column.required ? 0 : 1
        let width = fixedValueBits(column, indexBitWidth: indexBitWidth)
        var spans: [ParquetPageSpan] = []
        var firstRow = 0
        var firstValue = 0
        var value = 0
        var bits = 0
        for row in 0..<column.rowCount {
            bits += levelBits
            if column.column.required || column.levels[row] == 1 {
                bits += width ?? (column.valueEnds[value] - (value == 0 ? 0 : column.valueEnds[value - 1])) * 8
                value += 1
            }
            if bits >= limitBits {
                spans.append(ParquetPageSpan(rows: firstRow..<(row + 1), values: firstValue..<value))
                (firstRow, firstValue, bits) = (row + 1, value, 0)
            }
        }
        if firstRow < column.rowCount {
            spans.append(ParquetPageSpan(rows: firstRow..<column.rowCount, values: firstValue..<value))
        }
        return spans
    }

    /// Bits per present value, or nil for PLAIN byte arrays (each its own length).
    private static func fixedValueBits(_ column: ParquetEncodedColumn, indexBitWidth: Int?) -> Int? {
        if let indexBitWidth { return indexBitWidth }
        switch column.column.type {
        case .string, .enumeration: return nil
        case .date, .int32: return 32
        case .double: return 64
        case .bool: return 1
        }
    }
}
