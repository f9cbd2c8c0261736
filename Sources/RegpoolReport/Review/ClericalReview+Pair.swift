extension ClericalReview {
    /// One pair of local patients for clerical review: scored between the review and link thresholds,
    /// left separate until a person decides (clerical-review.csv / .html in the build folder).
    package struct Pair: Sendable, Equatable {
        /// One comparison of the pair: both values as sent, the level reached and its weight.
        package struct Comparison: Sendable, Equatable {
            package let field: String
            package let valueA: String?
            package let valueB: String?
            /// The level's label, e.g. `exact`, `≤ 7 days`, `disagree`; nil when a value is missing.
            package let level: String?
            /// log2(m/u) of the level; nil when a value is missing (no evidence either way).
            package let weight: Double?

            /// A comparison.
            package init(field: String, valueA: String?, valueB: String?, level: String?, weight: Double?) {
                self.field = field
                self.valueA = valueA
                self.valueB = valueB
                self.level = level
                self.weight = weight
            }
        }

        package let centreA: String
        package let localIDA: String
        package let centreB: String
        package let localIDB: String
        package let probability: Double
        /// The prior's log2 odds plus every comparison's weight.
        package let totalWeight: Double
        package let comparisons: [Comparison]

        /// A pair.
        package init(
            centreA: String, localIDA: String, centreB: String, localIDB: String, probability: Double,
            totalWeight: Double, comparisons: [Comparison]
        ) {
            self.centreA = centreA
            self.localIDA = localIDA
            self.centreB = centreB
            self.localIDB = localIDB
            self.probability = probability
            self.totalWeight = totalWeight
            self.comparisons = comparisons
        }
    }
}

/// Fixed-point number text that does not depend on the locale (`0.7312`, `-3.25`).
enum FixedDecimal {
    /// `x` rounded half away from zero to `places` decimals.
    static func text(_ x: Double, places: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(x) }
        let n = Int64(scaled)
        let whole = n / Int64(scale)
        let fraction = n % Int64(scale)
        var digits = String(fraction)
        while digits.count < places { digits = "0" + digits }
        let sign = x < 0 && n != 0 ? "-" : ""
        return places == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(digits)"
    }
}
