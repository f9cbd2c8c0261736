import RegpoolModel

/// How one CDM table differs between two builds, row by row on (pooled_id, natural key).
package struct TableComparison: Sendable, Equatable {
    /// One changed value, for the examples.
    package struct Change: Sendable, Equatable {
        package let pooledID: String
        /// The row within the patient (`course_number=1`); "" for per-patient tables.
        package let row: String
        package let before: Value
        package let after: Value
    }

    /// How many values of one column changed, with the first few (in key order).
    package struct ColumnChanges: Sendable, Equatable {
        package let column: String
        package var count: Int
        package var examples: [Change]
    }

    package let table: String
    package let rowsBefore: Int
    package let rowsAfter: Int
    package let rowsAdded: Int
    package let rowsRemoved: Int
    package let rowsChanged: Int
    /// Pooled ids with a row only in the second build / only in the first / a changed row.
    package let idsAdded: [String]
    package let idsRemoved: [String]
    package let idsChanged: [String]
    /// Per column (schema order), only columns with a change.
    package let columns: [ColumnChanges]
    /// Per changed pooled id: the columns that changed, and `+row` / `-row` for rows added to or
    /// removed from a patient present in both builds.
    package let changesByID: [String: [String]]

    /// True when the two tables hold the same rows.
    package var isUnchanged: Bool { rowsAdded == 0 && rowsRemoved == 0 && rowsChanged == 0 }

    /// How many examples a column keeps.
    static let examples = 3

    /// Compares `before` and `after` (the same schema) on pooled_id and the natural key.
    package init(before: TableData, after: TableData) {
        let schema = after.schema
        let keyed = { (t: TableData) in Self.keyed(t) }
        let (a, b) = (keyed(before), keyed(after))
        var added: Set<String> = []
        var removed: Set<String> = []
        var changed: Set<String> = []
        var rowsAdded = 0
        var rowsRemoved = 0
        var rowsChanged = 0
        var columns = schema.columns.map { ColumnChanges(column: $0.name, count: 0, examples: []) }
        var byID: [String: [String]] = [:]
        func note(_ id: String, _ what: String) {
            if !(byID[id]?.contains(what) ?? false) { byID[id, default: []].append(what) }
        }
        for key in Set(a.keys).union(b.keys).sorted(by: Self.precedes) {
            switch (a[key], b[key]) {
            case (nil, .some):
                rowsAdded += 1
                added.insert(key.pooledID)
                note(key.pooledID, "+row")
            case (.some, nil):
                rowsRemoved += 1
                removed.insert(key.pooledID)
                note(key.pooledID, "-row")
            case (let x?, let y?) where x != y:
                rowsChanged += 1
                changed.insert(key.pooledID)
                for i in schema.columns.indices where x[i] != y[i] {
                    note(key.pooledID, schema.columns[i].name)
                    columns[i].count += 1
                    if columns[i].examples.count < Self.examples {
                        columns[i].examples.append(
                            Change(pooledID: key.pooledID, row: key.row, before: x[i], after: y[i]))
                    }
                }
            default:
                break
            }
        }
        let idsBefore = Set(a.keys.map(\.pooledID))
        let idsAfter = Set(b.keys.map(\.pooledID))
        table = schema.name
        rowsBefore = before.rows.count
        rowsAfter = after.rows.count
        self.rowsAdded = rowsAdded
        self.rowsRemoved = rowsRemoved
        self.rowsChanged = rowsChanged
        // A patient is added or removed when the table had no row of it before / has none after;
        // a row added to or removed from a patient present in both builds is a change of that patient.
        idsAdded = added.subtracting(idsBefore).sorted()
        idsRemoved = removed.subtracting(idsAfter).sorted()
        idsChanged = changed.union(added.intersection(idsBefore)).union(removed.intersection(idsAfter)).sorted()
        self.columns = columns.filter { $0.count > 0 }
        let changedIDs = Set(idsChanged)
        changesByID = byID.filter { changedIDs.contains($0.key) }
    }

    /// A row's identity: its pooled id and natural key as text.
    struct Key: Hashable {
        let pooledID: String
        let row: String
    }

    /// Rows by key (a repeated key keeps its first row; the CDM's natural keys are unique per patient).
    static func keyed(_ table: TableData) -> [Key: [Value]] {
        let schema = table.schema
        let id = schema.pooledIDIndex
        let natural = Array(zip(schema.naturalKey, schema.naturalKeyIndexes))
        var out: [Key: [Value]] = [:]
        for row in table.rows {
            let key = Key(
                pooledID: id.map { row[$0].text } ?? "",
                row: natural.map { "\($0.0)=\(row[$0.1].text)" }.joined(separator: " "))
            if out[key] == nil { out[key] = row }
        }
        return out
    }

    static func precedes(_ a: Key, _ b: Key) -> Bool {
        a.pooledID != b.pooledID
            ? a.pooledID.utf8.lexicographicallyPrecedes(b.pooledID.utf8)
            : a.row.utf8.lexicographicallyPrecedes(b.row.utf8)
    }
}
