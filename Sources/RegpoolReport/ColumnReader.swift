import RegpoolModel

/// Rows of one per-patient table, found by pooled_id.
struct ColumnReader {
    let table: TableData

    /// Rows keyed by pooled_id (per-patient tables have one row per patient).
    func byPooledID() -> [String: [Value]] {
        var out: [String: [Value]] = [:]
        for row in table.rows { if let id = row[0].stringValue { out[id] = row } }
        return out
    }
}
