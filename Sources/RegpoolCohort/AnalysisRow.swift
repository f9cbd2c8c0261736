import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Builds the analysis_cohort row of an eligible patient.
enum AnalysisRow {
    /// The row for `pooledID`; the patient must have passed `Eligibility` (an index course with a failure).
    static func build(pooledID: String, facts f: PatientFacts) -> [Value]? {
        guard let course = f.indexCourse, let failure = course.failureDate, let failureType = course.failureType,
            let outcome = f.outcome
        else { return nil }
        let V = AnalysisVariables.self
        typealias C = CDM.AnalysisCohort
        let age = V.ageAtLenStart(birthYear: f.birthYear, lenStart: f.lenStart)
        let dead = outcome.vitalStatus == "dead"
        guard
            let os = V.osMonths(
                dead: dead, deathDate: outcome.deathDate, lastContact: outcome.lastContact,
                failure: failure)
        else { return nil }
        let aml = V.aml(amlDate: outcome.amlDate, lastContact: outcome.lastContact, failure: failure)
        var row = [Value](repeating: .null, count: C.schema.columns.count)
        row[C.pooledID.index] = .string(pooledID)
        row[C.ageAtLENStart.index] = double(age)
        row[C.age75Plus.index] = bool(V.age75Plus(age: age))
        row[C.sex.index] = string(f.sex)
        row[C.region.index] = string(f.region)
        row[C.cohortSource.index] = string(f.cohortSource)
        row[C.karyotypeCategory.index] = string(f.karyotype)
        row[C.adverseKaryotype.index] = bool(V.adverseKaryotype(f.karyotype))
        row[C.raebAtLENStart.index] = bool(V.raebAtLenStart(whoClass: f.whoClass, blasts: f.blasts))
        row[C.therapyRelated.index] = bool(f.therapyRelated)
        row[C.lenResponded.index] = bool(course.responded)
        row[C.lenDose10mg.index] = bool(V.lenDose10mg(course.dose))
        row[C.lenDurationMonths.index] = double(
            V.lenDurationMonths(start: course.start, end: course.end, failure: failure))
        row[C.failureType.index] = .string(failureType)
        row[C.firstLineCategory.index] = .string(V.firstLineCategory(lines: f.lines.map { ($0.number, $0.category) }))
        row[C.alloSct.index] = .bool(V.alloSCT(transplantDates: f.transplantDates, failure: failure))
        row[C.osMonths.index] = .double(os)
        row[C.osEvent.index] = .bool(dead)
        row[C.amlMonths.index] = double(aml.months)
        row[C.amlEvent.index] = aml.months == nil ? .null : .bool(aml.event)
        return row
    }

    private static func double(_ d: Double?) -> Value { d.map(Value.double) ?? .null }
    private static func bool(_ b: Bool?) -> Value { b.map(Value.bool) ?? .null }
    private static func string(_ s: String?) -> Value { s.map(Value.string) ?? .null }
}
