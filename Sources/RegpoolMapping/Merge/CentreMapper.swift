import RegpoolConfig
import RegpoolModel

/// Maps one centre's source records to CDM rows, merging records with the same local key.
package struct CentreMapper: Sendable {
    let centre: CentreConfig
    let mapping: MappingConfig
    /// The consortium's validation actions (the pipeline's `validation:`).
    let validation: ValidationSettings
    var sources: [String: CompiledSource] = [:]
    var patients: [String: PatientAccumulator] = [:]
    var drafts: [RecordDraft] = []
    var audit = AuditLog()
    /// The file being mapped, when the caller asked for rollback (`beginFile()`).
    var journal: FileJournal?
    /// How many files were begun.
    var fileCount = 0
    /// The next audit slot no compiled rule has taken (`AuditLog.count(slot:_:)`).
    var nextSlot = 0

    /// A mapper for `centre` using its `mapping`; merged patients are validated with `validation`.
    package init(centre: CentreConfig, mapping: MappingConfig, validation: ValidationSettings = .defaults) {
        self.centre = centre
        self.mapping = mapping
        self.validation = validation
        for spec in mapping.sources where sources[spec.name] == nil {
            sources[spec.name] = CompiledSource(
                spec: spec, centre: centre.id, defaultMissing: mapping.missing, slots: &nextSlot)
        }
    }

    /// Maps one record of `source`; records arrive in file-name order, then file order (which
    /// decides between records of one patient unless their sources name an `updated:` date).
    package mutating func map(_ record: SourceRecord, source: SourceSpec) {
        let compiled = compiledSource(source, for: record.names)
        let prepared = Self.prepare(record, source: compiled, audit: &audit)
        absorb(prepared, record: record, source: compiled)
    }

    /// The compiled `source`, its field positions resolved for `names` (once per header object).
    mutating func compiledSource(_ source: SourceSpec, for names: FieldNames) -> CompiledSource {
        var compiled =
            sources[source.name]
            ?? CompiledSource(spec: source, centre: centre.id, defaultMissing: mapping.missing, slots: &nextSlot)
        _ = compiled.positions(for: names)
        sources[source.name] = compiled
        return compiled
    }

    /// What one record gives before it meets its patient: its key, its `updated:` date and its
    /// rows, each with the index of the compiled row that built it. Pure: many at once are fine.
    static func prepare(
        _ record: SourceRecord, source compiled: CompiledSource, audit: inout AuditLog
    ) -> PreparedRecord {
        let positions = compiled.resolvedPositions(for: record.names)
        let context = RecordContext(centre: compiled.centre, file: record.file, locator: record.locator)
        guard let key = compiled.patientKey(record, at: positions.key) else {
            return PreparedRecord(key: nil, updated: nil, rows: [])
        }
        let updated = compiled.updated?.date(
            positions.updated.flatMap { record.bytes(at: $0) }, context: context, audit: &audit)
        var rows: [(row: Int, produced: ProducedRow)] = []
        for (n, (row, fieldIndexes)) in zip(compiled.rows, positions.rows).enumerated() {
            guard row.unpack != nil else {
                // The common case: one row per record, no buffer and no escaping closure.
                if let r = row.build(
                    raw: { record.bytes(at: $0) }, fieldIndexes: fieldIndexes, context: context, audit: &audit)
                {
                    rows.append((n, r))
                }
                continue
            }
            let raw: (Int) -> ArraySlice<UInt8>? = { record.bytes(at: $0) }
            row.forEachInstance(raw: raw, fieldIndexes: fieldIndexes, context: context, audit: &audit) { raw, audit in
                if let r = row.build(raw: raw, fieldIndexes: fieldIndexes, context: context, audit: &audit) {
                    rows.append((n, r))
                }
            }
        }
        return PreparedRecord(key: key, updated: updated, rows: rows)
    }

    /// Merges a prepared record into its patient (or rejects it without a key), in arrival order.
    mutating func absorb(_ prepared: PreparedRecord, record: SourceRecord, source compiled: CompiledSource) {
        let context = RecordContext(centre: centre.id, file: record.file, locator: record.locator)
        guard let key = prepared.key else {
            rejectWithoutKey(record, source: compiled.spec, context: context)
            return
        }
        let positions = compiled.resolvedPositions(for: record.names)
        let index = drafts.count
        let order = RecordOrder(updated: prepared.updated, arrival: index)
        drafts.append(
            RecordDraft(
                entry: LineageEntry(
                    localPatientID: key, file: record.file, locator: record.locator,
                    sha256: record.sha256, status: .survivor),
                index: index, order: order, updatedField: compiled.spec.updated?.field))
        var patient = takePatient(key)
        patient.records.append(index)
        addLinkKeys(record, source: compiled, positions: positions, order: order, to: &patient)
        for (_, r) in prepared.rows { add(r, record: index, to: &patient, context: context) }
        patients[key] = patient
    }

    /// Records an extract-level rejection as a lineage entry with status `rejected`.
    package mutating func reject(_ record: RejectedRecord, source: SourceSpec) {
        drafts.append(
            RecordDraft(
                entry: LineageEntry(
                    localPatientID: record.firstField, file: record.file,
                    locator: record.locator, sha256: record.sha256, status: .rejected, rejectReason: record.reason),
                index: drafts.count))
    }

    /// Settles every record's status and returns the centre's patients, lineage and audit (a file
    /// still open is committed). Patients are settled in pieces on `workers`, each piece into its
    /// own audit merged in key order, so the result is that of settling them one by one.
    package func finish(workers: Workers = .serial) -> CentreResult {
        var mapper = self
        mapper.commitFile()
        return mapper.settled(workers: workers)
    }

    /// What settling one piece of patients gave: the patients kept, each record's new status
    /// (merged or not; or the reason it is rejected), and the events.
    private struct SettledPiece {
        var patients: [LocalPatient] = []
        var merged: [(index: Int, merged: Bool)] = []
        var rejected: [(index: Int, reason: String)] = []
        var audit = AuditLog()
    }

    /// The result once no file is open.
    private func settled(workers: Workers) -> CentreResult {
        let keys = patients.keys.sorted { Value.compareUTF8($0, $1) < 0 }
        let needsParent = mapping.sources.contains { $0.tables.contains { $0.table == CDM.patients.name } }
        let derivations = PatientDerivations(centre: centre.id, specs: mapping.derive)
        let validator = PatientValidator(centre: centre.id, settings: validation)
        let size = 2048
        let pieces = workers.map((keys.count + size - 1) / size) { p -> SettledPiece in
            var piece = SettledPiece()
            for key in keys[p * size..<min(keys.count, (p + 1) * size)] {
                guard let patient = patients[key] else { continue }
                if needsParent, patient.patientFeeders.isEmpty {
                    piece.rejected += orphans(patient, audit: &piece.audit)
                    continue
                }
                piece.merged += LineageSettlement.statuses(
                    patient, drafts: self.drafts, centre: centre.id, audit: &piece.audit)
                var local = patient.localPatient
                derivations.run(on: &local, audit: &piece.audit)
                validator.validate(&local, audit: &piece.audit)
                local.countNotes(centre: centre.id, audit: &piece.audit)
                local.releaseProvenance()
                piece.patients.append(local)
            }
            return piece
        }
        var drafts = self.drafts
        var audit = self.audit
        var out: [LocalPatient] = []
        out.reserveCapacity(keys.count)
        for piece in pieces {
            for (index, merged) in piece.merged { LineageSettlement.setStatus(&drafts[index], merged: merged) }
            for (index, reason) in piece.rejected {
                let e = drafts[index].entry
                drafts[index].entry = LineageEntry(
                    localPatientID: e.localPatientID, file: e.file, locator: e.locator,
                    sha256: e.sha256, status: .rejected, rejectReason: reason)
            }
            audit.merge(piece.audit)
            out += piece.patients
        }
        return CentreResult(centre: centre, patients: out, lineage: drafts.map(\.entry), audit: audit)
    }

    /// Rejects every record of a patient that no `patients` record names: child rows need their
    /// parent. Returns each record's lineage index with the reason.
    private func orphans(_ patient: PatientAccumulator, audit: inout AuditLog) -> [(index: Int, reason: String)] {
        let reason =
            "no patient record with key \"\(patient.localID)\" in the centre's exports; a child record needs its patient"
        for index in patient.records {
            let e = drafts[index].entry
            audit.record(
                AuditEvent(
                    .recordOrphaned, centre: centre.id, file: e.file, locator: e.locator, sourceValue: patient.localID,
                    message: "\(e.file) \(e.locator): \(reason); nothing from this record is in the build. "
                        + "To fix: send the patient's record, or correct the key."))
        }
        return patient.records.map { ($0, reason) }
    }
}
