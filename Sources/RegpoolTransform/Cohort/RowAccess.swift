import RegpoolModel

/// Reads a row aligned to a CDM schema by column name.
struct RowAccess {
    let schema: TableSchema
    let values: [Value]

    /// The value of `column`, `.null` when the column is unknown.
    subscript(_ column: String) -> Value {
        schema.index(of: column).map { values[$0] } ?? .null
    }

    /// A row of `schema` built from column/value pairs; other columns are null.
    static func build(_ schema: TableSchema, _ pairs: [(String, Value)]) -> [Value] {
        var row = [Value](repeating: .null, count: schema.columns.count)
        for (column, value) in pairs {
            if let i = schema.index(of: column) { row[i] = value }
        }
        return row
    }
}

/// A row shape resolved once: the schema position of each named column, so rows built many
/// times (one per record or patient) skip the by-name look-ups of `RowAccess.build`.
struct RowLayout: Sendable {
    let width: Int
    /// Position of each named column in the schema; nil for a name the schema does not have.
    let positions: [Int?]

    /// The layout of `columns` in `schema`.
    init(_ schema: TableSchema, _ columns: [String]) {
        width = schema.columns.count
        positions = columns.map { schema.index(of: $0) }
    }

    /// A row with `values` (in the layout's column order) in place; other columns are null.
    /// Same result as `RowAccess.build` with the same names and values.
    func build(_ values: [Value]) -> [Value] {
        var row = [Value](repeating: .null, count: width)
        for (position, value) in zip(positions, values) {
            if let position { row[position] = value }
        }
        return row
    }
}
