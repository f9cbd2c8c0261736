import RegpoolModel

/// Rows of one table, read by column name.
struct ColumnReader {
    let table: TableData

    /// The values of `name` for every row (the column exists: tables are checked against the CDM).
    func values(_ name: String) -> [Value] { table.column(name) }

    /// Rows keyed by pooled_id (per-patient tables have one row per patient).
    func byPooledID() -> [String: [Value]] {
        var out: [String: [Value]] = [:]
        for row in table.rows { if let id = row[0].stringValue { out[id] = row } }
        return out
    }
}
