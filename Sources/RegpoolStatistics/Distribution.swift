/// Distribution functions.
package enum Distribution {
    /// P(X > x) for X chi-square with `degreesOfFreedom` (= scipy `chi2.sf`): 1 for x <= 0, NaN for NaN x or df < 1.
    package static func chiSquareSurvival(_ x: Double, degreesOfFreedom: Int) -> Double {
        guard degreesOfFreedom >= 1, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return IncompleteGamma.upperRegularized(Double(degreesOfFreedom) / 2, x / 2)
    }

    /// The standard normal quantile (= scipy `norm.ppf`): −∞ at 0, +∞ at 1, NaN outside [0, 1].
    package static func normalQuantile(_ p: Double) -> Double {
        NormalQuantile.value(p)
    }
}
