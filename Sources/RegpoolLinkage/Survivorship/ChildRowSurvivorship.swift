import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The child rows of a cluster: the union over its members, where a row of a lower-ranked member
/// that matches a row of a higher-ranked one (same natural key, dates within the tolerance) is
/// one row with it — the higher-ranked row kept, its nulls filled (L4023, L4020; other
/// differing values L4021).
struct ChildRowSurvivorship {
    let toleranceDays: Int

    /// One merged row: its values, the member it came from and that member's ranked position.
    private struct MergedRow {
        var values: [Value]
        let owner: Int
        let member: RankedMember
    }

    /// The merged rows of `schema`, sorted by natural key.
    func merge(_ schema: TableSchema, _ ranked: [RankedMember], audit: inout AuditLog) -> [[Value]] {
        let key = ChildRowKey(schema)
        var merged: [MergedRow] = []
        for (owner, m) in ranked.enumerated() {
            var absorbed = Set<Int>()
            for (i, row) in key.sorted(m.patient.rows(schema.name)) {
                let target = owner == 0 ? nil : bestMatch(row, key, merged, owner: owner, excluding: absorbed)
                guard let target else {
                    merged.append(MergedRow(values: row, owner: owner, member: m))
                    continue
                }
                absorbed.insert(target)
                absorb(row, of: m, at: i, into: &merged[target], key, audit: &audit)
            }
        }
        return key.sorted(merged.map(\.values)).map(\.1)
    }

    /// The merged row of a higher-ranked member that `row` is one with: natural key equal, dates
    /// within the tolerance; the nearest date wins, then the earlier row.
    private func bestMatch(
        _ row: [Value], _ key: ChildRowKey, _ merged: [MergedRow], owner: Int,
        excluding absorbed: Set<Int>
    ) -> Int? {
        var best: (index: Int, distance: Int)?
        for (j, candidate) in merged.enumerated() where candidate.owner != owner && !absorbed.contains(j) {
            guard let distance = key.distance(row, candidate.values), distance <= toleranceDays else { continue }
            if best == nil || distance < best!.distance { best = (j, distance) }
        }
        return best?.index
    }

    /// Fills the kept row's nulls from `row` and audits the match.
    private func absorb(
        _ row: [Value], of m: RankedMember, at i: Int, into kept: inout MergedRow, _ key: ChildRowKey,
        audit: inout AuditLog
    ) {
        let table = key.schema.name
        let keptKey = key.text(kept.values)
        let droppedKey = key.text(row)
        var filled: [String] = []
        for (c, column) in key.schema.columns.enumerated() where c > 0 && !key.columns.contains(c) && !row[c].isNull {
            if kept.values[c].isNull {
                kept.values[c] = row[c]
                filled.append(column.name)
                audit.record(
                    m.event(
                        .valueFilled, table: table, row: i, column: c, key: droppedKey, sourceValue: row[c],
                        targetValue: row[c], rule: rule,
                        message: "\(table).\(column.name) = \(row[c].text) of the row "
                            + "\(keptKey) comes from \(m.label)'s row \(droppedKey): \(kept.member.label) did not send it"
                    ))
            } else if !survivorshipAgrees(row[c], kept.values[c]) {
                audit.record(
                    m.event(
                        .valuesConflicting, table: table, row: i, column: c, key: droppedKey,
                        sourceValue: row[c], targetValue: kept.values[c], rule: rule,
                        message: "\(m.label) sent \(table)."
                            + "\(column.name) = \(row[c].text) in its row \(droppedKey), \(kept.member.label) sent "
                            + "\(kept.values[c].text) in the same row \(keptKey); \(kept.member.label)'s value is kept")
                )
            }
        }
        let gaps = filled.isEmpty ? "no gap filled" : "filled: " + filled.joined(separator: ", ")
        audit.record(
            m.event(
                .childRowDeduplicated, table: table, row: i, column: key.reported, key: droppedKey,
                sourceValue: .string(droppedKey), targetValue: .string(keptKey), rule: rule,
                message: "\(table) row \(droppedKey) of \(m.label) is the row \(keptKey) of \(kept.member.label) "
                    + "(same natural key\(key.dateColumn == nil ? "" : ", dates within \(toleranceDays) days")); "
                    + "\(kept.member.label)'s row is kept (\(gaps))"))
    }

    private var rule: String { "survivorship: child rows one by natural key, dates within \(toleranceDays) days" }
}
