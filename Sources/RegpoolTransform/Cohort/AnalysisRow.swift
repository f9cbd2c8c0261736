import RegpoolModel

/// Builds the analysis_cohort row of an eligible patient.
enum AnalysisRow {
    /// The row for `pooledID`; the patient must have passed `Eligibility` (an index course with a failure).
    static func build(pooledID: String, facts f: PatientFacts) -> [Value]? {
        guard let course = f.indexCourse, let failure = course.failureDate, let failureType = course.failureType,
            let outcome = f.outcome else { return nil }
        let V = AnalysisVariables.self
        let age = V.ageAtLenStart(birthYear: f.birthYear, lenStart: f.lenStart)
        let dead = outcome.vitalStatus == "dead"
        guard let os = V.osMonths(dead: dead, deathDate: outcome.deathDate, lastContact: outcome.lastContact,
                                  failure: failure) else { return nil }
        let aml = V.aml(amlDate: outcome.amlDate, lastContact: outcome.lastContact, failure: failure)
        return RowAccess.build(CDM.analysisCohort, [
            ("pooled_id", .string(pooledID)),
            ("age_at_len_start", double(age)),
            ("age_75_plus", bool(V.age75Plus(age: age))),
            ("sex", string(f.sex)),
            ("region", string(f.region)),
            ("cohort_source", string(f.cohortSource)),
            ("karyotype_category", string(f.karyotype)),
            ("adverse_karyotype", bool(V.adverseKaryotype(f.karyotype))),
            ("raeb_at_len_start", bool(V.raebAtLenStart(whoClass: f.whoClass, blasts: f.blasts))),
            ("therapy_related", bool(f.therapyRelated)),
            ("len_responded", bool(course.responded)),
            ("len_dose_10mg", bool(V.lenDose10mg(course.dose))),
            ("len_duration_months", double(V.lenDurationMonths(start: course.start, end: course.end, failure: failure))),
            ("failure_type", .string(failureType)),
            ("first_line_category", .string(V.firstLineCategory(lines: f.lines.map { ($0.number, $0.category) }))),
            ("allo_sct", .bool(V.alloSCT(transplantDates: f.transplantDates, failure: failure))),
            ("os_months", .double(os)),
            ("os_event", .bool(dead)),
            ("aml_months", double(aml.months)),
            ("aml_event", aml.months == nil ? .null : .bool(aml.event)),
        ])
    }

    private static func double(_ d: Double?) -> Value { d.map(Value.double) ?? .null }
    private static func bool(_ b: Bool?) -> Value { b.map(Value.bool) ?? .null }
    private static func string(_ s: String?) -> Value { s.map(Value.string) ?? .null }
}
