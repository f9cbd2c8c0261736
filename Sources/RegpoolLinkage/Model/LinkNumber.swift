import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Number helpers of linkage in pure Swift (no C math library): `log2` for the weights people
/// read, and fixed-point text. Decisions never depend on `log2`: probabilities are computed from
/// products of m and u (see `LinkModel.probability`).
enum LinkNumber {
    /// ln 2.
    static let ln2 = 0.693_147_180_559_945_309_4

    /// log2 of a positive finite `x` (−infinity for 0, nan for negatives), to about 1e-15.
    static func log2(_ x: Double) -> Double {
        guard x > 0 else { return x == 0 ? -.infinity : .nan }
        guard x.isFinite else { return x }
        var exponent = Double(x.exponent)
        var s = x.significand  // [1, 2)
        if s > 1.414_213_562_373_095_1 {
            s /= 2
            exponent += 1
        }
        // ln s = 2 atanh(t), t = (s - 1) / (s + 1), |t| < 0.172
        let t = (s - 1) / (s + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var k = 1.0
        while true {
            let next = sum + term / k
            if next == sum { break }
            sum = next
            term *= t2
            k += 2
        }
        return exponent + 2 * sum / ln2
    }

    /// `x` rounded to `places` decimals, as text with exactly that many decimals (`-0.50`, `12.000`).
    static func fixed(_ x: Double, _ places: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(x) }
        var digits = String(Int64(scaled))
        if places > 0 {
            if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return (x < 0 && scaled != 0 ? "-" : "") + digits
    }

    /// As `fixed`, with a `+` before positive values (weights).
    static func signed(_ x: Double, _ places: Int) -> String {
        let text = fixed(x, places)
        return text.hasPrefix("-") || text.hasPrefix("n") ? text : "+" + text
    }

    /// A probability for people: six decimals from 0.001 up, else three significant digits with
    /// an exponent (`2.48e-05`), so a prior over millions of pairs does not print as zero.
    static func probability(_ x: Double) -> String {
        guard x > 0, x < 0.001 else { return fixed(x, 6) }
        var exponent = Int((log2(x) / log2(10)).rounded(.down))
        var mantissa = x / power10(exponent)
        if mantissa < 1 {
            exponent -= 1
            mantissa *= 10
        }
        if fixed(mantissa, 2) == "10.00" {
            exponent += 1
            mantissa /= 10
        }
        let digits = String(abs(exponent))
        return fixed(mantissa, 2) + (exponent < 0 ? "e-" : "e+") + (digits.count < 2 ? "0" : "") + digits
    }

    /// 10 to the power `k`.
    static func power10(_ k: Int) -> Double {
        var p = 1.0
        for _ in 0..<abs(k) { p *= 10 }
        return k < 0 ? 1 / p : p
    }

    /// Shortest text of `x`, whole numbers without `.0` (`10`, `2.5`).
    static func plain(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
