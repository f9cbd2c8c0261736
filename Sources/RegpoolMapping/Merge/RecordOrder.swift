import RegpoolModel

/// A record's place in its centre's recency order: by update date (`updated:`; a record without a
/// readable date comes before every dated one), then by arrival (file-name order, then position in
/// the file). Packed in one Int64 so that each merged value can carry its record's order cheaply.
struct RecordOrder: Sendable, Comparable, Hashable {
    let raw: Int64

    /// The order of a record updated on `updated` (days since 1970-01-01; nil = undated) that
    /// arrived as the centre's `arrival`-th record (its lineage index).
    init(updated: Int32?, arrival: Int) {
        let high = Int64(updated ?? Int32.min)
        raw = (high << 32) | Int64(UInt32(truncatingIfNeeded: arrival))
    }

    /// The update date in days since 1970-01-01, or nil for an undated record.
    var updated: Int32? {
        let high = Int32(truncatingIfNeeded: raw >> 32)
        return high == Int32.min ? nil : high
    }

    /// The update date as `yyyy-MM-dd`, or nil.
    var updatedText: String? { updated.map { CivilDate(days: $0).iso } }

    static func < (a: RecordOrder, b: RecordOrder) -> Bool { a.raw < b.raw }
}

/// The within-centre merge rule that made one record win over another, as the audit names it.
enum RecencyRule {
    static let fileOrder = "last in file order"

    /// `most recent by updated: FIELD` when the winner is dated and strictly newer than the loser
    /// (an undated loser counts as older); else `last in file order`.
    static func deciding(winner: RecordOrder, field: String?, loser: RecordOrder?) -> String {
        guard let date = winner.updated, let field else { return fileOrder }
        if let other = loser?.updated, other >= date { return fileOrder }
        return "most recent by updated: \(field)"
    }

    /// `updated 2024-05-01` or `undated`, for messages.
    static func describe(_ order: RecordOrder) -> String {
        order.updatedText.map { "updated \($0)" } ?? "undated"
    }
}
