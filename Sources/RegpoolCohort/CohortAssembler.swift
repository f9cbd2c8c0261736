import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Builds all nine CDM tables from the pooled patients.
package enum CohortAssembler {
    /// Every table of `CDM.tables`, in that order and sorted (the tables at once on `workers`),
    /// plus the audit: every centre's events, the pooling events (L4xxx) and the assembler's own (C5001).
    package static func assemble(
        _ centres: [CentreResult], pooled: PooledPatients, workers: Workers = .serial
    ) -> (tables: [TableData], audit: AuditLog) {
        var tables = TableRows()
        var audit = AuditLog()
        for centre in centres { audit.merge(centre.audit) }
        audit.merge(pooled.audit)
        // Patients in pooled_id order, so every table comes out grouped by pooled_id and sorting
        // it only orders each patient's own rows (`TableData.sorted`).
        let order = pooled.patients.indices.sorted {
            Value.compareUTF8(pooled.patients[$0].pooledID, pooled.patients[$1].pooledID) < 0
        }
        var rank: [String: Int] = [:]
        rank.reserveCapacity(order.count)
        for (r, i) in order.enumerated() { rank[pooled.patients[i].pooledID] = r }
        // Pieces of patients on `workers`, joined in order (PatientAssembly records single events only).
        let size = 4096
        let pieces = workers.map((order.count + size - 1) / size) { piece -> (TableRows, AuditLog) in
            var rows = TableRows()
            var events = AuditLog()
            for i in order[piece * size..<min(order.count, (piece + 1) * size)] {
                let p = pooled.patients[i]
                PatientAssembly.add(p.patient, pooledID: p.pooledID, centre: p.centre, to: &rows, audit: &events)
            }
            return (rows, events)
        }
        for (rows, events) in pieces {
            for (name, list) in rows.rows { tables.rows[name, default: []].append(contentsOf: list) }
            audit.merge(events)
        }
        tables.rows[CDM.sourceRecords.name] = lineageRows(centres, pooled: pooled, rank: rank)
        let unsorted = CDM.tables.map { TableData(schema: $0, rows: tables.rows.removeValue(forKey: $0.name) ?? []) }
        let sorted = workers.map(unsorted.count, costs: unsorted.map(\.rows.count)) { unsorted[$0].sorted() }
        return (sorted, audit)
    }

    /// The source_records rows: records without a pooled id first, then by the rank of their
    /// pooled id, each group in the centres' lineage order (a stable counting sort).
    private static func lineageRows(
        _ centres: [CentreResult], pooled: PooledPatients, rank: [String: Int]
    ) -> [[Value]] {
        var rows: [[Value]] = []
        var ranks: [Int] = []
        for (centre, lineage) in zip(centres, pooled.lineage) {
            for entry in lineage {
                let id =
                    entry.isAccepted
                    ? pooled.pooledIDs[PatientReference(centre: centre.centre.id, localID: entry.localPatientID)] : nil
                rows.append(LineageRow.build(entry, centre: centre.centre.id, pooledID: id))
                ranks.append(id.flatMap { rank[$0] }.map { $0 + 1 } ?? 0)
            }
        }
        var starts = [Int](repeating: 0, count: rank.count + 2)
        for r in ranks { starts[r + 1] += 1 }
        for i in 1..<starts.count { starts[i] += starts[i - 1] }
        var placed = [Int](repeating: 0, count: rows.count)
        for (i, r) in ranks.enumerated() {
            placed[starts[r]] = i
            starts[r] += 1
        }
        return placed.map { rows[$0] }
    }

    /// The tables with every local patient its own pooled patient (no linkage, no crosswalk).
    package static func assemble(
        _ centres: [CentreResult], pseudonymizer: Pseudonymizer
    )
        -> (tables: [TableData], audit: AuditLog)
    {
        assemble(centres, pooled: PooledPatients.unlinked(centres, pseudonymizer: pseudonymizer))
    }
}

/// Rows collected per table name.
struct TableRows {
    var rows: [String: [[Value]]] = [:]

    mutating func append(_ schema: TableSchema, _ row: [Value]) {
        rows[schema.name, default: []].append(row)
    }
}

/// The `source_records` row of one lineage entry.
enum LineageRow {
    static func build(_ e: LineageEntry, centre: String, pooledID: String?) -> [Value] {
        typealias S = CDM.SourceRecords
        var row = [Value](repeating: .null, count: S.schema.columns.count)
        row[S.pooledID.index] = pooledID.map(Value.string) ?? .null
        row[S.centreID.index] = .string(centre)
        row[S.localPatientID.index] = .string(e.localPatientID)
        row[S.sourceFile.index] = .string(e.file)
        row[S.sourceLocator.index] = .string(e.locator)
        row[S.recordSHA256.index] = .string(e.sha256)
        row[S.status.index] = .string(e.status.rawValue)
        row[S.matchProbability.index] = e.matchProbability.map(Value.double) ?? .null
        row[S.rejectReason.index] = e.rejectReason.map(Value.string) ?? .null
        return row
    }
}
