import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The `outcomes` row of a cluster: follow-up from the member with the latest last contact, a
/// death reported by any member wins (conflicting death dates: L4022), the earliest AML progression.
enum OutcomesSurvivorship {
    static let schema = CDM.outcomes
    static let aml = CDM.Outcomes.amlProgressionDate.index
    static let vital = CDM.Outcomes.vitalStatus.index
    static let death = CDM.Outcomes.deathDate.index
    static let last = CDM.Outcomes.lastContactDate.index

    static let followUpRule = "survivorship: follow-up from the latest last contact"
    static let deathRule = "survivorship: a death reported by any member wins"
    static let deathDateRule = "survivorship: death date of the highest-priority member reporting death"
    static let lastIsDeathRule = "survivorship: last contact is the death date"
    static let amlRule = "survivorship: earliest AML progression"

    /// The merged row and the record it takes its follow-up from; nil when no member has a row.
    static func merge(_ ranked: [RankedMember], audit: inout AuditLog) -> (row: [Value]?, origin: RecordOrigin?) {
        let reporting = ranked.filter { $0.patient.outcomes != nil }
        guard !reporting.isEmpty else { return (nil, nil) }
        var followUp = reporting[0]
        for m in reporting.dropFirst() where later(value(m, last), than: value(followUp, last)) { followUp = m }
        var row = followUp.patient.outcomes!
        var givers = [RankedMember](repeating: followUp, count: schema.columns.count)
        var rules = [String](repeating: followUpRule, count: schema.columns.count)
        mergeDeath(reporting, into: &row, givers: &givers, rules: &rules, audit: &audit)
        mergeAML(reporting, into: &row, givers: &givers, rules: &rules, audit: &audit)
        recordFills(ranked[0], row, givers, rules, audit: &audit)
        return (row, followUp.patient.outcomesOrigin)
    }

    /// A death reported by any member: vital_status dead, the death date of the highest-ranked
    /// member with one (another date is L4022), and that date as last contact.
    private static func mergeDeath(
        _ reporting: [RankedMember], into row: inout [Value], givers: inout [RankedMember],
        rules: inout [String], audit: inout AuditLog
    ) {
        let dying = reporting.filter(reportsDeath)
        guard let first = dying.first else { return }
        row[vital] = .string("dead")
        (givers[vital], rules[vital]) = (first, deathRule)
        let dated = dying.filter { !value($0, death).isNull }
        row[death] = dated.first.map { value($0, death) } ?? .null
        (givers[death], rules[death]) = (dated.first ?? first, deathDateRule)
        guard let giver = dated.first else { return }
        row[last] = row[death]
        (givers[last], rules[last]) = (giver, lastIsDeathRule)
        for m in dated.dropFirst() where value(m, death) != row[death] {
            audit.record(deathConflict(m, giver, row[death]))
        }
    }

    /// aml_progression_date: the earliest any member reports (ties: the higher-ranked member);
    /// a later date of another member is L4021.
    private static func mergeAML(
        _ reporting: [RankedMember], into row: inout [Value], givers: inout [RankedMember],
        rules: inout [String], audit: inout AuditLog
    ) {
        let dated = reporting.filter { !value($0, aml).isNull }
        var earliest = dated.first
        for m in dated.dropFirst() where later(value(earliest!, aml), than: value(m, aml)) { earliest = m }
        row[aml] = earliest.map { value($0, aml) } ?? .null
        guard let earliest else { return }
        (givers[aml], rules[aml]) = (earliest, amlRule)
        for m in dated where value(m, aml) != row[aml] {
            audit.record(
                m.event(
                    .valuesConflicting, table: schema.name, column: aml, sourceValue: value(m, aml),
                    targetValue: row[aml], rule: amlRule,
                    message: "\(m.label) reports AML progression on "
                        + "\(value(m, aml).text), \(earliest.label) on \(row[aml].text); the earliest is kept"))
        }
    }

    /// L4020 for every value that came from a member other than the survivor and differs from the survivor's.
    private static func recordFills(
        _ survivor: RankedMember, _ row: [Value], _ givers: [RankedMember],
        _ rules: [String], audit: inout AuditLog
    ) {
        for c in [aml, vital, death, last] where !row[c].isNull && givers[c].index != survivor.index {
            let own = value(survivor, c)
            guard own.isNull || !survivorshipAgrees(own, row[c]) else { continue }
            let m = givers[c]
            let before = own.isNull ? "did not send it" : "sent \(own.text)"
            audit.record(
                m.event(
                    .valueFilled, table: schema.name, column: c, sourceValue: row[c], targetValue: row[c],
                    rule: rules[c],
                    message: "outcomes.\(schema.columns[c].name) = \(row[c].text) comes from \(m.label) "
                        + "(\(rules[c].dropFirst("survivorship: ".count))); \(survivor.label) (the survivor) \(before)")
            )
        }
    }

    private static func deathConflict(_ m: RankedMember, _ giver: RankedMember, _ chosen: Value) -> AuditEvent {
        m.event(
            .deathDatesConflicting, table: schema.name, column: death, sourceValue: value(m, death),
            targetValue: chosen, rule: deathDateRule,
            message: "\(m.label) reports death on \(value(m, death).text), "
                + "\(giver.label) on \(chosen.text); \(giver.label)'s date is kept "
                + "(highest-priority member reporting death)")
    }

    /// vital_status dead, or a death date.
    static func reportsDeath(_ m: RankedMember) -> Bool {
        value(m, vital) == .string("dead") || !value(m, death).isNull
    }

    static func value(_ m: RankedMember, _ column: Int) -> Value { m.patient.outcomes?[column] ?? .null }

    /// True when date `a` is after `b` (a null date is before every date).
    static func later(_ a: Value, than b: Value) -> Bool {
        guard let x = a.dateValue else { return false }
        guard let y = b.dateValue else { return true }
        return x > y
    }
}
