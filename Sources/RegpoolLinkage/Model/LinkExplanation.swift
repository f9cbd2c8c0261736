import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Why two records are, or are not, one patient: the Fellegi–Sunter waterfall (prior, then every
/// comparison's level, m, u, weight and running total, then the match probability) and what
/// decided the pair. `text` renders it for a terminal.
package struct LinkExplanation: Sendable, Equatable {
    /// Where a probability falls among the thresholds.
    package enum Zone: String, Sendable, Equatable {
        case link, review, separate
    }

    /// What decided the pair (the first that applies, in this order).
    package enum Decision: Sendable, Equatable {
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
    package struct Step: Sendable, Equatable {
        /// Values, level, m, u and weight.
        package var comparison: ComparisonDetail
        /// Prior log2 odds plus the weights so far, this one included.
        package var total: Double
    }

    /// The first record asked about.
    package var a: PatientReference
    /// The second record asked about.
    package var b: PatientReference
    /// λ, nil without a probabilistic section.
    package var prior: Double?
    /// log2(λ / (1 − λ)).
    package var priorLog2Odds: Double?
    /// One step per comparison, in the settings' order.
    package var steps: [Step]
    /// The final log2 odds (prior plus every weight).
    package var totalLog2Odds: Double?
    /// The match probability, nil without a probabilistic section.
    package var probability: Double?
    /// The settings' link threshold.
    package var linkThreshold: Double?
    /// The settings' review threshold.
    package var reviewThreshold: Double?
    /// What decided the pair.
    package var decision: Decision
    /// The constraint that refused this pair's own link, when one did.
    package var refusal: String?
    /// True when the two records ended in one cluster (one pooled patient).
    package var sameCluster: Bool
    /// The edge that joined the two clusters when this pair's own edge did.
    package var joinedBy: LinkEdge?
}
