import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Gives every pooled patient its `pooled_id`, stable across builds through the previous build's
/// crosswalk (docs/linkage.md, "Stable pooled ids and the crosswalk").
package enum PooledIDAssigner {
    /// One id per cluster (aligned with `clusters`), the new crosswalk (every member → its
    /// cluster's id) and the events L4024 (a previous id kept) and L4025 (a previous id retired).
    ///
    /// `clusters` are disjoint, non-empty, each ordered survivor first (`Survivorship.ranking`).
    /// Without `previous`, a cluster's id is its survivor's `Pseudonymizer.pooledID`. With it:
    /// each previous id is claimed by the cluster holding most of its previous members (ties: the
    /// cluster holding the member whose own id it is, then the cluster whose least member sorts
    /// first); a cluster claiming several keeps the one held by its highest-ranked member (the
    /// others are retired); a cluster claiming none gets the first of its members' own ids (survivor
    /// first) that no cluster keeps and the previous crosswalk does not hold, else a derived one
    /// (`pooledID(centre:localID:attempt:)` of the survivor). The ids are unique; the order of
    /// `clusters` changes nothing but the order of `ids`.
    /// The members' keyed digests are computed on `workers`.
    package static func assign(
        clusters: [[PatientReference]], pseudonymizer: Pseudonymizer, previous: Crosswalk?,
        workers: Workers = .serial
    )
        -> (ids: [String], crosswalk: Crosswalk, audit: AuditLog)
    {
        precondition(clusters.allSatisfy { !$0.isEmpty }, "PooledIDAssigner.assign: every cluster has a member")
        let least = clusters.map { $0.min()! }
        let order = clusters.indices.sorted { least[$0] < least[$1] }
        let (own, memberKeys) = digests(clusters, pseudonymizer: pseudonymizer, workers: workers)
        var ids = [String?](repeating: nil, count: clusters.count)
        var audit = AuditLog()
        var taken = Set<String>()
        if let previous {
            let claims = ClaimTally(
                clusters: clusters, own: own,
                held: memberKeys.map { $0.map(previous.pooledID(memberKey:)) }, order: order)
            claims.keep(into: &ids, audit: &audit)
            claims.retireAbsent(previous, audit: &audit)
            taken = Set(previous.entries.map(\.pooledID))
        }
        for c in order where ids[c] == nil {
            let id = own[c].first { !taken.contains($0) } ?? derivedID(clusters[c][0], pseudonymizer, avoiding: taken)
            ids[c] = id
            taken.insert(id)
        }
        let assigned = ids.map { $0! }
        return (assigned, crosswalk(memberKeys, assigned), audit)
    }

    /// Every member's own pooled id and member key, aligned with `clusters`.
    private static func digests(
        _ clusters: [[PatientReference]], pseudonymizer: Pseudonymizer, workers: Workers
    ) -> (own: [[String]], memberKeys: [[String]]) {
        let piece = 4096
        let pieces = workers.map((clusters.count + piece - 1) / piece) { p in
            clusters[p * piece..<min(clusters.count, (p + 1) * piece)].map { cluster in
                (
                    cluster.map { pseudonymizer.pooledID(centre: $0.centre, localID: $0.localID) },
                    cluster.map { pseudonymizer.memberKey(centre: $0.centre, localID: $0.localID) }
                )
            }
        }
        let all = pieces.joined()
        return (all.map(\.0), all.map(\.1))
    }

    /// Every member key with its cluster's id (a local patient in two clusters stops the run).
    private static func crosswalk(_ memberKeys: [[String]], _ ids: [String]) -> Crosswalk {
        var entries: [Crosswalk.Entry] = []
        entries.reserveCapacity(memberKeys.reduce(0) { $0 + $1.count })
        for (keys, id) in zip(memberKeys, ids) {
            for key in keys { entries.append(Crosswalk.Entry(memberKey: key, pooledID: id)) }
        }
        return Crosswalk(entries: entries)
    }

    /// The first `pooledID(centre:localID:attempt:)` of `survivor` (attempt 1, 2, …) not in `taken`.
    private static func derivedID(
        _ survivor: PatientReference, _ pseudonymizer: Pseudonymizer,
        avoiding taken: Set<String>
    ) -> String {
        var attempt = 1
        while true {
            let id = pseudonymizer.pooledID(centre: survivor.centre, localID: survivor.localID, attempt: attempt)
            if !taken.contains(id) { return id }
            attempt += 1
        }
    }
}
