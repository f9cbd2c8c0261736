import RegpoolConfig
import RegpoolModel

/// A lineage entry being built, with what its record contributed.
struct RecordDraft: Sendable {
    var entry: LineageEntry
    var fedPatients = false
    var rowsGiven = 0
    var rowsSuperseded = 0
    /// The record's place in the centre's recency order (rejected records: their arrival only).
    var order: RecordOrder
    /// The `updated:` field of the record's source, if it declares one.
    var updatedField: String?

    /// A draft of `entry`, the centre's `index`-th record (undated unless `order` is given).
    init(entry: LineageEntry, index: Int, order: RecordOrder? = nil, updatedField: String? = nil) {
        self.entry = entry
        self.order = order ?? RecordOrder(updated: nil, arrival: index)
        self.updatedField = updatedField
    }
}

extension CentreMapper {
    /// T3005 and a rejected lineage entry for a record without a patient key.
    mutating func rejectWithoutKey(_ record: SourceRecord, source: SourceSpec, context: RecordContext) {
        let sent = record.string(source.patientKey).map { ByteText.string(ByteText.trimmed(ArraySlice($0.utf8))) } ?? ""
        let reason = "no patient key in field \(source.patientKey)"
        audit.record(
            AuditEvent(
                .recordRejected, centre: context.centre, file: context.file, locator: context.locator,
                field: source.patientKey, sourceValue: sent,
                rule: "\(source.location.file):\(source.location.line) \(source.name).patient_key",
                message: "\(reason) (value \"\(sent)\"); nothing from this record is used. "
                    + "To fix: send the patient key, or name the right field in `patient_key` of source \(source.name)")
        )
        drafts.append(
            RecordDraft(
                entry: LineageEntry(
                    localPatientID: sent, file: record.file, locator: record.locator,
                    sha256: record.sha256, status: .rejected, rejectReason: reason), index: drafts.count))
    }

    /// Merges one produced row of lineage entry `record` into the patient and notes what the record contributed.
    mutating func add(_ row: ProducedRow, record: Int, to patient: inout PatientAccumulator, context: RecordContext) {
        let incoming = IncomingRecord(
            index: record, origin: RecordOrigin(file: context.file, locator: context.locator),
            context: context)
        if row.schema.isPerPatient {
            patient.mergePerPatient(row, incoming: incoming, drafts: drafts, audit: &audit)
            if row.schema.name == CDM.patients.name {
                if !drafts[record].fedPatients { patient.patientFeeders.append(record) }
                drafts[record].fedPatients = true
            } else {
                drafts[record].rowsGiven += 1
            }
            return
        }
        drafts[record].rowsGiven += 1
        if let lost = patient.mergeChild(row, incoming: incoming, drafts: drafts, audit: &audit) {
            noteSuperseded(lost)
        }
    }

    /// Takes the record's link keys (`link:` of its source) into the patient: trimmed, non-empty,
    /// not a "not known" token; a more recent record's value is kept.
    func addLinkKeys(
        _ record: SourceRecord, source: CompiledSource, positions: CompiledSource.FieldPositions,
        order: RecordOrder, to patient: inout PatientAccumulator
    ) {
        for (spec, index) in zip(source.spec.link, positions.links) {
            guard let value = source.linkValue(record, at: index) else { continue }
            patient.setLinkKey(spec.name, value, order: order)
        }
    }
}
