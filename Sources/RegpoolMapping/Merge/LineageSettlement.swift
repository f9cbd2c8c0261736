import RegpoolModel

/// Decides each record's lineage status once all of a centre's records are in.
enum LineageSettlement {
    /// Decides survivor/merged for the patient's records and emits L4001 when records were merged.
    ///
    /// Records that mapped the `patients` row: the most recent (`RecordOrder`: update date, then
    /// file order) is `survivor`, the others `merged` (match probability 1.0: same local key).
    /// Other records are `survivor` unless every row they gave lost to a more recent record's row
    /// (then `merged`).
    ///
    /// Returns each record of the patient (by lineage index) and whether it is `merged`, without
    /// changing `drafts` (`setStatus` applies it), so patients apart may be settled at once.
    static func statuses(
        _ patient: PatientAccumulator, drafts: [RecordDraft], centre: String,
        audit: inout AuditLog
    ) -> [(index: Int, merged: Bool)] {
        var out: [(index: Int, merged: Bool)] = []
        let feeders = patient.patientFeeders.sorted { drafts[$0].order < drafts[$1].order }
        for (n, index) in feeders.enumerated() {
            out.append((index, n < feeders.count - 1))
        }
        for index in patient.records where !drafts[index].fedPatients {
            let d = drafts[index]
            out.append((index, d.rowsGiven > 0 && d.rowsSuperseded == d.rowsGiven))
        }
        guard feeders.count > 1, let last = feeders.last else { return out }
        let winner = drafts[last]
        let runnerUp = drafts[feeders[feeders.count - 2]]
        let rule = RecencyRule.deciding(winner: winner.order, field: winner.updatedField, loser: runnerUp.order)
        let survivor = winner.entry
        let date = winner.order.updatedText
        audit.record(
            AuditEvent(
                .recordsMerged, centre: centre, file: survivor.file, locator: survivor.locator,
                field: date == nil ? nil : winner.updatedField, targetValue: date, rule: rule,
                message: "\(feeders.count) records with local key \(patient.localID) were merged into one patient; "
                    + "the survivor is \(survivor.file) \(survivor.locator) ("
                    + (date.map { "updated \($0); " } ?? "") + "\(rule))"))
        return out
    }

    static func setStatus(_ draft: inout RecordDraft, merged: Bool) {
        draft.entry.status = merged ? .merged : .survivor
        draft.entry.matchProbability = merged ? 1.0 : nil
    }
}

extension PatientAccumulator {
    /// The patient's merged rows (and link keys) as a `LocalPatient`.
    var localPatient: LocalPatient {
        var childRows: [String: [[Value]]] = [:]
        var notes: [LocatedNote] = []
        var rowOrigins: [String: [RecordOrigin?]] = [:]
        for name in children.keys.sorted() {
            guard let table = children[name] else { continue }
            childRows[name] = table.rows.map(\.values)
            rowOrigins[name] = table.rows.map(\.origin)
            for (i, row) in table.rows.enumerated() {
                notes += row.notes.map { LocatedNote(table: name, row: i, note: $0) }
            }
        }
        var columnOrigins: [String: [RecordOrigin?]] = [:]
        for name in [CDM.patients.name, CDM.outcomes.name] {
            notes += (perPatient[name]?.notes ?? []).map { LocatedNote(table: name, row: 0, note: $0) }
            columnOrigins[name] = perPatient[name]?.origins
        }
        var patient = LocalPatient(
            localID: localID, patients: perPatient[CDM.patients.name]?.values,
            outcomes: perPatient[CDM.outcomes.name]?.values, outcomesOrigin: perPatient[CDM.outcomes.name]?.last,
            childRows: childRows, recordCount: records.count, patientRecordCount: patientFeeders.count, notes: notes,
            columnOrigins: columnOrigins, rowOrigins: rowOrigins)
        patient.linkKeys = linkKeys.mapValues(\.value)
        return patient
    }
}
