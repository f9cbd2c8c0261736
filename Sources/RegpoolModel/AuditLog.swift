/// Collects audit events during a build: single events as they come, and per-value decisions
/// (code maps, unit conversions) folded into one counted line per (centre, field, value, rule).
package struct AuditLog: Sendable {
    private var single: [AuditEvent] = []
    private var summaries: [AuditSummaryKey: (event: AuditEvent, count: Int)] = [:]
    /// Summaries a hot loop counts by an integer it already knows (a rule's map entry): no key is
    /// made or hashed per value. Always newer than `summaries`: they are settled into it before
    /// anything else is merged in.
    private var slots: [SlotTally?] = []

    /// One slot's summary line: its key, the first event and how many times it was counted.
    private struct SlotTally: Sendable {
        let key: AuditSummaryKey
        let event: AuditEvent
        var count: Int
    }

    package init() {}

    /// Records one event as its own line.
    package mutating func record(_ event: AuditEvent) {
        single.append(event)
    }

    /// Counts one occurrence of a per-value decision; file and locator of the first are kept.
    package mutating func count(_ event: AuditEvent) {
        count(AuditSummaryKey(event)) { event }
    }

    /// Counts one occurrence under `key`; `make` builds the event only for the first occurrence,
    /// so a hot loop pays for a hash look-up, not for a message.
    package mutating func count(_ key: AuditSummaryKey, _ make: () -> AuditEvent) {
        if let index = summaries.index(forKey: key) {
            summaries.values[index].count += 1
        } else {
            summaries[key] = (make(), 1)
        }
    }

    /// Counts one occurrence in integer `slot` (unique per decision within one log's writer);
    /// `make` gives the summary key and event of the first occurrence. Same lines as `count(_:_:)`.
    package mutating func count(slot: Int, _ make: () -> (key: AuditSummaryKey, event: AuditEvent)) {
        if slot < slots.count {
            if slots[slot] != nil {
                slots[slot]!.count += 1
                return
            }
        } else {
            slots.append(contentsOf: repeatElement(nil, count: slot + 1 - slots.count))
        }
        let (key, event) = make()
        slots[slot] = SlotTally(key: key, event: event, count: 1)
    }

    /// Appends every event of `other`.
    package mutating func merge(_ other: AuditLog) {
        settleSlots()
        single.append(contentsOf: other.single)
        Self.add(other.settledSummaries, to: &summaries)
    }

    /// Adds `entries` to `summaries`: counts add up, an existing first event stays.
    private static func add(
        _ entries: [AuditSummaryKey: (event: AuditEvent, count: Int)],
        to summaries: inout [AuditSummaryKey: (event: AuditEvent, count: Int)]
    ) {
        for (k, v) in entries {
            if let index = summaries.index(forKey: k) {
                summaries.values[index].count += v.count
            } else {
                summaries[k] = v
            }
        }
    }

    /// The summaries with the slot tallies folded in.
    private var settledSummaries: [AuditSummaryKey: (event: AuditEvent, count: Int)] {
        guard !slots.isEmpty else { return summaries }
        var out = summaries
        for case let tally? in slots {
            if let index = out.index(forKey: tally.key) {
                out.values[index].count += tally.count
            } else {
                out[tally.key] = (tally.event, tally.count)
            }
        }
        return out
    }

    /// Moves the slot tallies into `summaries` (before anything older-looking is merged in).
    private mutating func settleSlots() {
        guard !slots.isEmpty else { return }
        summaries = settledSummaries
        slots = []
    }

    /// All events in deterministic order, summaries carrying their counts.
    package func events() -> [AuditEvent] {
        var all = single
        for (_, v) in settledSummaries {
            var e = v.event
            e.count = v.count
            all.append(e)
        }
        return all.map { (AuditEvent.SortKey($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The single events, in the order recorded (for staging).
    var singleEvents: [AuditEvent] { single }

    /// The summaries, in no particular order (for staging).
    var summaryEntries: [(key: AuditSummaryKey, value: (event: AuditEvent, count: Int))] {
        settledSummaries.map { ($0.key, $0.value) }
    }

    /// Puts back a staged summary line.
    mutating func restore(_ summary: StagedSummary) {
        settleSlots()
        summaries[summary.key] = (summary.event, summary.count)
    }

    /// Number of events with `code` (summaries count once each).
    package func lines(with code: AuditCode) -> Int {
        single.filter { $0.code == code }.count + settledSummaries.keys.filter { $0.code == code.code }.count
    }
}

/// What makes two per-value decisions the same summary line (values compared as UTF-8 bytes).
package struct AuditSummaryKey: Hashable, Sendable {
    let code: String
    let centre: String?
    package let field: String?
    package let target: String?
    package let source: [UInt8]
    let targetValue: [UInt8]?
    let rule: String?

    package init(
        _ code: AuditCode, centre: String?, field: String?, target: String?, sourceValue: String?,
        targetValue: String?, rule: String?
    ) {
        self.code = code.code
        self.centre = centre
        self.field = field
        self.target = target
        self.source = Array((sourceValue ?? "").utf8)
        self.targetValue = targetValue.map { Array($0.utf8) }
        self.rule = rule
    }

    /// The key of a decision that depends only on the rule and the source bytes (a value map, a
    /// unit factor): no text is made for the look-up.
    package init(
        _ code: AuditCode, centre: String, field: String?, target: String, sourceBytes: ArraySlice<UInt8>,
        rule: String
    ) {
        self.code = code.code
        self.centre = centre
        self.field = field
        self.target = target
        self.source = Array(sourceBytes)
        self.targetValue = nil
        self.rule = rule
    }

    /// The key of an event.
    package init(_ e: AuditEvent) {
        self.init(
            e.code, centre: e.centre, field: e.field, target: e.target, sourceValue: e.sourceValue,
            targetValue: e.targetValue, rule: e.rule)
    }
}
