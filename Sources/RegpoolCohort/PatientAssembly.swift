import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Turns one local patient into its rows of the CDM tables.
package enum PatientAssembly {
    /// Adds the patient's patients, child, outcomes and cohort rows, with `pooledID`.
    static func add(
        _ p: LocalPatient, pooledID: String, centre: CentreConfig, to tables: inout TableRows,
        audit: inout AuditLog
    ) {
        let patientsRow = patientsRow(p, pooledID: pooledID, centre: centre)
        tables.append(CDM.patients, patientsRow)
        for schema in CDM.childTables {
            for row in p.rows(schema.name) { tables.append(schema, withPooledID(row, pooledID)) }
        }
        let outcomes = p.outcomes.map { withPooledID($0, pooledID) }
        if let outcomes { tables.append(CDM.outcomes, outcomes) }
        let facts = PatientFacts(
            patients: patientsRow, outcomes: outcomes, courses: p.rows(CDM.lenCourses.name),
            lines: p.rows(CDM.treatmentLines.name), transplants: p.rows(CDM.transplants.name))
        addCohortRow(facts, pooledID: pooledID, centre: centre.id, to: &tables, audit: &audit)
    }

    /// The patients row: merged values plus pooled_id, region, cohort_source, n_source_records.
    static func patientsRow(_ p: LocalPatient, pooledID: String, centre: CentreConfig) -> [Value] {
        let s = CDM.patients
        var row = p.patients ?? [Value](repeating: .null, count: s.columns.count)
        typealias P = CDM.Patients
        row[P.pooledID.index] = .string(pooledID)
        row[P.region.index] = .string(centre.region)
        row[P.cohortSource.index] = .string(centre.cohortSource)
        row[P.nSourceRecords.index] = .int32(Int32(clamping: p.recordCount))
        return row
    }

    /// Either an analysis_cohort row or an exclusions row (+ C5001).
    private static func addCohortRow(
        _ facts: PatientFacts, pooledID: String, centre: String,
        to tables: inout TableRows, audit: inout AuditLog
    ) {
        let exclusion = Eligibility.evaluate(facts)
        if exclusion == nil, let row = AnalysisRow.build(pooledID: pooledID, facts: facts) {
            tables.append(CDM.analysisCohort, row)
            return
        }
        let e =
            exclusion ?? Exclusion(reason: "inconsistent_dates", detail: "a required analysis variable is not known")
        tables.append(
            CDM.exclusions,
            Row<CDM.Exclusions>([
                CDM.Exclusions.pooledID: .string(pooledID), CDM.Exclusions.reason: .string(e.reason),
                CDM.Exclusions.detail: .string(e.detail),
            ]).values)
        audit.record(
            AuditEvent(
                .patientExcluded, centre: centre, locator: "pooled_id=\(pooledID)",
                targetValue: e.reason,
                message: "patient \(pooledID) is not in analysis_cohort (\(e.reason)): \(e.detail)"))
    }

    private static func withPooledID(_ row: [Value], _ id: String) -> [Value] {
        var row = row
        row[0] = .string(id)
        return row
    }
}
