import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// A centre's result put back together from its staged tables.
extension CentreStaging {
    /// The result and extraction audit the tables (in `schemas` order) were made from.
    /// The per-patient indexes of the row tables are built at once on `workers`.
    package static func result(
        _ tables: [TableData], centre: CentreConfig, workers: Workers = .serial
    ) throws(StagingError)
        -> (result: CentreResult, extraction: AuditLog)
    {
        guard tables.count == schemas.count, zip(tables, schemas).allSatisfy({ $0.schema.name == $1.name }) else {
            throw StagingError("the staged tables are not those of staging format \(formatVersion)")
        }
        let rows = workers.map(rowTables.count, costs: rowTables.indices.map { tables[4 + $0].rows.count }) {
            rowsByPatient(tables[4 + $0])
        }
        let notes = try notesByPatient(tables[1])
        var patients: [LocalPatient] = []
        for r in tables[0].rows {
            patients.append(try patient(r, rows: rows, notes: notes))
        }
        let (centreLog, extraction) = try auditLogs(tables[3])
        let result = CentreResult(centre: centre, patients: patients, lineage: try lineage(tables[2]), audit: centreLog)
        return (result, extraction)
    }

    /// The staged rows of one CDM table, by local id, in row order (without the two key columns).
    static func rowsByPatient(_ table: TableData) -> [String: [[Value]]] {
        var out: [String: [[Value]]] = [:]
        for row in table.rows { out[row[0].text, default: []].append(Array(row[2...])) }
        return out
    }

    static func patient(
        _ r: [Value], rows: [[String: [[Value]]]], notes: [String: [LocatedNote]]
    ) throws(StagingError)
        -> LocalPatient
    {
        let id = r[0].text
        func own(_ table: String) -> [[Value]] { rows[rowTables.firstIndex { $0.name == table }!][id] ?? [] }
        let children = r[6].text.isEmpty ? [] : r[6].text.split(separator: ",").map(String.init)
        var childRows: [String: [[Value]]] = [:]
        for name in children { childRows[name] = own(name) }
        guard case .int32(let records) = r[1], case .int32(let patientRecords) = r[2],
            case .bool(let hasPatients) = r[3],
            case .bool(let hasOutcomes) = r[4]
        else { throw StagingError("stage_patients row of \(id) is malformed") }
        var p = LocalPatient(
            localID: id, patients: hasPatients ? own(CDM.patients.name).first : nil,
            outcomes: hasOutcomes ? own(CDM.outcomes.name).first : nil,
            outcomesOrigin: r[5].isNull ? nil : StagingText.origin(r[5].text), childRows: childRows,
            recordCount: Int(records), patientRecordCount: Int(patientRecords), notes: notes[id] ?? [],
            columnOrigins: StagingText.origins(r[8].text), rowOrigins: StagingText.origins(r[9].text))
        p.linkKeys = StagingText.pairs(r[7].text)
        if (hasPatients && p.patients == nil) || (hasOutcomes && p.outcomes == nil) {
            throw StagingError("the staged rows of \(id) are missing")
        }
        return p
    }

    static func notesByPatient(_ table: TableData) throws(StagingError) -> [String: [LocatedNote]] {
        var out: [String: [LocatedNote]] = [:]
        for r in table.rows {
            guard case .int32(let row) = r[2], case .int32(let column) = r[3] else {
                throw StagingError("a staged note is malformed")
            }
            let kind: ValueNote.Kind
            switch (r[4].text, r[6]) {
            case ("unit", .double(let factor)): kind = .unitConverted(unit: r[5].text, factor: factor)
            case ("date", _): kind = .dateImputed(pattern: r[7].text, imputation: r[8].text)
            default: throw StagingError("a staged note has the unknown kind \(r[4].text)")
            }
            let tag = RuleTag(field: r[9].isNull ? nil : r[9].text, target: r[10].text, reference: r[11].text)
            let note = ValueNote(kind: kind, column: Int(column), tag: tag, source: Array(r[12].text.utf8))
            out[r[0].text, default: []].append(LocatedNote(table: r[1].text, row: Int(row), note: note))
        }
        return out
    }

    static func lineage(_ table: TableData) throws(StagingError) -> [LineageEntry] {
        var out: [LineageEntry] = []
        for r in table.rows {
            guard let status = LineageEntry.Status(rawValue: r[4].text) else {
                throw StagingError("a staged status is \(r[4].text)")
            }
            out.append(
                LineageEntry(
                    localPatientID: r[0].text, file: r[1].text, locator: r[2].text, sha256: r[3].text,
                    status: status, matchProbability: r[5].doubleValue,
                    rejectReason: r[6].isNull ? nil : r[6].text))
        }
        return out
    }

    static func auditLogs(_ table: TableData) throws(StagingError) -> (centre: AuditLog, extraction: AuditLog) {
        var single: [String: [AuditEvent]] = [:]
        var summaries: [String: [AuditLog.StagedSummary]] = [:]
        for r in table.rows {
            let event = try event(r)
            if case .bool(true) = r[1] {
                let key = AuditSummaryKey(
                    code: event.code.code, centre: r[14].isNull ? nil : r[14].text,
                    field: r[15].isNull ? nil : r[15].text, target: r[16].isNull ? nil : r[16].text,
                    source: Array(r[17].text.utf8), targetValue: r[18].isNull ? nil : Array(r[18].text.utf8),
                    rule: r[19].isNull ? nil : r[19].text)
                summaries[r[0].text, default: []].append(
                    .init(key: key, event: event, count: Int(r[13].int32Value ?? 0)))
            } else {
                single[r[0].text, default: []].append(event)
            }
        }
        func log(_ name: String) -> AuditLog { AuditLog(single: single[name] ?? [], summaries: summaries[name] ?? []) }
        return (log("centre"), log("extraction"))
    }

    static let codes = Dictionary(uniqueKeysWithValues: AuditCode.all.map { ($0.code, $0) })

    static func event(_ r: [Value]) throws(StagingError) -> AuditEvent {
        guard let code = codes[r[2].text] else {
            throw StagingError("a staged audit event has the unknown code \(r[2].text)")
        }
        func s(_ v: Value) -> String? { v.isNull ? nil : v.text }
        return AuditEvent(
            code, centre: s(r[3]), file: s(r[4]), locator: s(r[5]), field: s(r[6]), target: s(r[7]),
            sourceValue: s(r[8]), targetValue: s(r[9]), rule: s(r[10]), count: r[11].int32Value.map(Int.init),
            message: r[12].text)
    }
}
