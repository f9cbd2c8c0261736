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
    /// The source_records columns this row fills, in `build`'s order.
    static let layout = RowLayout(CDM.sourceRecords, [
        "pooled_id", "centre_id", "local_patient_id", "source_file", "source_locator", "record_sha256", "status",
        "match_probability", "reject_reason",
    ])

    static func build(_ e: LineageEntry, centre: String, pooledID: String?) -> [Value] {
        layout.build([
            pooledID.map(Value.string) ?? .null,
            .string(centre),
            .string(e.localPatientID),
            .string(e.file),
            .string(e.locator),
            .string(e.sha256),
            .string(e.status.rawValue),
            e.matchProbability.map(Value.double) ?? .null,
            e.rejectReason.map(Value.string) ?? .null,
        ])
    }
}
