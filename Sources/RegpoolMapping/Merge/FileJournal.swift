import RegpoolModel

/// What the file being mapped changed in a `CentreMapper`, so that a file failing as a whole can
/// be undone without snapshotting (and so copying) everything mapped before it.
///
/// Memory stays proportional to what the file touched: the prior state of each patient it
/// changed (saved once, on first touch), the keys it created, and its own audit events.
struct FileJournal: Sendable {
    /// Tells this file's saves from earlier files' (see `PatientAccumulator.journaled`).
    let generation: Int
    /// Lineage entries before the file; the file's own entries follow.
    let draftCount: Int
    /// The audit of earlier files; the mapper collects the file's events apart until commit.
    var committedAudit: AuditLog
    /// Keys of patients the file created.
    var created: [String] = []
    /// Patients as they were before the file first changed them.
    var previous: [PatientAccumulator] = []
    /// Earlier entries whose `rowsSuperseded` the file incremented (once per increment).
    var superseded: [Int] = []
}

extension CentreMapper {
    /// Starts mapping one file: until `commitFile()` or `rollBackFile()`, changes are journaled.
    package mutating func beginFile() {
        if journal != nil { commitFile() }
        fileCount += 1
        var committed = AuditLog()
        swap(&committed, &audit)
        journal = FileJournal(generation: fileCount, draftCount: drafts.count, committedAudit: committed)
    }

    /// Keeps everything the current file gave.
    package mutating func commitFile() {
        guard var j = journal else { return }
        journal = nil
        var merged = AuditLog()
        swap(&merged, &j.committedAudit)  // the only reference: merged in place
        merged.merge(audit)
        audit = merged
    }

    /// Undoes everything the current file gave: its lineage entries, patients and audit events.
    package mutating func rollBackFile() {
        guard let j = journal else { return }
        journal = nil
        for key in j.created { patients.removeValue(forKey: key) }
        for patient in j.previous { patients[patient.localID] = patient }
        drafts.removeSubrange(j.draftCount...)
        for index in j.superseded { drafts[index].rowsSuperseded -= 1 }
        audit = j.committedAudit
    }

    /// Removes patient `key` from the map for updating in place (put it back when done); saves
    /// its prior state in the journal the first time the current file touches it.
    mutating func takePatient(_ key: String) -> PatientAccumulator {
        guard var patient = patients.removeValue(forKey: key) else {
            var patient = PatientAccumulator(localID: key)
            if let generation = journal?.generation {
                journal?.created.append(key)
                patient.journaled = generation
            }
            return patient
        }
        if let generation = journal?.generation, patient.journaled != generation {
            journal?.previous.append(patient)
            patient.journaled = generation
        }
        return patient
    }

    /// Notes that the row of lineage entry `index` was replaced; journaled when an earlier file gave it.
    mutating func noteSuperseded(_ index: Int) {
        drafts[index].rowsSuperseded += 1
        if let j = journal, index < j.draftCount { journal?.superseded.append(index) }
    }
}
