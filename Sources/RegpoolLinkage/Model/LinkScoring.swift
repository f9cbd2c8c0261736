import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The probabilistic half of a run: candidate pairs from blocking, their comparison patterns,
/// the fitted model and each pattern's match probability.
struct LinkScoring: Sendable {
    let settings: ProbabilisticSettings
    /// Candidate pairs, ascending, each once.
    let pairs: [CandidatePairs.Code]
    let patterns: ComparisonPatterns
    let model: LinkModel
    /// Match probability of each distinct pattern.
    let probabilities: [Double]

    /// Blocks, compares, fits.
    init(_ settings: ProbabilisticSettings, table: FeatureTable) {
        self.settings = settings
        let pairs = CandidatePairs.generate(settings.blocking, table: table)
        let patterns = ComparisonPatterns(settings.comparisons, table: table, pairs: pairs)
        let model = ModelEstimation(settings, patterns: patterns, table: table).fit()
        self.pairs = pairs
        self.patterns = patterns
        self.model = model
        probabilities = patterns.codes.map { model.probability(levels: patterns.levels($0)) }
    }

    /// The match probability of candidate pair number `k`.
    @inline(__always) func probability(ofPair k: Int) -> Double {
        probabilities[Int(patterns.pairPatterns[k])]
    }

    /// True when blocking made records `i` and `j` a candidate pair.
    func isCandidate(_ i: Int, _ j: Int) -> Bool {
        let code = CandidatePairs.code(i, j)
        var low = 0
        var high = pairs.count
        while low < high {
            let mid = (low + high) / 2
            if pairs[mid] < code { low = mid + 1 } else { high = mid }
        }
        return low < pairs.count && pairs[low] == code
    }

    /// The match probability of records `i` and `j`, candidates or not (the pattern's, looked up
    /// when some candidate pair shares it).
    func probability(_ i: Int, _ j: Int, table: FeatureTable) -> Double {
        let code = patterns.code(i, j, table: table, specs: settings.comparisons)
        var low = 0
        var high = patterns.codes.count
        while low < high {
            let mid = (low + high) / 2
            if patterns.codes[mid] < code { low = mid + 1 } else { high = mid }
        }
        if low < patterns.codes.count, patterns.codes[low] == code { return probabilities[low] }
        return model.probability(levels: patterns.levels(code))
    }

    /// The levels of records `i` and `j` (candidates or not), in the settings' order.
    func levels(_ i: Int, _ j: Int, table: FeatureTable) -> [Int?] {
        patterns.levels(patterns.code(i, j, table: table, specs: settings.comparisons))
    }

    /// The zone of a probability: link, review or separate.
    func zone(_ p: Double) -> LinkExplanation.Zone {
        p >= settings.linkThreshold ? .link : (p >= settings.reviewThreshold ? .review : .separate)
    }

    /// Every comparison of records `i` and `j`: values, level, m, u, weight.
    func details(_ i: Int, _ j: Int, records: [LinkRecord], table: FeatureTable) -> [ComparisonDetail] {
        zip(model.comparisons, levels(i, j, table: table)).map { c, level in
            ComparisonDetail(
                field: c.spec.field, left: records[i].text(c.spec.field), right: records[j].text(c.spec.field),
                level: level, label: c.spec.label(level: level), m: level.map { c.m[$0] },
                u: level.map { c.u[$0] }, weight: c.weight(level: level))
        }
    }
}
