import RealModule

/// The standard normal quantile: P. J. Acklam's rational approximation (relative error < 1.2e-9)
/// refined by one Halley step against erf/erfc, computed in the lower half and mirrored.
enum NormalQuantile {
    /// Φ⁻¹(p).
    static func value(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p > 0.5 { return -lowerHalf(1 - p) }  // 1 − p is exact for p in [0.5, 1]
        return lowerHalf(p)
    }

    /// Φ⁻¹(p) for 0 < p <= 0.5.
    private static func lowerHalf(_ p: Double) -> Double {
        let x = p < 0.02425 ? tail(p) : central(p)
        guard p >= Double.leastNormalMagnitude else { return x }  // subnormal p: erfc has no digits left to refine with
        // Φ(x) − p, with erf near the centre so the small difference keeps its digits.
        let error =
            p >= 0.25
            ? 0.5 * Double.erf(x / 2.0.squareRoot()) - (p - 0.5) : 0.5 * Double.erfc(-x / 2.0.squareRoot()) - p
        let u = error * (2 * Double.pi).squareRoot() * Double.exp(x * x / 2)
        return x - u / (1 + x * u / 2)
    }

    /// Acklam's central region, 0.02425 <= p <= 0.97575.
    private static func central(_ p: Double) -> Double {
        let q = p - 0.5
        let r = q * q
        let a = (
            -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00
        )
        let b = (
            -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01
        )
        let numerator = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
        let denominator = ((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1
        return numerator / denominator
    }

    /// Acklam's lower tail, p < 0.02425.
    private static func tail(_ p: Double) -> Double {
        let q = (-2 * Double.log(p)).squareRoot()
        let c = (
            -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00
        )
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
        let numerator = ((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5
        let denominator = (((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1
        return numerator / denominator
    }
}
