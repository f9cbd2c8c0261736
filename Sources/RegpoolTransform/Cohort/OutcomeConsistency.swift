import RegpoolModel

/// The CDM's consistency rules for one merged `outcomes` row.
enum OutcomeConsistency {
    /// Applies the rules and the required-column check; nil when the row must be dropped (T3006).
    ///
    /// - alive with a death date: the death date is dropped (T3008);
    /// - dead without a death date: kept, audited (T3008);
    /// - dead with a death date: `last_contact_date` is the death date (T3008 when a different one was sent).
    static func apply(_ row: [Value], centre: String, origin: RecordOrigin?, audit: inout AuditLog) -> [Value]? {
        let s = CDM.outcomes
        guard let vital = s.index(of: "vital_status"), let death = s.index(of: "death_date"),
            let last = s.index(of: "last_contact_date") else { return row }
        var row = row
        func event(_ column: String, _ source: Value, _ target: Value, _ message: String) {
            audit.record(AuditEvent(.valueInconsistent, centre: centre, file: origin?.file, locator: origin?.locator,
                target: "outcomes.\(column)", sourceValue: source.text, targetValue: target.text, message: message))
        }
        switch row[vital].stringValue {
        case "alive"? where !row[death].isNull:
            event("death_date", row[death], .null, "vital_status is alive but a death_date \(row[death].text) was sent; the death date is dropped")
            row[death] = .null
        case "dead"? where row[death].isNull:
            event("death_date", .null, .null, "vital_status is dead but no death_date was sent; it stays unknown")
        case "dead"?:
            if !row[last].isNull, !Value.sameBytes(row[last], row[death]) {
                event("last_contact_date", row[last], row[death],
                      "for the dead the last contact is the death date; \(row[last].text) replaced by \(row[death].text)")
            }
            row[last] = row[death]
        default:
            break
        }
        return requiredPresent(row, centre: centre, origin: origin, audit: &audit) ? row : nil
    }

    /// True when vital_status and last_contact_date are known; else one T3006.
    private static func requiredPresent(_ row: [Value], centre: String, origin: RecordOrigin?,
                                        audit: inout AuditLog) -> Bool {
        let missing = CDM.outcomes.columns.enumerated()
            .filter { i, c in c.required && c.name != "pooled_id" && row[i].isNull }.map(\.element.name)
        guard let first = missing.first else { return true }
        audit.record(AuditEvent(.rowDropped, centre: centre, file: origin?.file, locator: origin?.locator,
            target: "outcomes.\(first)",
            message: "the merged outcomes row lacks the required column(s) \(missing.joined(separator: ", ")) "
                + "and is left out. To fix: send them in the centre's export and map them"))
        return false
    }
}
