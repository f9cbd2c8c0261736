import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// A cluster member as lineage needs it: who it is and the probability of the link that joined it.
package struct LinkedMember: Sendable, Equatable {
    package var reference: PatientReference
    /// The match probability of the edge that joined the member (1.0 for deterministic rules and
    /// force_link); nil for the member that started the cluster.
    package var joinProbability: Double?

    /// A member.
    package init(reference: PatientReference, joinProbability: Double?) {
        self.reference = reference
        self.joinProbability = joinProbability
    }
}

/// Settles `source_records` statuses after linkage: every accepted record of a member that is not
/// its cluster's survivor becomes `merged`, with the probability of the link that joined that member.
package struct ClusterLineage: Sendable {
    /// The match probability of every non-survivor member.
    private let merged: [PatientReference: Double]

    /// The lineage of `clusters`, each ordered survivor first (`Survivorship.ranking`). A
    /// non-survivor without a join probability (it started the cluster, and the survivor joined
    /// it) takes the survivor's; 1.0 when neither has one.
    package init(clusters: [[LinkedMember]]) {
        var merged: [PatientReference: Double] = [:]
        for cluster in clusters {
            guard let survivor = cluster.first else { continue }
            for m in cluster.dropFirst() {
                merged[m.reference] = m.joinProbability ?? survivor.joinProbability ?? 1.0
            }
        }
        self.merged = merged
    }

    /// `entries` of `centre` with the records of non-survivor members `merged` at their member's
    /// probability; the survivor's records and patients in no cluster keep their within-centre status,
    /// rejected records stay rejected.
    package func settle(_ entries: [LineageEntry], centre: String) -> [LineageEntry] {
        entries.map { entry in
            guard entry.isAccepted,
                let p = merged[PatientReference(centre: centre, localID: entry.localPatientID)]
            else { return entry }
            var e = entry
            e.status = .merged
            e.matchProbability = p
            return e
        }
    }
}
