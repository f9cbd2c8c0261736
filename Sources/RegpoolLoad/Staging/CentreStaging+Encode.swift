import RegpoolMapping
import RegpoolModel

/// A centre's result taken apart into the staged tables.
extension CentreStaging {
    /// The staged tables of `result` and the centre's extraction audit, in `schemas` order.
    package static func tables(_ result: CentreResult, extraction: AuditLog) throws(StagingError) -> [TableData] {
        var all: [TableData] = []
        try forEachTable(result, extraction: extraction) { all.append($0) }
        return all
    }

    /// Hands each staged table to `body` in `schemas` order, one at a time, so that only one is
    /// in memory besides the result (a stage is written beside a run that is still assembling).
    package static func forEachTable(
        _ result: CentreResult, extraction: AuditLog,
        _ body: (TableData) throws(StagingError) -> Void
    ) throws(StagingError) {
        try body(try patientsTable(result.patients))
        var notes = TableData(schema: StagingSchemas.notes)
        for p in result.patients {
            let id = Value.string(p.localID)
            for note in p.notes { notes.rows.append(try noteRow(id, note)) }
        }
        try body(notes)
        try body(lineage(result.lineage))
        try body(try audit(centre: result.audit, extraction: extraction))
        for schema in rowTables {
            var rows = TableData(schema: StagingSchemas.rows(schema))
            for p in result.patients {
                for (index, row) in patientRows(p, schema.name).enumerated() {
                    rows.rows.append([.string(p.localID), .int32(Int32(index))] + row)
                }
            }
            try body(rows)
        }
    }

    /// One row per local patient: counts, which rows it has, origins and link keys.
    static func patientsTable(_ patients: [LocalPatient]) throws(StagingError) -> TableData {
        var table = TableData(schema: StagingSchemas.patients)
        for p in patients {
            table.rows.append([
                .string(try StagingText.checked(p.localID)), .int32(Int32(clamping: p.recordCount)),
                .int32(Int32(clamping: p.patientRecordCount)), .bool(p.patients != nil), .bool(p.outcomes != nil),
                p.outcomesOrigin == nil ? .null : .string(try StagingText.origin(p.outcomesOrigin)),
                .string(p.childRows.keys.sorted().joined(separator: ",")), .string(try StagingText.pairs(p.linkKeys)),
                .string(try StagingText.origins(p.columnOrigins)), .string(try StagingText.origins(p.rowOrigins)),
            ])
        }
        return table
    }

    /// The rows of `table` a patient holds (its per-patient row, or its child rows).
    static func patientRows(_ p: LocalPatient, _ table: String) -> [[Value]] {
        switch table {
        case CDM.patients.name: return p.patients.map { [$0] } ?? []
        case CDM.outcomes.name: return p.outcomes.map { [$0] } ?? []
        default: return p.rows(table)
        }
    }

    static func noteRow(_ id: Value, _ n: LocatedNote) throws(StagingError) -> [Value] {
        let note = n.note
        var kind = ""
        var unit = Value.null
        var factor = Value.null
        var pattern = Value.null
        var imputation = Value.null
        switch note.kind {
        case .unitConverted(let u, let f):
            (kind, unit, factor) = ("unit", .string(u), .double(f))
        case .dateImputed(let p, let i):
            (kind, pattern, imputation) = ("date", .string(p), .string(i))
        }
        return [
            id, .string(n.table), .int32(Int32(n.row)), .int32(Int32(note.column)), .string(kind), unit, factor,
            pattern, imputation, note.tag.field.map(Value.string) ?? .null, .string(note.tag.target),
            .string(note.tag.reference), .string(try StagingText.text(note.source)),
        ]
    }

    static func lineage(_ entries: [LineageEntry]) -> TableData {
        TableData(
            schema: StagingSchemas.lineage,
            rows: entries.map { e in
                [
                    .string(e.localPatientID), .string(e.file), .string(e.locator), .string(e.sha256),
                    .string(e.status.rawValue),
                    e.matchProbability.map(Value.double) ?? .null, e.rejectReason.map(Value.string) ?? .null,
                ]
            })
    }

    static func audit(centre: AuditLog, extraction: AuditLog) throws(StagingError) -> TableData {
        var table = TableData(schema: StagingSchemas.audit)
        for (name, log) in [("centre", centre), ("extraction", extraction)] {
            let (single, summaries) = log.staged
            for e in single { table.rows.append(eventRow(name, e, summary: nil)) }
            for s in summaries { table.rows.append(try summaryRow(name, s)) }
        }
        return table
    }

    static func eventRow(_ log: String, _ e: AuditEvent, summary: Int?) -> [Value] {
        func s(_ v: String?) -> Value { v.map(Value.string) ?? .null }
        return [
            .string(log), .bool(summary != nil), .string(e.code.code), s(e.centre), s(e.file), s(e.locator), s(e.field),
            s(e.target), s(e.sourceValue), s(e.targetValue), s(e.rule),
            e.count.map { .int32(Int32(clamping: $0)) } ?? .null,
            .string(e.message), .int32(Int32(clamping: summary ?? 0)), .null, .null, .null, .null, .null, .null,
        ]
    }

    static func summaryRow(_ log: String, _ s: AuditLog.StagedSummary) throws(StagingError) -> [Value] {
        let k = s.key.parts
        guard k.code == s.event.code.code else { throw StagingError("a summary's key and event disagree on the code") }
        var row = eventRow(log, s.event, summary: s.count)
        row.replaceSubrange(
            14..<20,
            with: [
                k.centre.map(Value.string) ?? .null, k.field.map(Value.string) ?? .null,
                k.target.map(Value.string) ?? .null,
                .string(try StagingText.text(k.source)),
                try k.targetValue.map { v throws(StagingError) in .string(try StagingText.text(v)) } ?? .null,
                k.rule.map(Value.string) ?? .null,
            ])
        return row
    }
}
