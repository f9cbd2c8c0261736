/// Collects audit events during a build: single events as they come, and per-value decisions
/// (code maps, unit conversions) folded into one counted line per (centre, field, value, rule).
public struct AuditLog: Sendable {
    private var single: [AuditEvent] = []
    private var summaries: [SummaryKey: (event: AuditEvent, count: Int)] = [:]

    public init() {}

    private struct SummaryKey: Hashable {
        let code: String
        let centre: String?
        let field: String?
        let target: String?
        let source: [UInt8]
        let targetValue: String?
        let rule: String?
    }

    /// Records one event as its own line.
    public mutating func record(_ event: AuditEvent) {
        single.append(event)
    }

    /// Counts one occurrence of a per-value decision; file and locator of the first are kept.
    public mutating func count(_ event: AuditEvent) {
        let key = SummaryKey(
            code: event.code.code, centre: event.centre, field: event.field, target: event.target,
            source: Array((event.sourceValue ?? "").utf8), targetValue: event.targetValue, rule: event.rule)
        if let existing = summaries[key] {
            summaries[key] = (existing.event, existing.count + 1)
        } else {
            summaries[key] = (event, 1)
        }
    }

    /// Appends every event of `other`.
    public mutating func merge(_ other: AuditLog) {
        single.append(contentsOf: other.single)
        for (k, v) in other.summaries {
            if let existing = summaries[k] {
                summaries[k] = (existing.event, existing.count + v.count)
            } else {
                summaries[k] = v
            }
        }
    }

    /// All events in deterministic order, summaries carrying their counts.
    public func events() -> [AuditEvent] {
        var all = single
        for (_, v) in summaries {
            var e = v.event
            e.count = v.count
            all.append(e)
        }
        return all.sorted(by: AuditEvent.precedes)
    }

    /// Number of events with `code` (summaries count once each).
    public func lines(with code: AuditCode) -> Int {
        single.filter { $0.code == code }.count + summaries.keys.filter { $0.code == code.code }.count
    }
}
