/// The log-rank test of k ≥ 2 groups (lifelines multivariate_logrank_test).
///
/// The statistic is Z′ V⁺ Z over the first k − 1 groups (in order of first appearance, as lifelines
/// orders them), where Z is observed minus expected events and V their hypergeometric covariance; V⁺
/// is the pseudo-inverse (numpy `pinv`'s cutoff), so a group without information does not break it.
/// Subjects whose time is not finite or is negative are skipped; `data` and `groups` are paired up to
/// the shorter of the two.
package struct LogRankTest: Sendable, Equatable {
    /// The chi-square statistic.
    package let statistic: Double
    /// Groups − 1.
    package let degreesOfFreedom: Int
    /// P(χ² with `degreesOfFreedom` ≥ `statistic`).
    package let pValue: Double

    /// nil when fewer than two groups have subjects.
    package init?(_ data: [SurvivalTime], groups: [String]) {
        let sample = GroupedSample(data, groups: groups)
        guard sample.groupCount >= 2 else { return nil }
        let (z, v) = sample.observedMinusExpected()
        let kept = sample.groupCount - 1
        let statistic = SymmetricEigen(Array(v.prefix(kept).map { Array($0.prefix(kept)) }))
            .pseudoInverseQuadraticForm(Array(z.prefix(kept)))
        self.statistic = statistic
        self.degreesOfFreedom = kept
        self.pValue = Distribution.chiSquareSurvival(statistic, degreesOfFreedom: kept)
    }
}
