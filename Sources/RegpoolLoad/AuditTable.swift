import RegpoolModel

/// The audit events as a table (`audit.parquet`), row for row the lines of audit.jsonl, so an
/// auditor can query them with DuckDB: `seq` is the event's line number in audit.jsonl.
package enum AuditTable {
    /// The table's columns: `seq`, then the keys of audit.jsonl in their order.
    package static let schema = TableSchema(
        name: "audit", meaning: "every audit event of the build, one row per line of audit.jsonl", naturalKey: [],
        columns: [
            ColumnSchema("seq", .int32, required: true, "the event's line number in audit.jsonl (1 = first line)"),
            ColumnSchema("code", .string, required: true, "stable event code, e.g. T3001"),
            ColumnSchema("event", .string, required: true, "event name, <Noun><Verb>"),
            ColumnSchema("stage", .enumeration(Stage.allCases.map(\.rawValue)), required: true, "pipeline stage"),
            ColumnSchema("centre", .string, "centre id"),
            ColumnSchema("file", .string, "export file, relative to the centre's inbox"),
            ColumnSchema("locator", .string, "line N (CSV) or XPath-like path (XML)"),
            ColumnSchema("field", .string, "source field"),
            ColumnSchema("target", .string, "CDM table.column"),
            ColumnSchema("source_value", .string, "the value as sent"),
            ColumnSchema("target_value", .string, "what regpool made of it"),
            ColumnSchema("rule", .string, "mapping file:line and table.column, or the rule code and action"),
            ColumnSchema("count", .int32, "for summary events: how many values the event stands for"),
            ColumnSchema("message", .string, required: true, "a sentence for people"),
        ])

    /// The events (in audit.jsonl order) as rows.
    package static func table(_ events: [AuditEvent]) -> TableData {
        func s(_ v: String?) -> Value { v.map(Value.string) ?? .null }
        let rows: [[Value]] = events.enumerated().map { index, e in
            [
                .int32(Int32(clamping: index + 1)), .string(e.code.code), .string(e.code.event),
                .string(e.code.stage.rawValue), s(e.centre), s(e.file), s(e.locator), s(e.field), s(e.target),
                s(e.sourceValue), s(e.targetValue), s(e.rule), e.count.map { .int32(Int32(clamping: $0)) } ?? .null,
                .string(e.message),
            ]
        }
        return TableData(schema: schema, rows: rows)
    }
}
