import RegpoolModel

/// A one-row-per-patient table's row being merged column by column.
struct MergedRow: Sendable {
    var values: [Value]
    /// The record each column's value came from.
    var origins: [RecordOrigin?]
    /// The lineage index of the record each column's value came from (-1 = no value yet).
    var records: [Int32]
    /// The most recent record (in `RecordOrder`) that contributed.
    var last: RecordOrigin
    /// Its lineage index.
    var lastRecord: Int
    /// Notes on the current values (the record that gave each is in `origins`).
    var notes: [ValueNote] = []
}

/// A child table's rows in first-seen order, replaced in place by natural key.
struct KeyedRows: Sendable {
    var rows: [(values: [Value], record: Int, origin: RecordOrigin, notes: [ValueNote])] = []
    var positions: [String: Int] = [:]
}

/// The record being merged: its lineage index, where it came from, and the audit context.
struct IncomingRecord {
    let index: Int
    let origin: RecordOrigin
    let context: RecordContext
}

/// Everything known so far about one local patient of a centre.
///
/// Merging keeps, for every value, child row and link key, the record it came from; an incoming
/// record replaces one only when its `RecordOrder` is not lower, so the result is that of the most
/// recent record whatever order the records arrive in (streaming: nothing else is kept).
struct PatientAccumulator: Sendable {
    let localID: String
    var perPatient: [String: MergedRow] = [:]
    var children: [String: KeyedRows] = [:]
    /// Link keys (`link:`) by name: the value and the order of the record that gave it.
    var linkKeys: [String: (value: String, order: RecordOrder)] = [:]
    /// Lineage indexes of every record of this patient, in arrival order.
    var records: [Int] = []
    /// Lineage indexes of the records that mapped a `patients` row, in arrival order.
    var patientFeeders: [Int] = []
    /// The file (`FileJournal.generation`) that last saved this patient for rollback; -1 = none.
    var journaled = -1

    init(localID: String) { self.localID = localID }

    /// Merges a per-patient row: each non-null value replaces the stored one unless the stored one
    /// came from a more recent record (T3007 whenever a differing value loses).
    mutating func mergePerPatient(
        _ row: ProducedRow, incoming: IncomingRecord, drafts: [RecordDraft],
        audit: inout AuditLog
    ) {
        let name = row.schema.name
        guard perPatient[name] != nil else {
            let i = incoming.index
            perPatient[name] = MergedRow(
                values: row.values, origins: row.values.map { $0.isNull ? nil : incoming.origin },
                records: row.values.map { $0.isNull ? -1 : Int32(truncatingIfNeeded: i) },
                last: incoming.origin, lastRecord: i, notes: row.notes)
            return
        }
        let id = localID
        // Updated in place (no copy of the stored row).
        perPatient[name]!.merge(row, incoming: incoming, patient: id, drafts: drafts, audit: &audit)
    }

    /// Adds a child row; a row with the same natural key is replaced when the incoming record is
    /// not older, else the incoming row is left out (T3007 either way). Returns the lineage index
    /// of the record whose row lost, if any.
    mutating func mergeChild(
        _ row: ProducedRow, incoming: IncomingRecord, drafts: [RecordDraft],
        audit: inout AuditLog
    ) -> Int? {
        let schema = row.schema
        let key = schema.naturalKey.map { k in schema.index(of: k).map { row.values[$0].text } ?? "" }
        let keyText = key.joined(separator: "\u{1F}")
        // The table is updated in place through the dictionary (no copy of its rows).
        guard let at = children[schema.name]?.positions[keyText] else {
            children[schema.name, default: KeyedRows()].append(
                row, key: keyText, record: incoming.index,
                origin: incoming.origin)
            return nil
        }
        let old = children[schema.name]!.rows[at]
        let keyDescription = zip(schema.naturalKey, key).map { "\($0)=\($1)" }.joined(separator: ", ")
        let stored = Contribution(record: old.record, origin: old.origin, drafts: drafts)
        let new = Contribution(record: incoming.index, origin: incoming.origin, drafts: drafts)
        let newWins = new.order >= stored.order
        let (winner, loser) = newWins ? (new, stored) : (stored, new)
        audit.record(
            Supersession(centre: incoming.context.centre, patient: localID, winner: winner, loser: loser)
                .rowEvent(table: schema.name, key: keyDescription))
        if newWins { children[schema.name]!.rows[at] = (row.values, incoming.index, incoming.origin, row.notes) }
        return loser.record
    }

    /// Keeps link key `name` = `value` unless a more recent record already gave it.
    mutating func setLinkKey(_ name: String, _ value: String, order: RecordOrder) {
        if let held = linkKeys[name], held.order > order { return }
        linkKeys[name] = (value, order)
    }
}

extension MergedRow {
    /// Takes the row's non-null values where the stored value is null or from a record that is not
    /// more recent (T3007 for each differing value that loses, either way).
    mutating func merge(
        _ row: ProducedRow, incoming: IncomingRecord, patient localID: String, drafts: [RecordDraft],
        audit: inout AuditLog
    ) {
        let name = row.schema.name
        let new = Contribution(record: incoming.index, origin: incoming.origin, drafts: drafts)
        var refused: [Int] = []
        for (i, value) in row.values.enumerated() where !value.isNull {
            let old = values[i]
            let holder = Int(records[i])
            let stored =
                old.isNull || holder < 0
                ? nil
                : Contribution(record: holder, origin: origins[i] ?? incoming.origin, drafts: drafts)
            let newWins = stored.map { new.order >= $0.order } ?? true
            if let stored, !Value.sameBytes(old, value) {
                let (winner, loser) = newWins ? (new, stored) : (stored, new)
                let (kept, lost) = newWins ? (value, old) : (old, value)
                audit.record(
                    Supersession(centre: incoming.context.centre, patient: localID, winner: winner, loser: loser)
                        .valueEvent(target: "\(name).\(row.schema.columns[i].name)", kept: kept, lost: lost))
            }
            guard newWins else {
                refused.append(i)
                continue
            }
            values[i] = value
            origins[i] = incoming.origin
            records[i] = Int32(truncatingIfNeeded: incoming.index)
            if !notes.isEmpty { notes.removeAll { $0.column == i } }
        }
        notes += refused.isEmpty ? row.notes : row.notes.filter { !refused.contains($0.column) }
        if new.order >= drafts[lastRecord].order {
            last = incoming.origin
            lastRecord = incoming.index
        }
    }
}

extension KeyedRows {
    /// Appends a row under a natural key not seen before.
    mutating func append(_ row: ProducedRow, key: String, record: Int, origin: RecordOrigin) {
        positions[key] = rows.count
        rows.append((row.values, record, origin, row.notes))
    }
}
