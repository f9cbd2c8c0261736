/// One CDM table: its name, its columns in contract order, and its natural key.
package struct TableSchema: Sendable, Equatable {
    package let name: String
    package let columns: [ColumnSchema]
    /// Columns that identify a row within a patient, after `pooled_id` (empty: one row per patient).
    package let naturalKey: [String]
    package let meaning: String

    package init(name: String, meaning: String, naturalKey: [String], columns: [ColumnSchema]) {
        self.name = name
        self.meaning = meaning
        self.naturalKey = naturalKey
        self.columns = columns
    }

    /// The index of the column named `name`, or nil.
    package func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The column named `name`, or nil.
    package func column(_ name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }

    /// The position of `pooled_id` (the first column of every CDM table), or nil for a table without it.
    package var pooledIDIndex: Int? { columns.first?.name == "pooled_id" ? 0 : nil }

    /// The positions of the natural key's columns, in key order.
    package var naturalKeyIndexes: [Int] {
        naturalKey.map { name in
            guard let i = index(of: name) else { preconditionFailure("\(self.name): natural key \(name) is no column") }
            return i
        }
    }

    /// True when the table holds at most one row per patient.
    package var isPerPatient: Bool { naturalKey.isEmpty && columns.first?.name == "pooled_id" }
}
