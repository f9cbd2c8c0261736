import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The comparison patterns of the candidate pairs: each pair's levels as one mixed-radix number
/// (digit `levelCount` = missing), the distinct patterns in ascending order with their counts,
/// and for each pair the index of its pattern. EM and scoring work on the patterns only.
struct ComparisonPatterns: Sendable {
    let comparisons: [ComparisonLevels]
    /// Place value of each comparison's digit.
    let places: [UInt64]
    /// Distinct pattern codes, ascending.
    let codes: [UInt64]
    /// How many pairs show each pattern.
    let counts: [Int]
    /// Per candidate pair, the index of its pattern in `codes`.
    let pairPatterns: [UInt32]

    /// Pattern spaces up to this size are counted in a table, larger ones in a dictionary.
    static let tableLimit: UInt64 = 1 << 22

    /// The patterns of `pairs` under `specs`.
    init(_ specs: [ComparisonSpec], table: FeatureTable, pairs: [CandidatePairs.Code]) {
        let comparisons = specs.map(ComparisonLevels.init)
        var space: UInt64 = 1
        places = comparisons.map { c in
            defer { space = space.multipliedReportingOverflow(by: UInt64(c.levelCount + 1)).partialValue }
            return space
        }
        self.comparisons = comparisons
        let pairCodes = Self.pairCodes(pairs, columns: specs.map { table.column($0.field) }, comparisons, places)
        let (codes, pairPatterns) =
            space <= Self.tableLimit && !specs.isEmpty
            ? Self.indexByTable(pairCodes, space: Int(space)) : Self.indexByDictionary(pairCodes)
        var counts = [Int](repeating: 0, count: codes.count)
        for p in pairPatterns { counts[Int(p)] += 1 }
        self.codes = codes
        self.counts = counts
        self.pairPatterns = pairPatterns
    }

    /// Each pair's pattern code, one comparison (column) at a time: a column of a million
    /// records stays in cache while the pairs read it.
    static func pairCodes(
        _ pairs: [CandidatePairs.Code], columns: [[Double]], _ comparisons: [ComparisonLevels],
        _ places: [UInt64]
    ) -> [UInt64] {
        var out = [UInt64](repeating: 0, count: pairs.count)
        for (k, c) in comparisons.enumerated() {
            let place = places[k]
            let (isCategory, levelCount) = (c.isCategory, c.levelCount)
            c.tolerances.withUnsafeBufferPointer { tolerances in
                columns[k].withUnsafeBufferPointer { column in
                    pairs.withUnsafeBufferPointer { pairs in
                        out.withUnsafeMutableBufferPointer { out in
                            for n in 0..<pairs.count {
                                let (i, j) = CandidatePairs.records(pairs[n])
                                let digit = ComparisonLevels.digit(
                                    column[i], column[j], tolerances, isCategory: isCategory,
                                    levelCount: levelCount)
                                out[n] &+= UInt64(digit) &* place
                            }
                        }
                    }
                }
            }
        }
        return out
    }

    /// Distinct codes and per-pair indexes through a table of the whole (small) pattern space.
    static func indexByTable(_ pairCodes: [UInt64], space: Int) -> ([UInt64], [UInt32]) {
        var seen = [Bool](repeating: false, count: space)
        for c in pairCodes { seen[Int(c)] = true }
        var rank = [UInt32](repeating: 0, count: space)
        var codes = [UInt64]()
        for c in 0..<space where seen[c] {
            rank[c] = UInt32(codes.count)
            codes.append(UInt64(c))
        }
        return (codes, pairCodes.map { rank[Int($0)] })
    }

    /// Distinct codes and per-pair indexes through a dictionary (large pattern spaces).
    static func indexByDictionary(_ pairCodes: [UInt64]) -> ([UInt64], [UInt32]) {
        let codes = Array(Set(pairCodes)).sorted()
        var rank = [UInt64: UInt32](minimumCapacity: codes.count)
        for (r, c) in codes.enumerated() { rank[c] = UInt32(r) }
        return (codes, pairCodes.map { rank[$0]! })
    }

    /// The pattern code of records `i` and `j` (any pair, candidate or not).
    func code(_ i: Int, _ j: Int, table: FeatureTable, specs: [ComparisonSpec]) -> UInt64 {
        var code: UInt64 = 0
        for (k, spec) in specs.enumerated() {
            let column = table.column(spec.field)
            code &+= UInt64(comparisons[k].digit(column[i], column[j])) &* places[k]
        }
        return code
    }

    /// The levels of pattern `code`, nil where a value was missing.
    func levels(_ code: UInt64) -> [Int?] {
        comparisons.enumerated().map { k, c in
            let digit = Int(code / places[k] % UInt64(c.levelCount + 1))
            return digit == c.levelCount ? nil : digit
        }
    }
}
