import RegpoolModel

extension LocalPatient {
    /// The value of `column` in row `row` of `table` (nil when there is no such row).
    package func value(table: String, row: Int, column: Int) -> Value? {
        switch table {
        case CDM.patients.name: return row == 0 ? patients?[column] : nil
        case CDM.outcomes.name: return row == 0 ? outcomes?[column] : nil
        default:
            guard let rows = childRows[table], rows.indices.contains(row) else { return nil }
            return rows[row][column]
        }
    }

    /// Sets one value (its note, if any, goes: the value is no longer the one the rule made); `origin`,
    /// when given, becomes the record the value of a `patients` or `outcomes` column came from.
    package mutating func setValue(_ value: Value, table: String, row: Int, column: Int, origin: RecordOrigin? = nil) {
        switch table {
        case CDM.patients.name where row == 0 && patients != nil: patients![column] = value
        case CDM.outcomes.name where row == 0 && outcomes != nil: outcomes![column] = value
        default:
            guard childRows[table]?.indices.contains(row) == true else { return }
            childRows[table]![row][column] = value
        }
        if let origin, columnOrigins[table]?.indices.contains(column) == true { columnOrigins[table]![column] = origin }
        notes.removeAll { $0.table == table && $0.row == row && $0.column == column }
    }

    /// Sets one value to null (and drops its note).
    package mutating func dropValue(table: String, row: Int, column: Int) {
        setValue(.null, table: table, row: row, column: column)
    }

    /// Removes a whole row (a per-patient row becomes nil); notes of later rows follow their rows.
    package mutating func dropRow(table: String, row: Int) {
        switch table {
        case CDM.patients.name, CDM.outcomes.name:
            if table == CDM.patients.name { patients = nil } else { outcomes = nil }
            columnOrigins[table] = nil
        default:
            guard childRows[table]?.indices.contains(row) == true else { return }
            childRows[table]!.remove(at: row)
            if rowOrigins[table]?.indices.contains(row) == true { rowOrigins[table]!.remove(at: row) }
        }
        notes.removeAll { $0.table == table && $0.row == row }
        for i in notes.indices where notes[i].table == table && notes[i].row > row { notes[i].row -= 1 }
    }

    /// Appends a child row (e.g. a derived one), with the record it was derived from, and returns its index.
    @discardableResult
    package mutating func appendRow(_ values: [Value], table: String, origin: RecordOrigin? = nil) -> Int {
        let count = childRows[table]?.count ?? 0
        var origins = rowOrigins[table] ?? []
        origins += [RecordOrigin?](repeating: nil, count: max(0, count - origins.count))
        rowOrigins[table] = origins + [origin]
        childRows[table, default: []].append(values)
        return childRows[table]!.count - 1
    }

    /// Counts every note whose value is still in the rows (T3004, T3011), once per value.
    func countNotes(centre: String, audit: inout AuditLog) {
        for n in notes {
            guard let v = value(table: n.table, row: n.row, column: n.column), !v.isNull else { continue }
            n.count(
                centre: centre, value: v, origin: origin(table: n.table, row: n.row, column: n.column), audit: &audit)
        }
    }

    /// Releases the per-value provenance (notes and origins) once the centre's derivations,
    /// validation and note counts have used it: the cohort needs only the values, and a build of
    /// many patients should not carry a record origin per value to the end.
    mutating func releaseProvenance() {
        notes = []
        columnOrigins = [:]
        rowOrigins = [:]
    }
}
