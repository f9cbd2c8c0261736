import RealModule

/// The product-limit arithmetic, done in lifelines' order so results agree to the last bit where possible.
enum ProductLimit {
    /// S(t) just after each row: exp of the running sum of log(n − d) − log(n), as lifelines computes it.
    static func survival(_ rows: [RiskTable.Row]) -> [Double] {
        var logSum = 0.0
        return rows.map { row in
            guard row.atRisk > 0 else { return Double.exp(logSum) }
            logSum += Double.log(Double(row.atRisk - row.events)) - Double.log(Double(row.atRisk))
            return Double.exp(logSum)
        }
    }

    /// Greenwood's running sum of d / (n (n − d)); a row where everyone at risk fails adds 0 (lifelines).
    static func greenwood(_ rows: [RiskTable.Row]) -> [Double] {
        var sum = 0.0
        return rows.map { row in
            let survivors = row.atRisk - row.events
            if row.events > 0, survivors > 0 {
                sum += Double(row.events) / Double(row.atRisk * survivors)
            }
            return sum
        }
    }

    /// The exponential Greenwood (log(−log S)) pointwise bounds; 1 where they are undefined (S = 1), as lifelines fills them.
    static func bounds(survival s: Double, greenwood v: Double, z: Double) -> (lower: Double, upper: Double) {
        let logS = Double.log(s)
        let spread = z * v.squareRoot() / logS
        let lower = Double.exp(-Double.exp(Double.log(-logS) - spread))
        let upper = Double.exp(-Double.exp(Double.log(-logS) + spread))
        return (lower.isNaN ? 1 : lower, upper.isNaN ? 1 : upper)
    }

    /// The index where a non-increasing curve first reaches `q` or below, found as lifelines'
    /// `qth_survival_time` does (numpy's left binary search, also on curves that are not monotone);
    /// nil when the curve ends above `q`.
    static func crossing(_ values: [Double], q: Double) -> Int? {
        guard let last = values.last, !(last > q) else { return nil }
        var low = 0
        var high = values.count
        while low < high {
            let mid = low + (high - low) / 2
            if values[mid] > q { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
