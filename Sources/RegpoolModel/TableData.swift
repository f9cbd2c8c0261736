/// The rows of one CDM table, each row aligned with the schema's columns.
public struct TableData: Sendable {
    public let schema: TableSchema
    public var rows: [[Value]]

    public init(schema: TableSchema, rows: [[Value]] = []) {
        self.schema = schema
        self.rows = rows
    }

    /// The rows in the contract's deterministic order: `pooled_id`, then the natural key, then
    /// every other column (so even rows equal on the key have one order).
    public func sorted() -> TableData {
        let keyIndexes = ([schema.columns[0].name] + schema.naturalKey).compactMap { schema.index(of: $0) }
        let order = keyIndexes + schema.columns.indices.filter { !keyIndexes.contains($0) }
        let rows = self.rows.sorted { a, b in
            for i in order where !Value.sameBytes(a[i], b[i]) {
                return Value.precedes(a[i], b[i])
            }
            return false
        }
        return TableData(schema: schema, rows: rows)
    }

    /// The values of column `name` (for tests and derivations).
    public func column(_ name: String) -> [Value] {
        guard let i = schema.index(of: name) else { return [] }
        return rows.map { $0[i] }
    }
}
