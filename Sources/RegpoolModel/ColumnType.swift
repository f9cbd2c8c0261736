/// The logical type of a CDM column, as the output contract (`cdm.md`) names it.
package enum ColumnType: Sendable, Equatable {
    /// UTF-8 text: Parquet BYTE_ARRAY with the STRING logical type.
    case string
    /// A string column whose values are exactly one of `tokens` (lowercase).
    case enumeration([String])
    /// A calendar date: Parquet INT32 with the DATE logical type (days since 1970-01-01).
    case date
    /// Parquet INT32.
    case int32
    /// Parquet DOUBLE.
    case double
    /// Parquet BOOLEAN.
    case bool

    /// The enumeration tokens, or nil for a non-enumeration column.
    package var tokens: [String]? {
        if case .enumeration(let tokens) = self { return tokens }
        return nil
    }

    /// The short name used in documentation and error messages.
    package var name: String {
        switch self {
        case .string: return "string"
        case .enumeration: return "enum"
        case .date: return "date"
        case .int32: return "int32"
        case .double: return "double"
        case .bool: return "bool"
        }
    }
}
