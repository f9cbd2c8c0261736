import RegpoolModel

/// The Table 1 variables of every analysed patient: analysis_cohort's, plus a few from patients.
struct CohortValues {
    /// A Table 1 variable: its column and the table it comes from.
    struct Variable: Sendable {
        let name: String
        let table: TableSchema
        var column: ColumnSchema { table.column(name)! }
    }

    static let variables: [Variable] =
        ["age_at_len_start", "age_75_plus", "sex", "region", "cohort_source", "karyotype_category",
         "adverse_karyotype", "raeb_at_len_start", "therapy_related", "len_responded", "len_dose_10mg",
         "len_duration_months", "failure_type", "first_line_category", "allo_sct"].map { Variable(name: $0, table: CDM.analysisCohort) }
        + ["who_class", "ipss_risk", "tp53_status", "del5q_method", "hb_g_dl", "platelets_g_l", "anc_g_l",
           "rbc_transfusion_dependent", "prior_esa", "prior_hma"].map { Variable(name: $0, table: CDM.patients) }

    /// pooled_id of each analysed patient, in the cohort's row order.
    let pooledIDs: [String]
    /// values[v][i]: variable v of patient i.
    let values: [[Value]]
    /// The analysis_cohort rows.
    let cohort: TableData

    init(cohort: TableData, patients: TableData) {
        self.cohort = cohort
        pooledIDs = cohort.column("pooled_id").map(\.text)
        let patientRows = ColumnReader(table: patients).byPooledID()
        values = Self.variables.map { variable in
            if variable.table.name == CDM.analysisCohort.name { return cohort.column(variable.name) }
            let index = CDM.patients.index(of: variable.name)!
            return cohort.column("pooled_id").map { patientRows[$0.text]?[index] ?? .null }
        }
    }
}
