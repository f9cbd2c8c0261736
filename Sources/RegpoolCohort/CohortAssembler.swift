import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Builds all nine CDM tables from the pooled patients.
package enum CohortAssembler {
    /// Every table of `CDM.tables`, in that order and sorted, plus the audit: every centre's
    /// events, the pooling events (L4xxx) and the assembler's own (C5001).
    package static func assemble(
        _ centres: [CentreResult], pooled: PooledPatients
    ) -> (tables: [TableData], audit: AuditLog) {
        var tables = TableRows()
        var audit = AuditLog()
        for centre in centres { audit.merge(centre.audit) }
        audit.merge(pooled.audit)
        for p in pooled.patients {
            PatientAssembly.add(p.patient, pooledID: p.pooledID, centre: p.centre, to: &tables, audit: &audit)
        }
        for (centre, lineage) in zip(centres, pooled.lineage) {
            for entry in lineage {
                let id =
                    entry.isAccepted
                    ? pooled.pooledIDs[PatientReference(centre: centre.centre.id, localID: entry.localPatientID)] : nil
                tables.append(CDM.sourceRecords, LineageRow.build(entry, centre: centre.centre.id, pooledID: id))
            }
        }
        return (CDM.tables.map { TableData(schema: $0, rows: tables.rows[$0.name] ?? []).sorted() }, audit)
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
