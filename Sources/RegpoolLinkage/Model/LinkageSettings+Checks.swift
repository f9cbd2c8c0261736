import RegpoolConfig
import RegpoolMapping
import RegpoolModel

extension LinkageSettings {
    /// Throws `LinkageError.invalidSettings` for anything the engine cannot use: thresholds out of
    /// order, a prior outside (0, 1), a window below 1, no or unsorted tolerances, m/u of the wrong length or
    /// outside [0, 1], given estimation without m and u, more levels than a pattern code holds.
    func check() throws {
        guard let p = probabilistic else { return }
        func fail(_ location: SourceLocation, _ message: String) -> LinkageError { .invalidSettings(location, message) }
        guard 0 <= p.reviewThreshold, p.reviewThreshold <= p.linkThreshold, p.linkThreshold <= 1 else {
            throw fail(
                location, "thresholds must satisfy 0 ≤ review (\(p.reviewThreshold)) ≤ link (\(p.linkThreshold)) ≤ 1")
        }
        if let prior = p.prior, !(prior > 0 && prior < 1) {
            throw fail(
                location,
                "prior \(prior) must lie strictly between 0 and 1 (the share of compared pairs that match, e.g. 0.01)")
        }
        for pass in p.blocking {
            if let window = pass.window, window < 1 {
                throw fail(
                    pass.location, "window \(window) must be at least 1 (records within that many places are compared)")
            }
            if pass.window != nil, pass.sort == nil {
                throw fail(
                    pass.location, "a window needs a sort field (sorted neighbourhood), e.g. sort: len_start_date")
            }
        }
        var codeSpace = 1.0
        for c in p.comparisons {
            try c.check(given: p.estimation == .given)
            codeSpace *= Double(c.levelCount + 1)
        }
        if codeSpace > 9e18 {
            throw fail(
                location, "too many comparison levels (\(codeSpace) patterns); use fewer comparisons or tolerances")
        }
    }
}

extension ComparisonSpec {
    /// Throws for a comparison the engine cannot use.
    func check(given: Bool) throws {
        guard !tolerances.isEmpty, tolerances.allSatisfy({ $0 >= 0 && $0.isFinite }),
            zip(tolerances, tolerances.dropFirst()).allSatisfy({ $0 < $1 })
        else {
            throw LinkageError.invalidSettings(
                location,
                "comparison \(field.rawValue) needs ascending tolerances ≥ 0, e.g. [0] or [0, 7, 31]; got \(tolerances)"
            )
        }
        for (name, values) in [("m", m), ("u", u)] {
            guard let values else {
                if given {
                    throw LinkageError.invalidSettings(
                        location,
                        "comparison \(field.rawValue) needs \(name): with estimation: given (\(levelCount) values, disagreement last)"
                    )
                }
                continue
            }
            guard values.count == levelCount, values.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
                throw LinkageError.invalidSettings(
                    location,
                    "comparison \(field.rawValue): \(name) needs \(levelCount) probabilities in [0, 1] (one per tolerance, then disagreement), got \(values)"
                )
            }
        }
    }
}
