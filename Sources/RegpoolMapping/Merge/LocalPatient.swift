import RegpoolModel

/// Where a record came from: file and locator.
package struct RecordOrigin: Sendable, Equatable {
    package let file: String
    package let locator: String

    /// An origin.
    package init(file: String, locator: String) {
        self.file = file
        self.locator = locator
    }
}

/// One patient of a centre after merging its records: rows aligned to the CDM schemas, with
/// `pooled_id` (and the centre-derived patients columns) still null.
package struct LocalPatient: Sendable {
    /// The centre's patient key, trimmed.
    package let localID: String
    /// The merged `patients` row, or nil when no record mapped `patients`.
    package internal(set) var patients: [Value]?
    /// The merged `outcomes` row, or nil when no record mapped `outcomes`.
    package internal(set) var outcomes: [Value]?
    /// The record whose values were merged into `outcomes` last.
    package let outcomesOrigin: RecordOrigin?
    /// Rows of `len_courses`, `treatment_lines`, `transplants` and `lab_results`, by table name.
    package internal(set) var childRows: [String: [[Value]]]
    /// Unit conversions and date imputations of values still in the rows (see `ValueNote`).
    package internal(set) var notes: [LocatedNote] = []
    /// The record each value of the `patients` and `outcomes` rows came from, by table name and column.
    package internal(set) var columnOrigins: [String: [RecordOrigin?]]
    /// The record each child row came from, by table name (aligned with `childRows`).
    package internal(set) var rowOrigins: [String: [RecordOrigin?]]
    /// The mapping's link keys (`link:` of a source), by name, trimmed and non-empty (for linkage rules).
    package var linkKeys: [String: String] = [:]
    /// How many accepted records carry this patient's key.
    package let recordCount: Int
    /// How many of them mapped a `patients` row.
    package let patientRecordCount: Int

    /// A patient (normally built by `CentreMapper`).
    package init(
        localID: String, patients: [Value]?, outcomes: [Value]?, outcomesOrigin: RecordOrigin?,
        childRows: [String: [[Value]]], recordCount: Int, patientRecordCount: Int,
        notes: [LocatedNote] = [], columnOrigins: [String: [RecordOrigin?]] = [:],
        rowOrigins: [String: [RecordOrigin?]] = [:]
    ) {
        self.notes = notes
        self.columnOrigins = columnOrigins
        self.rowOrigins = rowOrigins
        self.localID = localID
        self.patients = patients
        self.outcomes = outcomes
        self.outcomesOrigin = outcomesOrigin
        self.childRows = childRows
        self.recordCount = recordCount
        self.patientRecordCount = patientRecordCount
    }

    /// The rows of child table `name` (empty when none).
    package func rows(_ name: String) -> [[Value]] { childRows[name] ?? [] }

    /// The record that gave the value at `column` of row `row` of `table` (a child row's record), or nil.
    package func origin(table: String, row: Int, column: Int) -> RecordOrigin? {
        if let columns = columnOrigins[table] {
            return row == 0 && columns.indices.contains(column) ? columns[column] : nil
        }
        guard let rows = rowOrigins[table], rows.indices.contains(row) else { return nil }
        return rows[row]
    }
}
