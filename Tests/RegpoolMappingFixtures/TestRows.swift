import RegpoolModel

/// Rows built by column name for readable fixtures; a name the schema lacks stops the test run
/// (never a silently dropped value).
package enum TestRows {
    package static func build(_ schema: TableSchema, _ pairs: [(String, Value)]) -> [Value] {
        var row = [Value](repeating: .null, count: schema.columns.count)
        for (name, value) in pairs {
            guard let i = schema.index(of: name) else { preconditionFailure("\(schema.name) has no column \(name)") }
            row[i] = value
        }
        return row
    }

    /// A row from a dictionary of column names (sorted by name, so the result never depends on
    /// dictionary order).
    package static func build(_ schema: TableSchema, _ values: [String: Value]) -> [Value] {
        build(schema, values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}
