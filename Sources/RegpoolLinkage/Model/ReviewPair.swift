import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// A scored pair left separate for a person to decide (review file).
package struct ReviewPair: Sendable, Equatable {
    /// Record indexes, `a < b`.
    package var a: Int
    /// The second record, `b > a`.
    package var b: Int
    /// The records' references, `left` = record `a`.
    package var left: PatientReference
    /// Record `b`'s reference.
    package var right: PatientReference
    /// The pair's match probability.
    package var probability: Double
    /// Every comparison, in the settings' order.
    package var comparisons: [ComparisonDetail]
}

/// One comparison of one pair: both values, the level, its m, u and weight.
package struct ComparisonDetail: Sendable, Equatable {
    /// The compared field.
    package var field: LinkageField
    /// The first record's value as text (nil = missing).
    package var left: String?
    /// The second record's value as text (nil = missing).
    package var right: String?
    /// The level index, nil when a value is missing.
    package var level: Int?
    /// `same day`, `≤ 7 days`, `agree`, `disagree`, `missing`.
    package var label: String
    /// m of the level (nil when missing).
    package var m: Double?
    /// u of the level (nil when missing).
    package var u: Double?
    /// log2(m / u); 0 when missing.
    package var weight: Double
}
