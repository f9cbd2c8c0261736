import RegpoolConfig

/// Why two records are, or are not, one patient: the Fellegi–Sunter waterfall (prior, then every
/// comparison's level, m, u, weight and running total, then the match probability) and what
/// decided the pair. `text` renders it for a terminal.
public struct LinkExplanation: Sendable, Equatable {
    /// Where a probability falls among the thresholds.
    public enum Zone: String, Sendable, Equatable {
        case link, review, separate
    }

    /// What decided the pair (the first that applies, in this order).
    public enum Decision: Sendable, Equatable {
        /// Two local patients of one centre are never linked.
        case sameCentre
        /// A `force_separate` line (`file:line`) keeps them apart.
        case forceSeparate(location: String)
        /// A `force_link` line (`file:line`) joins them.
        case forceLink(location: String)
        /// A deterministic rule joins them.
        case deterministic(rule: String)
        /// Blocking made them a candidate pair; the score's zone decided.
        case scored(Zone)
        /// No blocking pass made them a candidate pair, so they were never scored.
        case notCompared
        /// The settings have no probabilistic section and no rule or override names the pair.
        case noRule
    }

    /// One comparison of the waterfall.
    public struct Step: Sendable, Equatable {
        /// Values, level, m, u and weight.
        public var comparison: ComparisonDetail
        /// Prior log2 odds plus the weights so far, this one included.
        public var total: Double
    }

    /// The first record asked about.
    public var a: PatientReference
    /// The second record asked about.
    public var b: PatientReference
    /// λ, nil without a probabilistic section.
    public var prior: Double?
    /// log2(λ / (1 − λ)).
    public var priorLog2Odds: Double?
    /// One step per comparison, in the settings' order.
    public var steps: [Step]
    /// The final log2 odds (prior plus every weight).
    public var totalLog2Odds: Double?
    /// The match probability, nil without a probabilistic section.
    public var probability: Double?
    /// The settings' link threshold.
    public var linkThreshold: Double?
    /// The settings' review threshold.
    public var reviewThreshold: Double?
    /// What decided the pair.
    public var decision: Decision
    /// The constraint that refused this pair's own link, when one did.
    public var refusal: String?
    /// True when the two records ended in one cluster (one pooled patient).
    public var sameCluster: Bool
    /// The edge that joined the two clusters when this pair's own edge did.
    public var joinedBy: LinkEdge?
}
