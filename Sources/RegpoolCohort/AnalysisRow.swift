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
        return Row<CDM.AnalysisCohort>([
            C.pooledID: .string(pooledID),
            C.ageAtLENStart: double(age),
            C.age75Plus: bool(V.age75Plus(age: age)),
            C.sex: string(f.sex),
            C.region: string(f.region),
            C.cohortSource: string(f.cohortSource),
            C.karyotypeCategory: string(f.karyotype),
            C.adverseKaryotype: bool(V.adverseKaryotype(f.karyotype)),
            C.raebAtLENStart: bool(V.raebAtLenStart(whoClass: f.whoClass, blasts: f.blasts)),
            C.therapyRelated: bool(f.therapyRelated),
            C.lenResponded: bool(course.responded),
            C.lenDose10mg: bool(V.lenDose10mg(course.dose)),
            C.lenDurationMonths: double(V.lenDurationMonths(start: course.start, end: course.end, failure: failure)),
            C.failureType: .string(failureType),
            C.firstLineCategory: .string(V.firstLineCategory(lines: f.lines.map { ($0.number, $0.category) })),
            C.alloSct: .bool(V.alloSCT(transplantDates: f.transplantDates, failure: failure)),
            C.osMonths: .double(os),
            C.osEvent: .bool(dead),
            C.amlMonths: double(aml.months),
            C.amlEvent: aml.months == nil ? .null : .bool(aml.event),
        ]).values
    }

    private static func double(_ d: Double?) -> Value { d.map(Value.double) ?? .null }
    private static func bool(_ b: Bool?) -> Value { b.map(Value.bool) ?? .null }
    private static func string(_ s: String?) -> Value { s.map(Value.string) ?? .null }
}
