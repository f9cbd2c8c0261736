import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The pooled patients of a build: every centre's local patients linked into clusters (or one
/// cluster each without `linkage:`), each cluster merged by survivorship and given its pooled id.
package struct PooledPatients: Sendable {
    /// One pooled patient: the merged patient, the survivor's centre and the pooled id.
    package struct Patient: Sendable {
        package let patient: LocalPatient
        package let centre: CentreConfig
        package let pooledID: String
    }

    /// In the order of the clusters (by their first member's reference).
    package let patients: [Patient]
    /// Every centre's lineage with cross-centre statuses settled, in the centres' order.
    package let lineage: [[LineageEntry]]
    /// The pooled id of every member, by member reference.
    package let pooledIDs: [PatientReference: String]
    /// The id crosswalk the next build reads.
    package let crosswalk: Crosswalk
    /// The linkage decisions; nil without `linkage:`.
    package let linkage: LinkageResult?
    /// Link, survivorship and id events (L4002–L4025).
    package let audit: AuditLog

    /// Links, merges and names the centres' patients (the keyed digests on `workers`).
    package static func pool(
        _ centres: [CentreResult], linkage settings: LinkageSettings?, overrides: [LinkOverride] = [],
        previous: Crosswalk? = nil, pseudonymizer: Pseudonymizer, workers: Workers = .serial
    ) throws -> PooledPatients {
        guard let settings else {
            return build(
                centres, clusters: singletons(centres), result: nil, survivorship: .defaults,
                previous: previous, pseudonymizer: pseudonymizer, workers: workers)
        }
        let (clusters, result) = try link(centres, members: members(centres), settings: settings, overrides: overrides)
        return build(
            centres, clusters: clusters, result: result, survivorship: settings.survivorship,
            previous: previous, pseudonymizer: pseudonymizer, workers: workers)
    }

    /// Every local patient its own pooled patient (no `linkage:`).
    package static func unlinked(
        _ centres: [CentreResult], previous: Crosswalk? = nil,
        pseudonymizer: Pseudonymizer
    ) -> PooledPatients {
        build(
            centres, clusters: singletons(centres), result: nil, survivorship: .defaults,
            previous: previous, pseudonymizer: pseudonymizer)
    }

    /// Every local patient by reference.
    private static func members(_ centres: [CentreResult]) -> [PatientReference: ClusterMember] {
        var members: [PatientReference: ClusterMember] = [:]
        for centre in centres {
            for patient in centre.patients {
                let m = ClusterMember(patient: patient, centre: centre.centre)
                members[m.reference] = m
            }
        }
        return members
    }

    /// One cluster per patient, in reference order (references are unique: a centre merges its
    /// records by local id).
    private static func singletons(_ centres: [CentreResult]) -> [[ClusterMember]] {
        var members: [ClusterMember] = []
        for centre in centres {
            for patient in centre.patients { members.append(ClusterMember(patient: patient, centre: centre.centre)) }
        }
        // Sorted by index: a member carries its whole patient, too big to move around in a sort.
        return members.indices.sorted { members[$0].reference < members[$1].reference }.map { [members[$0]] }
    }

    /// Survivorship, pooled ids and lineage over the clusters.
    private static func build(
        _ centres: [CentreResult], clusters: [[ClusterMember]], result: LinkageResult?,
        survivorship: SurvivorshipSettings, previous: Crosswalk?,
        pseudonymizer: Pseudonymizer, workers: Workers = .serial
    ) -> PooledPatients {
        var audit = AuditLog()
        if let result { audit.merge(result.audit) }
        var ranked: [[ClusterMember]] = []
        var merged: [(patient: LocalPatient, centre: CentreConfig)] = []
        ranked.reserveCapacity(clusters.count)
        merged.reserveCapacity(clusters.count)
        for cluster in clusters {
            if cluster.count == 1 {
                // Survivorship keeps a lone member as it is, without events.
                ranked.append(cluster)
                merged.append((cluster[0].patient, cluster[0].centre))
                continue
            }
            let order = Survivorship.ranking(cluster, settings: survivorship)
            let ordered = order.map { cluster[$0] }
            let m = Survivorship.merge(ordered, settings: survivorship)
            audit.merge(m.audit)
            ranked.append(ordered)
            merged.append((m.patient, ordered[m.survivor].centre))
        }
        let ids = PooledIDAssigner.assign(
            clusters: ranked.map { $0.map(\.reference) }, pseudonymizer: pseudonymizer,
            previous: previous, workers: workers)
        audit.merge(ids.audit)
        var pooledIDs: [PatientReference: String] = [:]
        for (cluster, id) in zip(ranked, ids.ids) { for m in cluster { pooledIDs[m.reference] = id } }
        let settle = ClusterLineage(clusters: ranked.filter { $0.count > 1 }.map { $0.map(\.linked) })
        return PooledPatients(
            patients: zip(merged, ids.ids).map { Patient(patient: $0.patient, centre: $0.centre, pooledID: $1) },
            lineage: centres.map { settle.settle($0.lineage, centre: $0.centre.id) },
            pooledIDs: pooledIDs, crosswalk: ids.crosswalk, linkage: result, audit: audit)
    }

    /// The clusters (each with every member's join probability) and the linkage result.
    private static func link(
        _ centres: [CentreResult], members: [PatientReference: ClusterMember],
        settings: LinkageSettings, overrides: [LinkOverride]
    )
        throws -> ([[ClusterMember]], LinkageResult)
    {
        var records: [LinkRecord] = []
        records.reserveCapacity(members.count)
        for centre in centres {
            for patient in centre.patients { records.append(LinkRecord(patient: patient, centre: centre.centre)) }
        }
        let result = try Linker.link(records, settings: settings, overrides: overrides)
        let clusters = result.clusters.map { cluster in
            cluster.map { i -> ClusterMember in
                var m = members[result.records[i].reference]!
                if cluster.count > 1 { m.joinProbability = result.joiningEdges[i]?.probability }
                return m
            }
        }
        return (clusters, result)
    }
}
