import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Level shares over all cross-centre record pairs, counted exactly (no sampling) in
/// O(N log N): for a tolerance t, the pairs within t are counted over all records with a value by
/// a sliding window over the sorted values, minus the same count inside each centre.
/// These are the u probabilities scoring uses: what a random pair of records of different
/// centres looks like, unaffected by which pairs blocking selected.
enum PopulationLevels {
    /// Pairs of records of different centres that both have a value, and how many fall in each
    /// level (disagreement last).
    static func counts(_ spec: ComparisonSpec, column: [Double], centres: [Int32]) -> (pairs: Int, levels: [Int]) {
        var all = [Double]()
        var byCentre = [[Double]]()
        var current: Int32 = -1
        for (i, value) in column.enumerated() where !value.isNaN {
            if centres[i] != current {
                current = centres[i]
                byCentre.append([])
            }
            all.append(value)
            byCentre[byCentre.count - 1].append(value)
        }
        all.sort()
        for k in byCentre.indices { byCentre[k].sort() }
        let pairs = crossPairs(all.count, byCentre.map(\.count))
        let levels = ComparisonLevels(spec)
        let tolerances = levels.isCategory ? [0.0] : levels.tolerances
        var within = tolerances.map { t in
            pairsWithin(t, all) - byCentre.reduce(0) { $0 + pairsWithin(t, $1) }
        }
        for k in within.indices.dropFirst() { within[k] = max(within[k], within[k - 1]) }
        var counts = [Int](repeating: 0, count: spec.levelCount)
        for (k, n) in within.enumerated() { counts[k] = n - (k == 0 ? 0 : within[k - 1]) }
        counts[spec.levelCount - 1] = pairs - (within.last ?? 0)
        return (pairs, counts)
    }

    /// Pairs of records of different centres, from the total and the per-centre counts.
    static func crossPairs(_ total: Int, _ perCentre: [Int]) -> Int {
        total * (total - 1) / 2 - perCentre.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    }

    /// Pairs of `sorted` values at most `t` apart.
    static func pairsWithin(_ t: Double, _ sorted: [Double]) -> Int {
        var count = 0
        var low = 0
        for i in sorted.indices {
            while sorted[i] - sorted[low] > t { low += 1 }
            count += i - low
        }
        return count
    }
}
