import Foundation
import RegpoolModel

/// `regpool diff BUILD_A BUILD_B`: what changed between two builds — per table the pooled ids
/// added, removed and changed with per-column counts and examples, per centre the source records
/// new and vanished (by record hash), and the source values newly unmapped.
package struct BuildDiff: Sendable {
    /// A source record, as source_records names it.
    package struct Record: Sendable, Equatable {
        package let file: String
        package let locator: String
        package let sha256: String
    }

    /// The source records of one centre that only one of the builds has.
    package struct CentreRecords: Sendable, Equatable {
        package let centre: String
        package let new: [Record]
        package let vanished: [Record]
    }

    /// A source value no rule maps in the second build that the first did not report.
    package struct Unmapped: Sendable, Equatable {
        package let centre: String
        package let field: String
        package let target: String
        package let value: String
        package let count: Int
        package let file: String
        package let locator: String
    }

    package let before: String
    package let after: String
    /// Every CDM table but source_records, in CDM order.
    package let tables: [TableComparison]
    /// Pooled patients (patients rows) only in the second build / only in the first.
    package let patientsAdded: [String]
    package let patientsRemoved: [String]
    /// Patients in both builds with any changed row: id → `table.column` (or `table +row`/`-row`).
    package let patientsChanged: [(id: String, changes: [String])]
    package let records: [CentreRecords]
    package let unmapped: [Unmapped]

    /// True when nothing differs.
    package var isEmpty: Bool {
        tables.allSatisfy(\.isUnchanged) && records.isEmpty && unmapped.isEmpty
    }

    /// Reads both builds and compares them.
    package static func compare(_ a: String, _ b: String) throws -> BuildDiff {
        let (ma, mb) = (try BuildManifestFile(buildPath: a), try BuildManifestFile(buildPath: b))
        let (ra, rb) = (BuildTableReader(buildPath: a), BuildTableReader(buildPath: b))
        var tables: [TableComparison] = []
        for schema in CDM.tables where schema.name != CDM.sourceRecords.name {
            tables.append(TableComparison(before: try ra.read(schema), after: try rb.read(schema)))
        }
        let patients = tables.first { $0.table == CDM.patients.name }!
        let gone = Set(patients.idsAdded + patients.idsRemoved)
        var changes: [String: [String]] = [:]
        for t in tables {
            for (id, what) in t.changesByID where !gone.contains(id) {
                changes[id, default: []] += what.map {
                    $0.hasPrefix("+") || $0.hasPrefix("-") ? "\(t.table) \($0)" : "\(t.table).\($0)"
                }
            }
            for id in t.idsAdded + t.idsRemoved where !gone.contains(id) {
                changes[id, default: []].append("\(t.table) \(t.idsAdded.contains(id) ? "+" : "-")row")
            }
        }
        let changed = changes.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, changes[$0]!) }
        return BuildDiff(
            before: ma.buildID, after: mb.buildID, tables: tables, patientsAdded: patients.idsAdded,
            patientsRemoved: patients.idsRemoved, patientsChanged: changed,
            records: records(try ra.read(CDM.sourceRecords), try rb.read(CDM.sourceRecords)),
            unmapped: unmapped(try BuildAuditFile.read(buildPath: a), try BuildAuditFile.read(buildPath: b)))
    }

    /// Per centre, records whose hash only one build has (a changed record is one vanished and one new).
    static func records(_ a: TableData, _ b: TableData) -> [CentreRecords] {
        typealias S = CDM.SourceRecords
        let (c, f, l, h) = (S.centreID.index, S.sourceFile.index, S.sourceLocator.index, S.recordSHA256.index)
        func byCentre(_ t: TableData) -> [String: [Record]] {
            Dictionary(grouping: t.rows, by: { $0[c].text }).mapValues { rows in
                rows.map { Record(file: $0[f].text, locator: $0[l].text, sha256: $0[h].text) }
            }
        }
        let (x, y) = (byCentre(a), byCentre(b))
        return Set(x.keys).union(y.keys).sorted().compactMap { centre in
            let before = Set((x[centre] ?? []).map(\.sha256))
            let after = Set((y[centre] ?? []).map(\.sha256))
            let new = (y[centre] ?? []).filter { !before.contains($0.sha256) }
            let vanished = (x[centre] ?? []).filter { !after.contains($0.sha256) }
            return new.isEmpty && vanished.isEmpty ? nil : CentreRecords(centre: centre, new: new, vanished: vanished)
        }
    }

    /// T3001 values of the second audit whose (centre, field, target, value) the first lacks.
    static func unmapped(_ a: [AuditLine], _ b: [AuditLine]) -> [Unmapped] {
        func key(_ e: AuditLine) -> String {
            [e["centre"], e["field"], e["target"], e["source_value"]].map { $0 ?? "" }.joined(separator: "\u{1F}")
        }
        let known = Set(a.filter { $0.code == "T3001" }.map(key))
        var order: [String] = []
        var found: [String: Unmapped] = [:]
        for e in b where e.code == "T3001" && !known.contains(key(e)) {
            let k = key(e)
            if let seen = found[k] {
                found[k] = Unmapped(
                    centre: seen.centre, field: seen.field, target: seen.target, value: seen.value,
                    count: seen.count + 1, file: seen.file, locator: seen.locator)
            } else {
                order.append(k)
                found[k] = Unmapped(
                    centre: e["centre"] ?? "", field: e["field"] ?? "", target: e["target"] ?? "",
                    value: e["source_value"] ?? "", count: 1, file: e["file"] ?? "", locator: e["locator"] ?? "")
            }
        }
        return order.map { found[$0]! }
    }
}
