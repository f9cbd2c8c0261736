import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The fitted Fellegi–Sunter model: m and u per level of every comparison, the prior λ, and how
/// the estimation went. Match probability of a pair = λΠm / (λΠm + (1 − λ)Πu) over its
/// non-missing comparisons; a comparison's weight = log2(m / u) of its level.
///
/// m comes from EM over the compared pairs. u and λ used for scoring are those of all pairs of
/// records of different centres: u counted exactly per level, λ = the matches EM expects among
/// the compared pairs divided by all cross-centre pairs. Blocking selects pairs that are close
/// on its fields, so u among compared pairs (kept as `uAmongCompared`) overstates how often
/// non-matches agree, and would understate every agreement's weight.
package struct LinkModel: Sendable, Equatable {
    /// One comparison's fitted probabilities.
    package struct Comparison: Sendable, Equatable {
        /// The comparison as configured (field, tolerances, given m/u).
        package var spec: ComparisonSpec
        /// P(level | match), one per level, disagreement last.
        package var m: [Double]
        /// P(level | non-match) over all cross-centre pairs, as `m` (given, or counted exactly).
        package var u: [Double]
        /// P(level | non-match) among the compared pairs as EM estimated it (diagnostic; not used
        /// for scoring). Equal to `u` when m and u are given.
        package var uAmongCompared: [Double]
        /// How many candidate pairs had both values (so a level).
        package var observed: Int

        /// The weight of `level`: log2(m / u); 0 when missing (nil).
        package func weight(level: Int?) -> Double {
            guard let level else { return 0 }
            return LinkNumber.log2(m[level] / u[level])
        }
    }

    /// One per comparison of the settings, in their order.
    package var comparisons: [Comparison]
    /// The prior: the share of all cross-centre pairs that are matches (scoring uses it).
    package var lambda: Double
    /// The share of compared pairs that are matches (EM's λ, or the settings' `prior`).
    package var lambdaAmongCompared: Double
    /// Pairs of records of different centres (λ's denominator).
    package var crossCentrePairs: Int
    /// Pairs compared (`lambdaAmongCompared`'s denominator).
    package var comparedPairs: Int
    /// True when λ was estimated (no `prior:` in the settings).
    package var lambdaEstimated: Bool
    /// True when m and u were given (`estimation: given`), false when estimated by EM.
    package var given: Bool
    /// EM iterations run (0 when nothing was estimated).
    package var iterations: Int
    /// True when the last iteration changed no parameter by more than the tolerance.
    package var converged: Bool
    /// Comparisons whose m of the first level (exact agreement) ended below its u: the estimated
    /// "match" class does not behave like matches on that field.
    package var degenerateFields: [LinkageField]
    /// Sentences for the audit and the console: degeneracy, no convergence, an implausible λ.
    package var warnings: [String]

    /// log2(λ / (1 − λ)): where the waterfall starts.
    package var priorLog2Odds: Double { LinkNumber.log2(lambda / (1 - lambda)) }

    /// The match probability of a pair with `levels` (nil = missing, left out).
    package func probability(levels: [Int?]) -> Double {
        var pm = lambda
        var pu = 1 - lambda
        for (c, level) in zip(comparisons, levels) {
            guard let level else { continue }
            pm *= c.m[level]
            pu *= c.u[level]
        }
        return pm / (pm + pu)
    }
}
