/// An audit log taken apart and put back together, for per-centre staged results (a later run
/// reuses a centre's log without mapping its exports again).
extension AuditLog {
    /// One counted summary line: its key, its first event and how many decisions it stands for.
    package struct StagedSummary: Sendable {
        package let key: AuditSummaryKey
        package let event: AuditEvent
        package let count: Int

        package init(key: AuditSummaryKey, event: AuditEvent, count: Int) {
            self.key = key
            self.event = event
            self.count = count
        }
    }

    /// The single events in the order they were recorded, and the summaries in event order.
    package var staged: (single: [AuditEvent], summaries: [StagedSummary]) {
        let summaries = summaryEntries.map { StagedSummary(key: $0.key, event: $0.value.event, count: $0.value.count) }
            .sorted { AuditEvent.SortKey($0.event) < AuditEvent.SortKey($1.event) }
        return (singleEvents, summaries)
    }

    /// The log the staged parts came from.
    package init(single: [AuditEvent], summaries: [StagedSummary]) {
        self.init()
        for event in single { record(event) }
        for summary in summaries { restore(summary) }
    }
}

extension AuditSummaryKey {
    /// The key's parts, for storing it.
    package var parts:
        (
            code: String, centre: String?, field: String?, target: String?, source: [UInt8],
            targetValue: [UInt8]?, rule: String?
        )
    {
        (code, centre, field, target, source, targetValue, rule)
    }

    /// A key from its stored parts.
    package init(
        code: String, centre: String?, field: String?, target: String?, source: [UInt8], targetValue: [UInt8]?,
        rule: String?
    ) {
        self.code = code
        self.centre = centre
        self.field = field
        self.target = target
        self.source = source
        self.targetValue = targetValue
        self.rule = rule
    }
}
