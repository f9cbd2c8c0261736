import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Fits `LinkModel` to the candidate pairs' pattern counts: EM (deterministic: patterns in
/// ascending code order, fixed start values) or the given m and u, with λ estimated unless `prior`
/// fixes it. Every m and u is clamped to [1e-6, 1 − 1e-6] after each step. Then u and λ are
/// carried over to all cross-centre pairs for scoring (see `LinkModel`).
struct ModelEstimation {
    static let floor = 1e-6
    static let startLambda = 0.01

    let settings: ProbabilisticSettings
    let patterns: ComparisonPatterns
    let table: FeatureTable
    /// Levels of each distinct pattern.
    let levels: [[Int?]]

    init(_ settings: ProbabilisticSettings, patterns: ComparisonPatterns, table: FeatureTable) {
        self.settings = settings
        self.patterns = patterns
        self.table = table
        levels = patterns.codes.map(patterns.levels)
    }

    /// The fitted model.
    func fit() -> LinkModel {
        let observed = observedCounts()
        var m = settings.comparisons.map { startM($0) }
        var u = zip(settings.comparisons, observed).map { spec, counts in
            spec.u.map { $0.map(Self.clamp) } ?? frequencies(counts)
        }
        var lambda = settings.prior ?? Self.startLambda
        let (maxIterations, tolerance, given): (Int, Double, Bool) =
            switch settings.estimation {
            case .em(let iterations, let tolerance): (iterations, tolerance, false)
            case .given: (100, 1e-6, true)
            }
        var iterations = 0
        var converged = settings.prior != nil && given
        let total = patterns.counts.reduce(0, +)
        while !converged, total > 0, iterations < maxIterations {
            iterations += 1
            let step = expectation(m: m, u: u, lambda: lambda)
            var change = 0.0
            if settings.prior == nil {
                let next = Self.clamp(step.matches / Double(total))
                change = abs(next - lambda)
                lambda = next
            }
            if !given {
                change = max(change, Self.maximise(&m, step.m), Self.maximise(&u, step.u))
            }
            converged = change < tolerance
        }
        return model(
            m: m, u: u, lambda: lambda, observed: observed, iterations: iterations,
            converged: converged, given: given, total: total)
    }

    /// Expected matches overall and expected level counts among matches (m) and non-matches (u).
    func expectation(m: [[Double]], u: [[Double]], lambda: Double) -> (matches: Double, m: [[Double]], u: [[Double]]) {
        var mSums = m.map { [Double](repeating: 0, count: $0.count) }
        var uSums = mSums
        var matches = 0.0
        for (p, count) in patterns.counts.enumerated() {
            var pm = lambda
            var pu = 1 - lambda
            for (k, level) in levels[p].enumerated() {
                guard let level else { continue }
                pm *= m[k][level]
                pu *= u[k][level]
            }
            let g = pm / (pm + pu)
            let n = Double(count)
            matches += n * g
            for (k, level) in levels[p].enumerated() {
                guard let level else { continue }
                mSums[k][level] += n * g
                uSums[k][level] += n * (1 - g)
            }
        }
        return (matches, mSums, uSums)
    }

    /// Replaces each comparison's probabilities by its normalised expected counts (kept when
    /// there are none); returns the largest change.
    static func maximise(_ probabilities: inout [[Double]], _ sums: [[Double]]) -> Double {
        var change = 0.0
        for k in probabilities.indices {
            let total = sums[k].reduce(0, +)
            guard total > 0 else { continue }
            for l in probabilities[k].indices {
                let next = clamp(sums[k][l] / total)
                change = max(change, abs(next - probabilities[k][l]))
                probabilities[k][l] = next
            }
        }
        return change
    }

    /// Pairs per level of each comparison (missing left out).
    func observedCounts() -> [[Int]] {
        var counts = settings.comparisons.map { [Int](repeating: 0, count: $0.levelCount) }
        for (p, count) in patterns.counts.enumerated() {
            for (k, level) in levels[p].enumerated() {
                if let level { counts[k][level] += count }
            }
        }
        return counts
    }

