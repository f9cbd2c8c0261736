import RegpoolConfig
import RegpoolModel

/// The outcomes rules: V7001–V7003 (vital status against the death date) and V7014 (required columns).
extension ValidationRun {
    /// V7001 alive with a death date; V7002 dead with another last contact date; V7003 dead
    /// without a death date. For the dead, a missing last_contact_date is the death date (the CDM's
    /// definition, no event).
    mutating func outcomeConsistency() {
        let o = Tables.outcomes
        let c = Columns.self
        guard let vital = patient.value(table: o, row: 0, column: c.vitalStatus)?.stringValue else { return }
        let death = date(o, 0, c.deathDate)
        if vital == "alive", let death {
            apply(
                Finding(
                    code: .deathDateWhileAlive, table: o, row: 0, column: c.deathDate,
                    detail: "vital_status is alive but a death_date \(death.iso) was sent"))
            return
        }
        guard vital == "dead" else { return }
        guard let death else {
            apply(
                Finding(
                    code: .deathDateMissing, table: o, row: 0, column: c.deathDate,
                    detail: "vital_status is dead but no death_date was sent"))
            return
        }
        let origin = patient.origin(table: o, row: 0, column: c.deathDate)
        if let last = date(o, 0, c.lastContact), last != death {
            apply(
                Finding(
                    code: .lastContactNotDeath, table: o, row: 0, column: c.lastContact,
                    detail: "for the dead the last contact is the death date, but last_contact_date \(last.iso) "
                        + "differs from death_date \(death.iso)", replacement: .date(death), replacementOrigin: origin))
        }
        if patient.outcomes != nil, date(o, 0, c.lastContact) == nil {
            patient.setValue(.date(death), table: o, row: 0, column: c.lastContact, origin: origin)
        }
    }

    /// V7014: an outcomes row without vital_status or last_contact_date is left out.
    mutating func outcomesComplete() {
        let o = Tables.outcomes
        guard let row = patient.outcomes else { return }
        let missing = CDM.outcomes.columns.enumerated()
            .filter { i, column in column.required && column.name != "pooled_id" && row[i].isNull }
        guard let first = missing.first else { return }
        let names = missing.map(\.element.name).joined(separator: ", ")
        apply(
            Finding(
                code: .outcomesIncomplete, table: o, row: 0, column: first.offset,
                detail: "the merged outcomes row lacks the required column(s) \(names)"))
    }
}
