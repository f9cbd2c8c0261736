import RegpoolModel

/// How one CDM column becomes an SPSS variable: enumerations as numeric codes 1…n (contract
/// order) with value labels, booleans as 0/1 labelled No/Yes, dates as SPSS dates, doubles and
/// integers as numbers, strings as string variables as wide as their longest value (bytes).
package struct SPSSVariable: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// Codes 1…n for `tokens`, with `labels` as value labels.
        case coded(tokens: [String], labels: [String])
        /// 0 = No, 1 = Yes.
        case flag
        /// Seconds since 1582-10-14, format DATE11.
        case date
        /// A number with `decimals` shown.
        case number(decimals: Int)
        /// Text of at most `width` bytes.
        case text(width: Int)
    }

    /// SPSS measurement level.
    package enum Measure: Sendable, Equatable { case nominal, scale }

    package let name: String
    package let label: String
    package let kind: Kind

    /// Nominal for codes, flags and text; scale for numbers and dates.
    package var measure: Measure {
        switch kind {
        case .coded, .flag, .text: .nominal
        case .date, .number: .scale
        }
    }

    /// SPSS print format, e.g. `F8.2`, `DATE11`, `A64`.
    package var format: String {
        switch kind {
        case .coded(let tokens, _): "F\(String(tokens.count).count).0"
        case .flag: "F1.0"
        case .date: "DATE11"
        case .number(let decimals): "F12.\(decimals)"
        case .text(let width): "A\(width)"
        }
    }

    /// Days between 1582-10-14 (SPSS's origin) and 1970-01-01.
    package static let daysBefore1970 = 141_428

    /// The variables of `table`'s columns, strings sized by the longest value.
    package static func plan(_ table: TableData) -> [SPSSVariable] {
        table.schema.columns.enumerated().map { index, column in
            SPSSVariable(
                name: column.name, label: CDM.columnLabel(column.name),
                kind: kind(column, values: table.rows.lazy.map { $0[index] }))
        }
    }

    private static func kind(_ column: ColumnSchema, values: some Sequence<Value>) -> Kind {
        switch column.type {
        case .enumeration(let tokens):
            return .coded(tokens: tokens, labels: tokens.map { CDM.tokenLabel(column: column.name, token: $0) })
        case .bool: return .flag
        case .date: return .date
        case .int32: return .number(decimals: 0)
        case .double: return .number(decimals: column.name.hasSuffix("_months") ? 2 : 1)
        case .string: return .text(width: max(1, values.map { $0.text.utf8.count }.max() ?? 1))
        }
    }
}
