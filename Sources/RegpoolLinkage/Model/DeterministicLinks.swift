import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Deterministic rules as hash joins: each record of the left side (its centre, when the rule
/// names one) whose `left` key equals the `right` key of a record of the right side is linked to
/// it. A left value that no other record carries on the right is `L4008`. A pair found by several
/// rules keeps the first rule's edge.
enum DeterministicLinks {
    /// The edges (rule order, then pair order) and the `L4008` events.
    static func find(_ rules: [DeterministicRule], records: [LinkRecord]) -> (edges: [LinkEdge], events: [AuditEvent]) {
        var edges = [LinkEdge]()
        var events = [AuditEvent]()
        var seen = Set<CandidatePairs.Code>()
        for rule in rules {
            let right = index(rule.right, records)
            var ruleEdges = [LinkEdge]()
            for (i, record) in records.enumerated() {
                guard rule.left.covers(record), let value = record.key(rule.left.key) else { continue }
                let partners = (right[value] ?? []).filter { $0 != i }
                if partners.isEmpty { events.append(unmatched(rule, record, value)) }
                for j in partners where seen.insert(CandidatePairs.code(i, j)).inserted {
                    ruleEdges.append(LinkEdge(kind: .deterministic(rule: rule.name), i, j, probability: 1))
                }
            }
            edges += ruleEdges.sorted { $0.pair < $1.pair }
        }
        return (edges, events)
    }

    /// Records of the side's centre by their value of the side's key (indexes ascending).
    static func index(_ side: LinkKeyReference, _ records: [LinkRecord]) -> [String: [Int]] {
        var index = [String: [Int]]()
        for (i, record) in records.enumerated() where side.covers(record) {
            if let value = record.key(side.key) { index[value, default: []].append(i) }
        }
        return index
    }

    /// `L4008` for a left value no right record carries.
    static func unmatched(_ rule: DeterministicRule, _ record: LinkRecord, _ value: String) -> AuditEvent {
        let side = rule.right.centre.map { "no record of \($0)" } ?? "no other record"
        return AuditEvent(
            .citationUnmatched, centre: record.reference.centre, locator: "local_id=\(record.reference.localID)",
            field: rule.left.key, sourceValue: value, rule: "deterministic \(rule.name)",
            message:
                "\(record.reference.description) has \(rule.left.key) '\(value)', but \(side) carries it as \(rule.right.key); check the cited id in the export, or the rule's centres and keys"
        )
    }
}

extension LinkKeyReference {
    /// True when the record is of this side's centre (any centre when none is named).
    func covers(_ record: LinkRecord) -> Bool {
        centre == nil || centre == record.reference.centre
    }
}
