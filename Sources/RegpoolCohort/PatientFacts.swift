import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// One LEN course, typed.
struct CourseFacts: Sendable, Equatable {
    var number: Int32
    var start: Int32?
    var end: Int32? = nil
    var dose: Double? = nil
    var combinedWith: String? = nil
    var setting: String? = nil
    var responded: Bool? = nil
    var failureDate: Int32? = nil
    var failureType: String? = nil

    /// True when the course documents a LEN failure (date and type).
    var hasFailure: Bool { failureDate != nil && failureType != nil }
}

/// One treatment line after LEN failure, typed.
struct LineFacts: Sendable, Equatable {
    var number: Int32
    var category: String
}

/// The follow-up of a patient, typed (after the consistency rules).
struct OutcomeFacts: Sendable, Equatable {
    var vitalStatus: String?
    var deathDate: Int32? = nil
    var lastContact: Int32? = nil
    var amlDate: Int32? = nil
}

/// What the eligibility rules and the analysis variables read about one patient.
struct PatientFacts: Sendable, Equatable {
    var sex: String? = nil
    var birthYear: Int32? = nil
    var region: String? = nil
    var cohortSource: String? = nil
    var diagnosisDate: Int32? = nil
    var whoClass: String? = nil
    var therapyRelated: Bool? = nil
    var blasts: Double? = nil
    var del5qMethod: String? = nil
    var karyotype: String? = nil
    /// Courses by course number.
    var courses: [CourseFacts] = []
    /// Treatment lines after failure: (line number, category).
    var lines: [LineFacts] = []
    var transplantDates: [Int32] = []
    /// nil when the patient has no (kept) outcomes row.
    var outcome: OutcomeFacts? = nil

    /// The first course (lowest number) with a documented failure, else the first course.
    var indexCourse: CourseFacts? { courses.first(where: \.hasFailure) ?? courses.first }

    /// The start of LEN: the first course's start date.
    var lenStart: Int32? { courses.first?.start }

}

extension PatientFacts {
    /// Facts from a patient's CDM rows (patients row complete with region and cohort source).
    init(patients: [Value], outcomes: [Value]?, courses: [[Value]], lines: [[Value]], transplants: [[Value]]) {
        let p = Row<CDM.Patients>(patients)
        sex = p[CDM.Patients.sex].stringValue
        birthYear = p[CDM.Patients.birthYear].int32Value
        region = p[CDM.Patients.region].stringValue
        cohortSource = p[CDM.Patients.cohortSource].stringValue
        diagnosisDate = p[CDM.Patients.diagnosisDate].dateValue
        whoClass = p[CDM.Patients.whoClass].stringValue
        therapyRelated = p[CDM.Patients.therapyRelated].boolValue
        blasts = p[CDM.Patients.bmBlastsPct].doubleValue
        del5qMethod = p[CDM.Patients.del5qMethod].stringValue
        karyotype = p[CDM.Patients.karyotypeCategory].stringValue
        self.courses = courses.map(CourseFacts.init).sorted { $0.number < $1.number }
        self.lines = lines.compactMap(PatientFacts.line).sorted { $0.number < $1.number }
        transplantDates = transplants.compactMap { Row<CDM.Transplants>($0)[CDM.Transplants.transplantDate].dateValue }
        outcome = outcomes.map(OutcomeFacts.init)
    }

    private static func line(_ row: [Value]) -> LineFacts? {
        let r = Row<CDM.TreatmentLines>(row)
        guard let n = r[CDM.TreatmentLines.lineNumber].int32Value, let c = r[CDM.TreatmentLines.category].stringValue
        else { return nil }
        return LineFacts(number: n, category: c)
    }
}

extension CourseFacts {
    /// A course from a `len_courses` row.
    init(row: [Value]) {
        let r = Row<CDM.LenCourses>(row)
        number = r[CDM.LenCourses.courseNumber].int32Value ?? 0
        start = r[CDM.LenCourses.startDate].dateValue
        end = r[CDM.LenCourses.endDate].dateValue
        dose = r[CDM.LenCourses.initialDoseMg].doubleValue
        combinedWith = r[CDM.LenCourses.combinedWith].stringValue
        setting = r[CDM.LenCourses.setting].stringValue
        responded = r[CDM.LenCourses.responded].boolValue
        failureDate = r[CDM.LenCourses.failureDate].dateValue
        failureType = r[CDM.LenCourses.failureType].stringValue
    }
}

extension OutcomeFacts {
    /// Follow-up from an `outcomes` row.
    init(row: [Value]) {
        let r = Row<CDM.Outcomes>(row)
        vitalStatus = r[CDM.Outcomes.vitalStatus].stringValue
        deathDate = r[CDM.Outcomes.deathDate].dateValue
        lastContact = r[CDM.Outcomes.lastContactDate].dateValue
        amlDate = r[CDM.Outcomes.amlProgressionDate].dateValue
    }
}
