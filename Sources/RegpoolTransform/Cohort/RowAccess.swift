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
