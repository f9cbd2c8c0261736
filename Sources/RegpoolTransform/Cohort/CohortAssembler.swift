import RegpoolConfig
import RegpoolModel

/// Builds all nine CDM tables from the centres' results.
public enum CohortAssembler {
    /// Every table of `CDM.tables`, in that order and sorted, plus the audit: every centre's
    /// events followed by the assembler's own (T3006, T3008, C5001).
    public static func assemble(_ centres: [CentreResult], pseudonymizer: Pseudonymizer)
        -> (tables: [TableData], audit: AuditLog)
    {
        var tables = TableRows()
        var audit = AuditLog()
        for centre in centres {
            audit.merge(centre.audit)
            var pooled: [String: String] = [:]
            for patient in centre.patients {
                let id = pseudonymizer.pooledID(centre: centre.centre.id, localID: patient.localID)
                pooled[patient.localID] = id
                PatientAssembly.add(patient, pooledID: id, centre: centre.centre, to: &tables, audit: &audit)
            }
            for entry in centre.lineage {
                tables.append(CDM.sourceRecords, LineageRow.build(entry, centre: centre.centre.id,
                    pooledID: entry.isAccepted ? pooled[entry.localPatientID] : nil))
            }
        }
        return (CDM.tables.map { TableData(schema: $0, rows: tables.rows[$0.name] ?? []).sorted() }, audit)
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
        RowAccess.build(CDM.sourceRecords, [
            ("pooled_id", pooledID.map(Value.string) ?? .null),
            ("centre_id", .string(centre)),
            ("local_patient_id", .string(e.localPatientID)),
            ("source_file", .string(e.file)),
            ("source_locator", .string(e.locator)),
            ("record_sha256", .string(e.sha256)),
            ("status", .string(e.status.rawValue)),
            ("match_probability", e.matchProbability.map(Value.double) ?? .null),
            ("reject_reason", e.rejectReason.map(Value.string) ?? .null),
        ])
    }
}
