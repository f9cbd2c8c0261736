import RealModule

/// The regularized incomplete gamma functions, by the power series for P below x = a + 1 and
/// by the continued fraction for Q above (modified Lentz), so the smaller one is always computed directly.
enum IncompleteGamma {
    /// Q(a, x) = Γ(a, x) / Γ(a) for a > 0, x >= 0.
    static func upperRegularized(_ a: Double, _ x: Double) -> Double {
        if x <= 0 { return 1 }
        if x == .infinity { return 0 }
        return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x)
    }

    /// e^{−x} x^a / Γ(a), in logs so that large arguments do not overflow.
    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        Double.exp(a * Double.log(x) - x - Double.logGamma(a))
    }

    /// P(a, x) = prefactor/a · Σₙ xⁿ / ((a+1)…(a+n)).
    private static func series(_ a: Double, _ x: Double) -> Double {
        var denominator = a
        var term = 1 / a
        var sum = term
        for _ in 0..<10_000 {
            denominator += 1
            term *= x / denominator
            sum += term
            if term.magnitude < sum.magnitude * 1e-17 { break }
        }
        return sum * prefactor(a, x)
    }

    /// Q(a, x) = prefactor · 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/(x+5−a− …))).
    private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var fraction = d
        for i in 1..<10_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if d.magnitude < tiny { d = tiny }
            c = b + an / c
            if c.magnitude < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if (delta - 1).magnitude < 1e-16 { break }
        }
        return prefactor(a, x) * fraction
    }
}
