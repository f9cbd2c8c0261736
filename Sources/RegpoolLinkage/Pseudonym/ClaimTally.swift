import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Which cluster claims which pooled id of the previous crosswalk, and which id each cluster keeps.
struct ClaimTally {
    let clusters: [[PatientReference]]
    /// Each member's own pooled id.
    let own: [[String]]
    /// The pooled id each member had in the previous crosswalk, if it was there.
    let held: [[String?]]
    /// Cluster indexes by their least member.
    let order: [Int]
    /// The previous ids each cluster claims.
    let claimed: [Int: Set<String>]

    init(clusters: [[PatientReference]], own: [[String]], held: [[String?]], order: [Int]) {
        self.clusters = clusters
        self.own = own
        self.held = held
        self.order = order
        claimed = Self.winners(own: own, held: held, order: order)
    }

    /// Each previous id's cluster: most previous members, then the one holding the id's own
    /// member, then the first in `order`.
    private static func winners(own: [[String]], held: [[String?]], order: [Int]) -> [Int: Set<String>] {
        var best: [String: (cluster: Int, count: Int, origin: Bool, rank: Int)] = [:]
        for (rank, c) in order.enumerated() {
            var counts: [String: (count: Int, origin: Bool)] = [:]
            for (i, id) in held[c].enumerated() {
                guard let id else { continue }
                let was = counts[id] ?? (0, false)
                counts[id] = (was.count + 1, was.origin || own[c][i] == id)
            }
            for (id, n) in counts {
                guard let b = best[id] else {
                    best[id] = (c, n.count, n.origin, rank)
                    continue
                }
                if (n.count, n.origin ? 1 : 0, -rank) > (b.count, b.origin ? 1 : 0, -b.rank) {
                    best[id] = (c, n.count, n.origin, rank)
                }
            }
        }
        var claimed: [Int: Set<String>] = [:]
        for (id, b) in best { claimed[b.cluster, default: []].insert(id) }
        return claimed
    }

    /// Every claiming cluster keeps the id of its highest-ranked member that holds a claimed id
    /// (L4024 when it is not the survivor's own id); its other claimed ids are retired (L4025).
    func keep(into ids: inout [String?], audit: inout AuditLog) {
        for c in order {
            guard let mine = claimed[c], let i = held[c].firstIndex(where: { $0.map(mine.contains) == true }) else {
                continue
            }
            let kept = held[c][i]!
            ids[c] = kept
            if kept != own[c][0] { audit.record(keptEvent(c, holder: i)) }
            for retired in mine.subtracting([kept]).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                audit.record(retiredEvent(retired, c, holder: i))
            }
        }
    }

    /// L4024 at the member of cluster `c` whose previous id the cluster keeps.
    private func keptEvent(_ c: Int, holder i: Int) -> AuditEvent {
        let holder = clusters[c][i]
        let kept = held[c][i]!
        let survivorOwn = own[c][0]
        return AuditEvent(
            .pooledIDKept, centre: holder.centre, locator: "local_id=\(holder.localID)",
            target: "patients.pooled_id", sourceValue: survivorOwn, targetValue: kept,
            rule: "crosswalk: previous pooled id kept",
            message: "pooled patient of survivor \(clusters[c][0].description) keeps \(kept), the id "
                + "\(holder.description) had in the previous build (its survivor alone would give \(survivorOwn))")
    }

    /// L4025 at the first member of cluster `c` that held `retired`.
    private func retiredEvent(_ retired: String, _ c: Int, holder i: Int) -> AuditEvent {
        let member = clusters[c][held[c].firstIndex(of: retired)!]
        let kept = held[c][i]!
        return AuditEvent(
            .pooledIDRetired, centre: member.centre, locator: "local_id=\(member.localID)",
            target: "patients.pooled_id", sourceValue: retired, targetValue: kept,
            rule: "crosswalk: the highest-ranked member's previous id is kept",
            message: "pooled id \(retired) of the previous build is retired: its member \(member.description) "
                + "joined the patient \(kept) (kept from \(clusters[c][i].description), ranked higher)")
    }

    /// L4025 for every id of `previous` that no member of this build held.
    func retireAbsent(_ previous: Crosswalk, audit: inout AuditLog) {
        let present = Set(held.joined().compactMap { $0 })
        var seen = Set<String>()
        for e in previous.entries where !present.contains(e.pooledID) && seen.insert(e.pooledID).inserted {
            audit.record(
                AuditEvent(
                    .pooledIDRetired, target: "patients.pooled_id", sourceValue: e.pooledID,
                    rule: "crosswalk: no member in this build",
                    message: "pooled id \(e.pooledID) of the previous build is retired: none of its members is in this "
                        + "build"))
        }
    }
}
