import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Merges the members of one cluster (local patients of different centres found to be the same
/// person) into one patient, following docs/linkage.md, "Survivorship".
package enum Survivorship {
    /// The merged patient, the index (in `members`) of the survivor, and the events L4020–L4023.
    ///
    /// Members are ranked by their centre's `cohort_source` in `settings.sourcePriority` (an
    /// unlisted source after every listed one), then by `PatientReference`; the first is the
    /// survivor and gives `localID`. `recordCount` and `patientRecordCount` are the members' sums.
    /// A cluster of one member is returned unchanged, without events. `members` must not be empty.
    package static func merge(
        _ members: [ClusterMember], settings: SurvivorshipSettings
    )
        -> (patient: LocalPatient, survivor: Int, audit: AuditLog)
    {
        precondition(!members.isEmpty, "Survivorship.merge needs at least one member")
        if members.count == 1 { return (members[0].patient, 0, AuditLog()) }
        let ranked = ranking(members, settings: settings).map { RankedMember(index: $0, member: members[$0]) }
        var audit = AuditLog()
        let patients = PatientsSurvivorship.merge(ranked, audit: &audit)
        let outcomes = OutcomesSurvivorship.merge(ranked, audit: &audit)
        var children: [String: [[Value]]] = [:]
        let dedup = ChildRowSurvivorship(toleranceDays: settings.dateToleranceDays)
        for schema in CDM.childTables {
            let rows = dedup.merge(schema, ranked, audit: &audit)
            if !rows.isEmpty { children[schema.name] = rows }
        }
        let survivor = ranked[0].patient
        var merged = LocalPatient(
            localID: survivor.localID, patients: patients, outcomes: outcomes.row, outcomesOrigin: outcomes.origin,
            childRows: children, recordCount: ranked.reduce(0) { $0 + $1.patient.recordCount },
            patientRecordCount: ranked.reduce(0) { $0 + $1.patient.patientRecordCount })
        merged.linkKeys = linkKeys(ranked)
        return (merged, ranked[0].index, audit)
    }

    /// The indexes of `members` in survivorship order: source priority, then `PatientReference`.
    package static func ranking(_ members: [ClusterMember], settings: SurvivorshipSettings) -> [Int] {
        let priority = members.map { m in
            settings.sourcePriority.firstIndex(of: m.centre.cohortSource) ?? settings.sourcePriority.count
        }
        return members.indices.sorted { a, b in
            if priority[a] != priority[b] { return priority[a] < priority[b] }
            if members[a].reference != members[b].reference { return members[a].reference < members[b].reference }
            return a < b
        }
    }

    /// Every member's link keys; a name several members carry keeps the highest-ranked member's value.
    private static func linkKeys(_ ranked: [RankedMember]) -> [String: String] {
        var keys: [String: String] = [:]
        for m in ranked {
            keys.merge(m.patient.linkKeys) { kept, _ in kept }
        }
        return keys
    }
}
