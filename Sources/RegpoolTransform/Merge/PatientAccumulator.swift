import RegpoolModel

/// A one-row-per-patient table's row being merged column by column.
struct MergedRow: Sendable {
    var values: [Value]
    /// The record each column's value came from.
    var origins: [RecordOrigin?]
    /// The last record that contributed.
    var last: RecordOrigin
    /// Notes on the current values (the record that gave each is in `origins`).
    var notes: [ValueNote] = []
}

/// A child table's rows in first-seen order, replaced in place by natural key.
struct KeyedRows: Sendable {
    var rows: [(values: [Value], record: Int, origin: RecordOrigin, notes: [ValueNote])] = []
    var positions: [String: Int] = [:]
}

/// Everything known so far about one local patient of a centre.
struct PatientAccumulator: Sendable {
    let localID: String
    var perPatient: [String: MergedRow] = [:]
    var children: [String: KeyedRows] = [:]
    /// Lineage indexes of every record of this patient, in arrival order.
    var records: [Int] = []
    /// Lineage indexes of the records that mapped a `patients` row, in arrival order.
    var patientFeeders: [Int] = []
    /// The file (`FileJournal.generation`) that last saved this patient for rollback; -1 = none.
    var journaled = -1

    init(localID: String) { self.localID = localID }

    /// Merges a per-patient row: later non-null values replace earlier ones (T3007 when changed).
    mutating func mergePerPatient(_ row: ProducedRow, origin: RecordOrigin, context: RecordContext,
                                  audit: inout AuditLog) {
        let name = row.schema.name
        guard perPatient[name] != nil else {
            perPatient[name] = MergedRow(values: row.values, origins: row.values.map { $0.isNull ? nil : origin },
                                         last: origin, notes: row.notes)
            return
        }
        let id = localID
        // Updated in place (no copy of the stored row).
        perPatient[name]!.merge(row, origin: origin, patient: id, context: context, audit: &audit)
    }

    /// Adds a child row; a row with the same natural key is replaced (T3007). Returns the
    /// lineage index of the record whose row was replaced, if any.
    mutating func mergeChild(_ row: ProducedRow, record: Int, origin: RecordOrigin, context: RecordContext,
                             audit: inout AuditLog) -> Int? {
        let schema = row.schema
        let key = schema.naturalKey.map { k in schema.index(of: k).map { row.values[$0].text } ?? "" }
        let keyText = key.joined(separator: "\u{1F}")
        // The table is updated in place through the dictionary (no copy of its rows).
        guard let at = children[schema.name]?.positions[keyText] else {
            children[schema.name, default: KeyedRows()].append(row, key: keyText, record: record, origin: origin)
            return nil
        }
        let old = children[schema.name]!.rows[at]
        let keyDescription = zip(schema.naturalKey, key).map { "\($0)=\($1)" }.joined(separator: ", ")
        audit.record(AuditEvent(.valueSuperseded, centre: context.centre, file: context.file,
            locator: context.locator, target: schema.name, sourceValue: keyDescription,
            message: "\(schema.name) row \(keyDescription) of patient \(localID) from \(old.origin.file) "
                + "\(old.origin.locator) replaced by the row of the later record"))
        children[schema.name]!.rows[at] = (row.values, record, origin, row.notes)
        return old.record
    }
}

extension MergedRow {
    /// Takes the row's non-null values (T3007 for each one that changes a known value).
    mutating func merge(_ row: ProducedRow, origin: RecordOrigin, patient localID: String, context: RecordContext,
                        audit: inout AuditLog) {
        let name = row.schema.name
        for (i, new) in row.values.enumerated() where !new.isNull {
            let old = values[i]
            if !old.isNull, !Value.sameBytes(old, new) {
                let column = row.schema.columns[i].name
                let was = origins[i].map { "\($0.file) \($0.locator)" } ?? "an earlier record"
                audit.record(AuditEvent(.valueSuperseded, centre: context.centre, file: context.file,
                    locator: context.locator, target: "\(name).\(column)", sourceValue: old.text, targetValue: new.text,
                    message: "\(name).\(column) of patient \(localID): \"\(old.text)\" from \(was) "
                        + "replaced by \"\(new.text)\" from the later record"))
            }
            values[i] = new
            origins[i] = origin
            if !notes.isEmpty { notes.removeAll { $0.column == i } }
        }
        notes += row.notes
        last = origin
    }
}

extension KeyedRows {
    /// Appends a row under a natural key not seen before.
    mutating func append(_ row: ProducedRow, key: String, record: Int, origin: RecordOrigin) {
        positions[key] = rows.count
        rows.append((row.values, record, origin, row.notes))
    }
}
