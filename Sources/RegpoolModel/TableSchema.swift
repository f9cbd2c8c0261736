/// One CDM table: its name, its columns in contract order, and its natural key.
public struct TableSchema: Sendable, Equatable {
    public let name: String
    public let columns: [ColumnSchema]
    /// Columns that identify a row within a patient, after `pooled_id` (empty: one row per patient).
    public let naturalKey: [String]
    public let meaning: String

    public init(name: String, meaning: String, naturalKey: [String], columns: [ColumnSchema]) {
        self.name = name
        self.meaning = meaning
        self.naturalKey = naturalKey
        self.columns = columns
    }

    /// The index of the column named `name`, or nil.
    public func index(of name: String) -> Int? {
        columns.firstIndex { $0.name == name }
    }

    /// The column named `name`, or nil.
    public func column(_ name: String) -> ColumnSchema? {
        columns.first { $0.name == name }
    }

    /// True when the table holds at most one row per patient.
    public var isPerPatient: Bool { naturalKey.isEmpty && columns.first?.name == "pooled_id" }
}
