import RegpoolConfig

/// A scored pair left separate for a person to decide (review file).
public struct ReviewPair: Sendable, Equatable {
    /// Record indexes, `a < b`.
    public var a: Int
    /// The second record, `b > a`.
    public var b: Int
    /// The records' references, `left` = record `a`.
    public var left: PatientReference
    /// Record `b`'s reference.
    public var right: PatientReference
    /// The pair's match probability.
    public var probability: Double
    /// Every comparison, in the settings' order.
    public var comparisons: [ComparisonDetail]
}

/// One comparison of one pair: both values, the level, its m, u and weight.
public struct ComparisonDetail: Sendable, Equatable {
    /// The compared field.
    public var field: LinkageField
    /// The first record's value as text (nil = missing).
    public var left: String?
    /// The second record's value as text (nil = missing).
    public var right: String?
    /// The level index, nil when a value is missing.
    public var level: Int?
    /// `same day`, `≤ 7 days`, `agree`, `disagree`, `missing`.
    public var label: String
    /// m of the level (nil when missing).
    public var m: Double?
    /// u of the level (nil when missing).
    public var u: Double?
    /// log2(m / u); 0 when missing.
    public var weight: Double
}
