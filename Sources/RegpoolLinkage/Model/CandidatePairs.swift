import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The pairs blocking makes candidates: for each pass, records agreeing exactly on every `on`
/// field (and having the `sort` field) form a block; within a block every pair is a candidate, or
/// with `sort` + `window` only records at most `window` places apart in sort order (ties by record
/// order). Pairs of one centre are never candidates. Passes are united; each pair counts once.
enum CandidatePairs {
    /// A pair of record indexes `i < j` as one number, `i << 32 | j` (sorts like `(i, j)`).
    typealias Code = UInt64

    /// The pair code of records `i` and `j` (any order).
    @inline(__always) static func code(_ i: Int, _ j: Int) -> Code {
        i < j ? Code(i) << 32 | Code(j) : Code(j) << 32 | Code(i)
    }

    /// The records of a pair code, smaller first.
    @inline(__always) static func records(_ code: Code) -> (Int, Int) {
        (Int(code >> 32), Int(code & 0xFFFF_FFFF))
    }

    /// Every candidate pair of every pass, ascending, each once.
    static func generate(_ passes: [BlockingRule], table: FeatureTable) -> [Code] {
        var ranks = [LinkageField: DenseRanks]()
        for pass in passes {
            for field in pass.on + (pass.sort.map { [$0] } ?? []) where ranks[field] == nil {
                ranks[field] = DenseRanks(table.column(field))
            }
        }
        var pairs = [Code]()
        for pass in passes { add(pass, table: table, ranks: ranks, to: &pairs) }
        return sortedUnique(pairs, records: table.centres.count)
    }

    /// Appends the pairs of one pass.
    static func add(
        _ pass: BlockingRule, table: FeatureTable, ranks: [LinkageField: DenseRanks], to pairs: inout [Code]
    ) {
        let (order, blocks) = blockOrder(pass, table: table, ranks: ranks)
        let centres = table.centres
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, blocks[end] == blocks[start] { end += 1 }
            let reach = pass.window ?? (end - start)
            for p in start..<end {
                let i = order[p]
                var q = p + 1
                while q < end, q - p <= reach {
                    let j = order[q]
                    if centres[i] != centres[j] { pairs.append(code(i, j)) }
                    q += 1
                }
            }
            start = end
        }
    }

    /// The records taking part in a pass (no missing `on` or `sort` value), ordered by their `on`
    /// values, then the sort value, then record index; with each, a number equal for records of
    /// the same block. The values' ranks are packed with the index into one 64-bit key when they
    /// fit (they do for dates, years and categories).
    static func blockOrder(
        _ pass: BlockingRule, table: FeatureTable,
        ranks: [LinkageField: DenseRanks]
    ) -> (order: [Int], blocks: [UInt64]) {
        let fields = pass.on + (pass.sort.map { [$0] } ?? [])
        let ranked = fields.map { ranks[$0]! }
        let members = (0..<table.centres.count).filter { i in ranked.allSatisfy { $0.ranks[i] != DenseRanks.missing } }
        let indexBits = DenseRanks.bits(for: table.centres.count)
        let sortBits = pass.sort == nil ? 0 : ranked[ranked.count - 1].bits
        guard ranked.reduce(indexBits, { $0 + $1.bits }) <= 64 else { return unpackedOrder(pass, table, members) }
        var packed = [UInt64](repeating: 0, count: members.count)
        for (m, i) in members.enumerated() {
            var key: UInt64 = 0
            for r in ranked { key = key << UInt64(r.bits) | UInt64(r.ranks[i]) }
            packed[m] = key << UInt64(indexBits) | UInt64(i)
        }
        packed.sort()
        let mask = indexBits == 0 ? 0 : UInt64.max >> UInt64(64 - indexBits)
        let blockShift = UInt64(indexBits + sortBits)
        return (packed.map { Int($0 & mask) }, packed.map { blockShift >= 64 ? 0 : $0 >> blockShift })
    }

    /// `blockOrder` by comparing values (when the ranks do not fit in 64 bits).
    static func unpackedOrder(
        _ pass: BlockingRule, _ table: FeatureTable, _ members: [Int]
    ) -> (order: [Int], blocks: [UInt64]) {
        let on = pass.on.map { table.column($0) }
        let keys = on + (pass.sort.map { [table.column($0)] } ?? [])
        let order = members.sorted { i, j in
            for key in keys where key[i] != key[j] { return key[i] < key[j] }
            return i < j
        }
        var blocks = [UInt64]()
        blocks.reserveCapacity(order.count)
        for (p, i) in order.enumerated() {
            let same = p > 0 && sameBlock(order[p - 1], i, on)
            blocks.append(p == 0 ? 0 : blocks[p - 1] + (same ? 0 : 1))
        }
        return (order, blocks)
    }

    /// True when records `i` and `j` agree on every `on` column.
    @inline(__always) static func sameBlock(_ i: Int, _ j: Int, _ on: [[Double]]) -> Bool {
        for column in on where column[i] != column[j] { return false }
        return true
    }

    /// `codes` ascending without repeats: a counting sort by the first record, then each record's
    /// few partners sorted in place (linear in the number of pairs).
    static func sortedUnique(_ codes: [Code], records count: Int) -> [Code] {
        var starts = [Int](repeating: 0, count: count + 1)
        for c in codes { starts[Int(c >> 32) + 1] += 1 }
        for i in 0..<count { starts[i + 1] += starts[i] }
        var fill = starts
        var partners = [UInt32](repeating: 0, count: codes.count)
        for c in codes {
            let i = Int(c >> 32)
            partners[fill[i]] = UInt32(truncatingIfNeeded: c)
            fill[i] += 1
        }
        var out = [Code]()
        out.reserveCapacity(codes.count)
        for i in 0..<count where starts[i] < starts[i + 1] {
            partners[starts[i]..<starts[i + 1]].sort()
            var last: UInt32?
            for k in starts[i]..<starts[i + 1] where partners[k] != last {
                out.append(Code(i) << 32 | Code(partners[k]))
                last = partners[k]
            }
        }
        return out
    }
}

/// The rank of each record's value among the distinct values of a column (ascending;
/// `missing` for NaN), and the bits a rank needs.
struct DenseRanks {
    static let missing = UInt32.max

    let ranks: [UInt32]
    let bits: Int

    init(_ column: [Double]) {
        var distinct = column.filter { !$0.isNaN }
        distinct.sort()
        var unique = [Double]()
        for v in distinct where unique.last != v { unique.append(v) }
        ranks = column.map { value in
            guard !value.isNaN else { return Self.missing }
            var low = 0
            var high = unique.count
            while low < high {
                let mid = (low + high) / 2
                if unique[mid] < value { low = mid + 1 } else { high = mid }
            }
            return UInt32(low)
        }
        bits = Self.bits(for: unique.count)
    }

    /// Bits to hold numbers below `n`.
    static func bits(for n: Int) -> Int {
        var bits = 0
        while (1 << bits) < n { bits += 1 }
        return bits
    }
}
