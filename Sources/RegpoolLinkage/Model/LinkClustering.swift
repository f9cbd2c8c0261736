import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Greedy clustering by union-find: edges are offered one by one in the caller's fixed order and
/// joined unless the joined cluster would hold two records of one centre or both sides of a
/// `force_separate` override, or — for a probabilistic edge — two records whose own score is
/// below the review threshold (`consistency`). Each record remembers the first edge that joined it.
struct LinkClustering {
    /// What became of an offered edge.
    enum Outcome: Equatable {
        case joined
        /// Both records were in one cluster already.
        case together
        /// Refused, with the constraint it would break.
        case refused(String)
    }

    private var parent: [Int]
    /// Members of each root's cluster, ascending (empty for non-roots).
    private var members: [[Int]]
    private let centres: [Int32]
    private let references: [PatientReference]
    /// Records a record must stay apart from, with the override that says so.
    private var apart: [Int: [(other: Int, override: LinkOverride)]] = [:]
    /// The first edge that joined each record.
    private(set) var joining: [LinkEdge?]

    /// Every record its own cluster.
    init(centres: [Int32], references: [PatientReference]) {
        parent = Array(centres.indices)
        members = centres.indices.map { [$0] }
        joining = Array(repeating: nil, count: centres.count)
        self.centres = centres
        self.references = references
    }

    /// Records `a` and `b` may never share a cluster.
    mutating func keepApart(_ a: Int, _ b: Int, by override: LinkOverride) {
        apart[a, default: []].append((b, override))
        apart[b, default: []].append((a, override))
    }

    /// The root of `x`'s cluster.
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Offers `edge`: joins its clusters unless a constraint forbids it. `consistency`, when
    /// given, names why two records may not share a cluster by their own score (nil = they may).
    mutating func offer(_ edge: LinkEdge, consistency: ((Int, Int) -> String?)? = nil) -> Outcome {
        let ra = find(edge.a)
        let rb = find(edge.b)
        if ra == rb { return .together }
        if let reason = conflict(ra, rb) { return .refused(reason) }
        if let consistency, let reason = inconsistency(ra, rb, consistency) { return .refused(reason) }
        let (root, other) = (min(ra, rb), max(ra, rb))
        parent[other] = root
        members[root] = Self.merge(members[root], members[other])
        members[other] = []
        if joining[edge.a] == nil { joining[edge.a] = edge }
        if joining[edge.b] == nil { joining[edge.b] = edge }
        return .joined
    }

    /// Why clusters `ra` and `rb` may not be joined, or nil.
    private mutating func conflict(_ ra: Int, _ rb: Int) -> String? {
        for x in members[ra] {
            for y in members[rb] where centres[x] == centres[y] {
                return
                    "the cluster would hold two local patients of \(references[x].centre) (\(references[x].localID) and \(references[y].localID))"
            }
        }
        let (small, large) = members[ra].count <= members[rb].count ? (ra, rb) : (rb, ra)
        for x in members[small] {
            for (y, override) in apart[x] ?? [] where find(y) == large {
                return
                    "\(override.rule) keeps \(references[min(x, y)].description) and \(references[max(x, y)].description) apart"
            }
        }
        return nil
    }

    /// The first pair across clusters `ra` and `rb` that `consistency` keeps apart, as a reason.
    private func inconsistency(_ ra: Int, _ rb: Int, _ consistency: (Int, Int) -> String?) -> String? {
        for x in members[ra] {
            for y in members[rb] {
                if let reason = consistency(x, y) { return reason }
            }
        }
        return nil
    }

    /// All clusters (singletons included), each ascending, ordered by their first record.
    mutating func clusters() -> [[Int]] {
        parent.indices.compactMap { i in find(i) == i ? members[i] : nil }
    }

    /// Two ascending arrays as one.
    static func merge(_ a: [Int], _ b: [Int]) -> [Int] {
        var out = [Int]()
        out.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                out.append(a[i])
                i += 1
            } else {
                out.append(b[j])
                j += 1
            }
        }
        return out
    }
}
