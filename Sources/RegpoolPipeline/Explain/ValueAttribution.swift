import RegpoolCohort
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Which source values competed for each CDM value of one patient, which won and why — from the
/// records' mapping previews and the build's link events (`regpool explain`).
struct ValueAttribution {
    let records: [PatientExplanation.Record]
    let previews: [(PatientExplanation.Record, PreviewRow)]
    let events: [AuditLine]

    /// The member whose records are `survivor` in source_records.
    var survivor: String? { records.first { $0.status == "survivor" }?.member }

    /// Every value of the patient's rows in `finals` (pooled_id left out), tables in CDM order.
    func values(_ finals: [TableData]) -> [PatientExplanation.ValueLineage] {
        finals.flatMap { table in
            table.rows.flatMap { row in
                let key = table.schema.naturalKey.map { "\($0)=\(row[table.schema.index(of: $0)!].text)" }.joined(
                    separator: " ")
                let sources = previews.filter {
                    $0.1.table == table.schema.name
                        && matches($0.1, key: table.schema.naturalKey, row: row, schema: table.schema)
                }
                return table.schema.columns.enumerated().filter { $0.element.name != "pooled_id" }.map {
                    index, column in
                    lineage(table.schema.name, key, column.name, row[index], sources)
                }
            }
        }
    }

    /// True when a preview row has the final row's natural key (or the table has none).
    private func matches(_ preview: PreviewRow, key: [String], row: [Value], schema: TableSchema) -> Bool {
        key.allSatisfy { name in
            preview.cells.first { $0.column == name }.map { $0.value == row[schema.index(of: name)!] } ?? false
        }
    }

    private func lineage(
        _ table: String, _ row: String, _ column: String, _ value: Value,
        _ sources: [(PatientExplanation.Record, PreviewRow)]
    ) -> PatientExplanation.ValueLineage {
        let candidates = sources.compactMap { record, preview -> PatientExplanation.Candidate? in
            guard let cell = preview.cells.first(where: { $0.column == column }), cell.rule != nil || !cell.value.isNull
            else { return nil }
            return PatientExplanation.Candidate(
                record: record, field: cell.field, sourceText: cell.sourceText, rule: cell.rule,
                conversion: cell.conversion, value: cell.value,
                wins: !value.isNull && cell.value == value)
        }
        return PatientExplanation.ValueLineage(
            table: table, row: row, column: column, value: value, candidates: candidates,
            why: why(table, row, column, value, candidates))
    }

    /// The reason in words, from the link events on this column, else from who gave the value.
    private func why(
        _ table: String, _ row: String, _ column: String, _ value: Value,
        _ candidates: [PatientExplanation.Candidate]
    ) -> String {
        let target = "\(table).\(column)"
        let about = { (e: AuditLine) in Self.isAbout(e, target: target, row: row, value: value) }
        if let filled = events.first(where: { $0.code == "L4020" && about($0) }) {
            return
                "filled from \(filled["centre"] ?? "?"):\(Self.local(filled["locator"])) — \(filled["rule"] ?? "survivorship") (L4020)"
        }
        if let conflict = events.first(where: { ["L4021", "L4022"].contains($0.code) && about($0) }) {
            return "members disagree (\(conflict["source_value"] ?? "null") vs \(conflict["target_value"] ?? "null")): "
                + "\(conflict["rule"] ?? "survivorship") (\(conflict.code))"
        }
        let winners = candidates.filter(\.wins)
        if let survivor, winners.contains(where: { $0.record.member == survivor }) {
            let merged = events.first { e in
                e.code == "L4001"
                    && records.contains {
                        $0.status == "survivor" && $0.centre == e["centre"] && $0.file == e["file"]
                            && $0.locator == e["locator"]
                    }
            }
            return "the survivor's value (\(survivor))"
                + (merged.map { "; its records merged: \($0["rule"] ?? "")" } ?? "")
        }
        if let winner = winners.first { return "from \(winner.record.member)" }
        if value.isNull {
            return candidates.isEmpty ? "no record gives it" : "no record's value was kept (see the events)"
        }
        if table == CDM.analysisCohort.name || table == CDM.exclusions.name {
            return "derived by the cohort rules (docs/cohort.md)"
        }
        return candidates.isEmpty
            ? "derived by regpool (pipeline settings, record counts, derivations)"
            : "derived or converted by regpool from the values below"
    }

    /// True when a link event is about this value: same `table.column`; for a child row also the
    /// value kept and the row's natural key (dates aside: rows within the tolerance are one row).
    static func isAbout(_ e: AuditLine, target: String, row: String, value: Value) -> Bool {
        guard e["target"] == target else { return false }
        if row.isEmpty { return true }
        guard e["target_value"] == (value.isNull ? nil : value.text) else { return false }
        let ours = Set(row.split(separator: " ").filter { !$0.contains("date=") })
        let theirs = (e["locator"] ?? "").split(separator: " ").dropFirst().filter { !$0.contains("date=") }
        return theirs.allSatisfy(ours.contains)
    }

    /// The local id of a `local_id=X …` locator.
    static func local(_ locator: String?) -> String {
        guard let locator, locator.hasPrefix("local_id=") else { return "?" }
        return locator.dropFirst("local_id=".count).split(separator: " ", maxSplits: 1).first.map(String.init) ?? "?"
    }
}
