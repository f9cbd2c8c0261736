import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// What linkage decided: clusters of records (each one pooled patient), the edge that joined
/// each record, the pairs left for clerical review, the model and the audit. Record indexes
/// refer to `records`, which is the input sorted by `PatientReference`.
package struct LinkageResult: Sendable {
    /// The records, sorted by reference (the index space of everything else).
    package var records: [LinkRecord]
    /// Every record in exactly one cluster; each cluster ascending, clusters ordered by their first record.
    package var clusters: [[Int]]
    /// Per record, the position of its cluster in `clusters`.
    package var clusterOfRecord: [Int]
    /// Per record, the first edge that joined it to another record (nil for a record alone).
    package var joiningEdges: [LinkEdge?]
    /// Edges that joined two clusters, in the order they were offered.
    package var acceptedEdges: [LinkEdge]
    /// Edges refused because of a constraint, in the order they were offered.
    package var refusedEdges: [RefusedLink]
    /// Pairs scored in [review, link) that ended in different clusters, by pair order.
    package var reviewPairs: [ReviewPair]
    /// Candidate pairs compared by the blocking passes (each pair once).
    package var pairsCompared: Int
    /// The fitted model; nil when the settings have no probabilistic section.
    package var model: LinkModel?
    /// L4002–L4008.
    package var audit: AuditLog

    /// The index of the record of `reference`, or nil.
    package func index(of reference: PatientReference) -> Int? { records.index(of: reference) }

    /// The members of the cluster holding record `index`.
    package func cluster(of index: Int) -> [Int] { clusters[clusterOfRecord[index]] }
}

extension Array where Element == LinkRecord {
    /// The position of `reference` in records sorted by reference (binary search), or nil.
    func index(of reference: PatientReference) -> Int? {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid].reference < reference { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low].reference == reference ? low : nil
    }
}
