import RegpoolCohort
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolModel

/// The JSON objects `regpool inspect` prints, one per line, keys in a fixed order.
enum InspectionLine {
    /// A record as read: where it is and its fields in source order (absent fields left out).
    static func record(_ r: SourceRecord) -> [(String, JSONValue?)] {
        [
            ("file", .string(r.file)), ("locator", .string(r.locator)), ("line", .int(r.line)),
            ("sha256", .string(r.sha256)), ("fields", fields(r)),
        ]
    }

    /// A record the extractor could not read, and why.
    static func rejected(_ r: RejectedRecord) -> [(String, JSONValue?)] {
        [
            ("file", .string(r.file)), ("locator", .string(r.locator)), ("line", .int(r.line)),
            ("rejected", .string(r.reason)),
        ]
    }

    /// A record with what the mapping makes of it: patient key, CDM rows and the record's audit events.
    static func mapped(_ r: SourceRecord, _ preview: RecordPreview) -> [(String, JSONValue?)] {
        let base = record(r)
        return Array(base.dropLast()) + [
            ("patient_key", preview.patientKey.map { .string($0) }), base[base.count - 1],
            ("cdm", cdm(preview.rows)), ("issues", .array(preview.issues.map(issue))),
        ]
    }

    /// The field name → text object; a repeated header name is shown as `NAME (column N)`.
    static func fields(_ r: SourceRecord) -> JSONValue {
        var seen: Set<String> = []
        var pairs: [(String, JSONValue?)] = []
        for (i, name) in r.names.names.enumerated() {
            let key = seen.insert(name).inserted ? name : "\(name) (column \(i + 1))"
            if let text = r.string(at: i) { pairs.append((key, .string(text))) }
        }
        return .object(pairs)
    }

    /// `{table: [{column: cell}]}`, tables in the order the rows came.
    static func cdm(_ rows: [PreviewRow]) -> JSONValue {
        var tables: [String] = []
        var byTable: [String: [JSONValue]] = [:]
        for row in rows {
            if byTable[row.table] == nil { tables.append(row.table) }
            byTable[row.table, default: []].append(.object(row.cells.map { ($0.column, cell($0)) }))
        }
        return .object(tables.map { ($0, .array(byTable[$0] ?? [])) })
    }

    /// One cell: the value, and the source text, field and rule it came from (or `derived`).
    static func cell(_ c: PreviewCell) -> JSONValue {
        var pairs: [(String, JSONValue?)] = [("value", value(c.value))]
        if let s = c.sourceText { pairs.append(("source", .string(s))) }
        if let f = c.field { pairs.append(("field", .string(f))) }
        if let r = c.rule { pairs.append(("rule", .string(r))) } else { pairs.append(("derived", .bool(true))) }
        return .object(pairs)
    }

    /// An audit event as in audit.jsonl, without the keys the record line already gives.
    static func issue(_ e: AuditEvent) -> JSONValue {
        let dropped: Set<String> = ["stage", "centre", "file", "locator"]
        return .object(AuditJSONL.fields(of: e).filter { !dropped.contains($0.0) && $0.1 != nil })
    }

    /// A CDM value as JSON (dates as ISO text).
    static func value(_ v: Value) -> JSONValue { JSONValue(v) }

    /// The text of one line.
    static func text(_ pairs: [(String, JSONValue?)]) -> String {
        JSONValue.object(pairs).text
    }
}
