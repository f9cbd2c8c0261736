import RegpoolModel

/// Why a table could not be written as Parquet: names the table, column and row index.
package struct ParquetWriteError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The table being written.
    package let table: String
    /// The column at fault, when the problem is in one column.
    package let column: String?
    /// The 0-based row index at fault, when the problem is in one row.
    package let row: Int?
    /// What is wrong and how to fix it.
    package let problem: String

    /// An error about `table` (and optionally one column and row).
    package init(table: String, column: String? = nil, row: Int? = nil, problem: String) {
        self.table = table
        self.column = column
        self.row = row
        self.problem = problem
    }

    /// One line: where, then what is wrong.
    package var description: String {
        var place = "table '\(table)'"
        if let column { place += ", column '\(column)'" }
        if let row { place += ", row index \(row)" }
        return "cannot write Parquet for \(place): \(problem)"
    }

    /// A value whose case does not fit the column's type.
    static func mismatch(table: String, column: ColumnSchema, row: Int, value: Value) -> ParquetWriteError {
        ParquetWriteError(
            table: table, column: column.name, row: row,
            problem: "value \(describe(value)) does not fit column type \(column.type.name); "
                + "the transform must produce \(expectedCase(column.type)) values for this column")
    }

    /// A null in a column the schema marks required.
    static func nullInRequired(table: String, column: ColumnSchema, row: Int) -> ParquetWriteError {
        ParquetWriteError(
            table: table, column: column.name, row: row,
            problem: "null in required column (type \(column.type.name)); every row must have a value here")
    }

    /// The case and payload of `value`, for messages.
    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .string(let s): return "string \"\(s.prefix(80))\""
        case .int32(let i): return "int32 \(i)"
        case .double(let d): return "double \(d)"
        case .bool(let b): return "bool \(b)"
        case .date(let d): return "date \(CivilDate(days: d).iso)"
        }
    }

    /// The `Value` case a column type needs.
    private static func expectedCase(_ type: ColumnType) -> String {
        switch type {
        case .string, .enumeration: return ".string"
        case .date: return ".date"
        case .int32: return ".int32"
        case .double: return ".double"
        case .bool: return ".bool"
        }
    }
}
