import RegpoolConfig
import RegpoolModel

/// Applies one source of a mapping to records one at a time, without merging: the same rules, row
/// production and audit events as `CentreMapper`, shown per record with each value's source.
package struct MappingPreviewer: Sendable {
    private var compiled: CompiledSource
    private let centre: String

    /// A previewer for `source` of `mapping`; audit events name `centre`.
    package init(source: SourceSpec, mapping: MappingConfig, centre: String) {
        var slots = 0  // each preview has its own log
        compiled = CompiledSource(spec: source, centre: centre, defaultMissing: mapping.missing, slots: &slots)
        self.centre = centre
    }

    /// What the mapping makes of `record`.
    package mutating func preview(_ record: SourceRecord) -> RecordPreview {
        let positions = compiled.positions(for: record.names)
        let context = RecordContext(centre: centre, file: record.file, locator: record.locator)
        var audit = AuditLog()
        guard let key = compiled.patientKey(record, at: positions.key) else {
            audit.record(noKeyEvent(record, context: context))
            return RecordPreview(patientKey: nil, rows: [], issues: audit.events())
        }
        _ = compiled.updated?.date(positions.updated.flatMap { record.bytes(at: $0) }, context: context, audit: &audit)
        var rows: [PreviewRow] = []
        for (row, fieldIndexes) in zip(compiled.rows, positions.rows) {
            let raw: (Int) -> ArraySlice<UInt8>? = { record.bytes(at: $0) }
            row.forEachInstance(raw: raw, fieldIndexes: fieldIndexes, context: context, audit: &audit) { raw, audit in
                guard let produced = row.build(raw: raw, fieldIndexes: fieldIndexes, context: context, audit: &audit)
                else { return }
                rows.append(row.preview(produced, raw: raw, fieldIndexes: fieldIndexes, context: context))
            }
        }
        return RecordPreview(patientKey: key, rows: rows, issues: audit.events().filter { $0.count == nil })
    }

    /// The T3005 event `CentreMapper` records for a record without a patient key.
    private func noKeyEvent(_ record: SourceRecord, context: RecordContext) -> AuditEvent {
        let source = compiled.spec
        let sent = record.string(source.patientKey).map { ByteText.string(ByteText.trimmed(ArraySlice($0.utf8))) } ?? ""
        return AuditEvent(
            .recordRejected, centre: context.centre, file: context.file, locator: context.locator,
            field: source.patientKey, sourceValue: sent,
            rule: "\(source.location.file):\(source.location.line) \(source.name).patient_key",
            message:
                "no patient key in field \(source.patientKey) (value \"\(sent)\"); nothing from this record is used. "
                + "To fix: send the patient key, or name the right field in `patient_key` of source \(source.name)")
    }
}

extension CompiledRow {
    /// The cells of a produced row: every column a rule fills (even null), then derived non-null columns.
    func preview(
        _ row: ProducedRow, raw: (Int) -> ArraySlice<UInt8>?, fieldIndexes: [Int?],
        context: RecordContext
    ) -> PreviewRow {
        var byColumn: [Int: PreviewCell] = [:]
        var scratch = AuditLog()
        forEachRule(raw: raw, fieldIndexes: fieldIndexes) { rule, bytes, unitBytes in
            let result = rule.evaluate(bytes, unit: unitBytes, context: context, audit: &scratch)
            byColumn[rule.columnIndex] = PreviewCell(
                column: rule.rule.column, value: row.values[rule.columnIndex], field: rule.field,
                sourceText: result.sourceText, rule: "\(rule.rule.location.file):\(rule.rule.location.line)",
                conversion: result.note?.described)
        }
        let cells = schema.columns.indices.compactMap { i -> PreviewCell? in
            if let cell = byColumn[i] { return cell }
            guard !row.values[i].isNull else { return nil }
            return PreviewCell(
                column: schema.columns[i].name, value: row.values[i], field: nil, sourceText: nil, rule: nil)
        }
        return PreviewRow(table: schema.name, cells: cells)
    }
}
