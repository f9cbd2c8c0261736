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
        let contributed = contributions(sourceRecords)
        var row: [String: Int] = [:]
        for (i, id) in cohort.pooledIDs.enumerated() { row[id] = i }
        return contributed.keys.sorted { Value.compareUTF8($0, $1) < 0 }.map { centre in
            let members = contributed[centre]!.compactMap { row[$0] }
            let known = cohort.values.map { column in members.filter { !column[$0].isNull }.count }
            return CentreCompleteness(
                centre: centre, patients: contributed[centre]!.count, analysed: members.count, known: known)
        }
    }

    /// Per centre, the distinct pooled ids of its records that were not rejected. Rows in
    /// pooled_id order (as a build writes them) are read a patient at a time; others through a set.
    private static func contributions(_ sourceRecords: TableData) -> [String: [String]] {
        typealias S = CDM.SourceRecords
        let (centreIndex, idIndex, statusIndex) = (S.centreID.index, S.pooledID.index, S.status.index)
        precondition(sourceRecords.schema.name == S.schema.name, "contributions read from \(sourceRecords.schema.name)")
        var contributed: [String: [String]] = [:]
        guard let runs = SortKeyEncoding.runs(of: sourceRecords.rows, column: idIndex) else {
            var sets: [String: Set<String>] = [:]
            for r in sourceRecords.rows where r[statusIndex].stringValue != "rejected" {
                guard let id = r[idIndex].stringValue else { continue }
                sets[r[centreIndex].text, default: []].insert(id)
            }
            return sets.mapValues(Array.init)
        }
        for run in runs {
            guard let id = sourceRecords.rows[run.lowerBound][idIndex].stringValue else { continue }
            var seen: [String] = []
            for r in sourceRecords.rows[run] where r[statusIndex].stringValue != "rejected" {
                let centre = r[centreIndex].text
                if !seen.contains(centre) { seen.append(centre) }
            }
            for centre in seen { contributed[centre, default: []].append(id) }
        }
        return contributed
    }
}
