import RegpoolModel

/// One line of an audit.html section: events that share a code and what decided them, counted.
struct AuditLines {
    let code: AuditCode
    package let field: String
    package let target: String
    let sourceValue: String
    let targetValue: String
    let rule: String
    /// Values the line stands for: the sum of the events' `count`, one for an event without.
    var values: Int
    var seqs: [Int]

    /// Groups events (in audit order) by code and rule — and, for mapping decisions, field,
    /// target and values — keeping the order of each line's first event.
    static func group(_ events: [(seq: Int, event: AuditEvent)], byValue: Bool) -> [AuditLines] {
        var order: [[String]] = []
        var lines: [[String]: AuditLines] = [:]
        for (seq, e) in events {
            let key =
                byValue
                ? [e.code.code, e.field, e.target, e.sourceValue, e.targetValue, e.rule].map { $0 ?? "\u{0}" }
                : [e.code.code, e.target ?? "", e.rule ?? ""]
            if lines[key] == nil {
                order.append(key)
                lines[key] = AuditLines(
                    code: e.code, field: byValue ? e.field ?? "" : "", target: e.target ?? "",
                    sourceValue: byValue ? e.sourceValue ?? "" : "", targetValue: byValue ? e.targetValue ?? "" : "",
                    rule: e.rule ?? "", values: 0, seqs: [])
            }
            lines[key]!.values += e.count ?? 1
            lines[key]!.seqs.append(seq)
        }
        return order.map { lines[$0]! }
    }

    var dictionary: [String: Any] {
        let shown = seqs.prefix(AuditReport.linksPerLine).map { ["seq": $0] }
        let more = seqs.count - shown.count
        return [
            "code": code.code, "event": code.event, "field": field, "target": target, "source_value": sourceValue,
            "target_value": targetValue, "rule": rule, "values": values, "events": seqs.count, "links": shown,
            "more": more > 0 ? "… and \(more) more (audit.jsonl / audit.parquet: code \(code.code))" : "",
        ]
    }
}
