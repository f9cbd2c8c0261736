import RegpoolModel

/// The Table 1 variables of every analysed patient: analysis_cohort's, plus a few from patients.
struct CohortValues {
    /// A Table 1 variable: a column of analysis_cohort or of patients.
    enum Variable: Sendable {
        case cohort(Column<CDM.AnalysisCohort>)
        case patient(Column<CDM.Patients>)

        /// The column's name in the contract.
        var name: String {
            switch self {
            case .cohort(let c): return c.name
            case .patient(let c): return c.name
            }
        }

        /// The name of the column's table.
        var tableName: String {
            switch self {
            case .cohort: return CDM.analysisCohort.name
            case .patient: return CDM.patients.name
            }
        }

        /// The column's schema (type, tokens).
        var column: ColumnSchema {
            switch self {
            case .cohort(let c): return c.schema
            case .patient(let c): return c.schema
            }
        }
    }

    static let variables: [Variable] = {
        typealias C = CDM.AnalysisCohort
        typealias P = CDM.Patients
        let cohort = [
            C.ageAtLENStart, C.age75Plus, C.sex, C.region, C.cohortSource, C.karyotypeCategory, C.adverseKaryotype,
            C.raebAtLENStart, C.therapyRelated, C.lenResponded, C.lenDose10mg, C.lenDurationMonths, C.failureType,
            C.firstLineCategory, C.alloSct,
        ]
        let patient = [
            P.whoClass, P.ipssRisk, P.tp53Status, P.del5qMethod, P.hbGDl, P.plateletsGL, P.ancGL,
            P.rbcTransfusionDependent, P.priorESA, P.priorHMA,
        ]
        return cohort.map(Variable.cohort) + patient.map(Variable.patient)
    }()

    /// pooled_id of each analysed patient, in the cohort's row order.
    let pooledIDs: [String]
    /// values[v][i]: variable v of patient i.
    let values: [[Value]]
    /// The analysis_cohort rows.
    let cohort: TableData

    init(cohort: TableData, patients: TableData) {
        self.cohort = cohort
        pooledIDs = cohort.column(CDM.AnalysisCohort.pooledID).map(\.text)
        // Each analysed patient's patients row, found once (not once per variable).
        let patientRows = ColumnReader(table: patients).byPooledID()
        let rows = pooledIDs.map { patientRows[$0] }
        values = Self.variables.map { variable in
            switch variable {
            case .cohort(let c): return cohort.column(c)
            case .patient(let c): return rows.map { $0?[c.index] ?? .null }
            }
        }
    }
}
