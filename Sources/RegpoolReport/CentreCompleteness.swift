import RegpoolModel

/// Per centre: the pooled patients it contributed, and how complete each Table 1 variable is for them.
struct CentreCompleteness {
    let centre: String
    let patients: Int
    /// Of those, the analysed ones (completeness is over these).
    let analysed: Int
    /// known[v]: analysed patients of this centre whose variable v is known.
    let known: [Int]

    /// One entry per centre, by centre id (UTF-8 order); a patient counts for every centre that sent one of its records.
    static func all(sourceRecords: TableData, cohort: CohortValues) -> [CentreCompleteness] {
        let centres = sourceRecords.column(CDM.SourceRecords.centreID)
        let ids = sourceRecords.column(CDM.SourceRecords.pooledID)
        let status = sourceRecords.column(CDM.SourceRecords.status)
        var contributed: [String: Set<String>] = [:]
        for i in centres.indices where status[i].stringValue != "rejected" {
            guard let id = ids[i].stringValue else { continue }
            contributed[centres[i].text, default: []].insert(id)
        }
        var row: [String: Int] = [:]
        for (i, id) in cohort.pooledIDs.enumerated() { row[id] = i }
        return contributed.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { centre in
            let members = contributed[centre]!.compactMap { row[$0] }
            let known = cohort.values.map { column in members.filter { !column[$0].isNull }.count }
            return CentreCompleteness(
                centre: centre, patients: contributed[centre]!.count, analysed: members.count, known: known)
        }
    }
}