    /// Start m: as given, else 0.9 on the first level and the rest shared by the others.
    func startM(_ spec: ComparisonSpec) -> [Double] {
        if let m = spec.m { return m.map(Self.clamp) }
        let others = Double(spec.levelCount - 1)
        return (0..<spec.levelCount).map { Self.clamp($0 == 0 ? 0.9 : 0.1 / others) }
    }

    /// Observed level frequencies (uniform when no pair has both values).
    func frequencies(_ counts: [Int], levels: Int? = nil) -> [Double] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return (0..<(levels ?? counts.count)).map { _ in 1 / Double(levels ?? counts.count) } }
        return counts.map { Self.clamp(Double($0) / Double(total)) }
    }

    static func clamp(_ p: Double) -> Double { min(max(p, floor), 1 - floor) }

    /// u of every comparison over all cross-centre pairs: as given with `estimation: given`,
    /// else counted exactly.
    func populationU() -> [[Double]] {
        settings.comparisons.map { spec in
            if settings.estimation == .given, let u = spec.u { return u.map(Self.clamp) }
            let (pairs, counts) = PopulationLevels.counts(
                spec, column: table.column(spec.field), centres: table.centres)
            return frequencies(pairs == 0 ? [] : counts, levels: spec.levelCount)
        }
    }

    /// The model: m from EM, u and λ carried over to all cross-centre pairs, with its warnings.
    func model(
        m: [[Double]], u: [[Double]], lambda: Double, observed: [[Int]], iterations: Int,
        converged: Bool, given: Bool, total: Int
    ) -> LinkModel {
        let population = populationU()
        let crossPairs = PopulationLevels.crossPairs(table.centres.count, centreSizes())
        let scoring =
            crossPairs > 0 && total > 0
            ? min(max(lambda * Double(total) / Double(crossPairs), 1e-300), 1 - Self.floor) : lambda
        let comparisons = settings.comparisons.indices.map { k in
            LinkModel.Comparison(
                spec: settings.comparisons[k], m: m[k], u: population[k], uAmongCompared: u[k],
                observed: observed[k].reduce(0, +))
        }
        var model = LinkModel(
            comparisons: comparisons, lambda: scoring, lambdaAmongCompared: lambda, crossCentrePairs: crossPairs,
            comparedPairs: total, lambdaEstimated: settings.prior == nil, given: given, iterations: iterations,
            converged: converged, degenerateFields: [], warnings: [])
        Self.warn(&model)
        return model
    }

    /// Fills the model's degenerate fields and warnings.
    static func warn(_ model: inout LinkModel) {
        for c in model.comparisons where c.observed > 0 && c.m[0] < c.u[0] {
            model.degenerateFields.append(c.spec.field)
            model.warnings.append(
                "comparison \(c.spec.field.rawValue): m of \(c.spec.label(level: 0)) (\(LinkNumber.fixed(c.m[0], 4))) ended below u (\(LinkNumber.fixed(c.u[0], 4))); agreement counts against a match — check blocking and comparisons, or give m and u"
            )
        }
        if model.comparedPairs == 0 {
            model.warnings.append("no candidate pairs: the model was not estimated; check the blocking passes")
        } else if !model.converged {
            model.warnings.append(
                "EM stopped after \(model.iterations) iterations without converging; raise max_iterations or check comparisons"
            )
        }
        if model.lambdaAmongCompared > 0.5 {
            model.warnings.append(
                "λ among compared pairs = \(LinkNumber.fixed(model.lambdaAmongCompared, 4)): more than half of them look like matches; EM may have swapped the classes — check blocking or give a prior"
            )
        }
    }

    /// Records per centre.
    func centreSizes() -> [Int] {
        var sizes = [Int]()
        var previous: Int32 = -1
        for c in table.centres {
            if c != previous {
                sizes.append(0)
                previous = c
            }
            sizes[sizes.count - 1] += 1
        }
        return sizes
    }
}
