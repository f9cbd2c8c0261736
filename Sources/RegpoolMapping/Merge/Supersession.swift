import RegpoolModel

/// A value or row of a patient as one record gave it: the record, where it came from, and its
/// place in the recency order.
struct Contribution {
    /// The record's lineage index.
    let record: Int
    let origin: RecordOrigin
    let order: RecordOrder
    /// The `updated:` field of the record's source, if it declares one.
    let updatedField: String?

    /// The contribution of lineage entry `record`.
    init(record: Int, origin: RecordOrigin, drafts: [RecordDraft]) {
        self.record = record
        self.origin = origin
        order = drafts[record].order
        updatedField = drafts[record].updatedField
    }
}

/// One record's value or row lost to another record's (T3007 ValueSuperseded). The event is
/// placed at the winning record and names the losing one, so two records of a patient give the
/// same event whichever of them arrives first.
struct Supersession {
    let centre: String
    let patient: String
    let winner: Contribution
    let loser: Contribution

    /// The merge rule that decided (`most recent by updated: FIELD` or `last in file order`).
    var rule: String { RecencyRule.deciding(winner: winner.order, field: winner.updatedField, loser: loser.order) }

    /// A value of a `patients` or `outcomes` column: `lost` (the loser's) gave way to `kept`.
    func valueEvent(target: String, kept: Value, lost: Value) -> AuditEvent {
        AuditEvent(
            .valueSuperseded, centre: centre, file: winner.origin.file, locator: winner.origin.locator,
            target: target, sourceValue: lost.text, targetValue: kept.text, rule: rule,
            message: "\(target) of patient \(patient): \"\(lost.text)\" from \(place(loser)) replaced by "
                + "\"\(kept.text)\" from \(place(winner)) (\(rule))")
    }

    /// A child row: the loser's row with natural key `key` (`course_number=1`) gave way to the winner's.
    func rowEvent(table: String, key: String) -> AuditEvent {
        AuditEvent(
            .valueSuperseded, centre: centre, file: winner.origin.file, locator: winner.origin.locator,
            target: table, sourceValue: key, rule: rule,
            message: "\(table) row \(key) of patient \(patient) from \(place(loser)) replaced by the row of "
                + "\(place(winner)) (\(rule))")
    }

    /// `file locator`, with the update date when either record is dated.
    private func place(_ c: Contribution) -> String {
        let dated = winner.order.updated != nil || loser.order.updated != nil
        let base = "\(c.origin.file) \(c.origin.locator)"
        return dated ? "\(base) (\(RecencyRule.describe(c.order)))" : base
    }
}
