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
        return Row<S>([
            S.pooledID: pooledID.map(Value.string) ?? .null,
            S.centreID: .string(centre),
            S.localPatientID: .string(e.localPatientID),
            S.sourceFile: .string(e.file),
            S.sourceLocator: .string(e.locator),
            S.recordSHA256: .string(e.sha256),
            S.status: .string(e.status.rawValue),
            S.matchProbability: e.matchProbability.map(Value.double) ?? .null,
            S.rejectReason: e.rejectReason.map(Value.string) ?? .null,
        ]).values
    }
}
