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
        let p = RowAccess(schema: CDM.patients, values: patients)
        sex = p["sex"].stringValue
        birthYear = p["birth_year"].int32Value
        region = p["region"].stringValue
        cohortSource = p["cohort_source"].stringValue
        diagnosisDate = p["diagnosis_date"].dateValue
        whoClass = p["who_class"].stringValue
        therapyRelated = p["therapy_related"].boolValue
        blasts = p["bm_blasts_pct"].doubleValue
        del5qMethod = p["del5q_method"].stringValue
        karyotype = p["karyotype_category"].stringValue
        self.courses = courses.map(CourseFacts.init).sorted { $0.number < $1.number }
        self.lines = lines.compactMap(PatientFacts.line).sorted { $0.number < $1.number }
        transplantDates = transplants.compactMap { RowAccess(schema: CDM.transplants, values: $0)["transplant_date"].dateValue }
        outcome = outcomes.map(OutcomeFacts.init)
    }

    private static func line(_ row: [Value]) -> LineFacts? {
        let r = RowAccess(schema: CDM.treatmentLines, values: row)
        guard let n = r["line_number"].int32Value, let c = r["category"].stringValue else { return nil }
        return LineFacts(number: n, category: c)
    }
}

extension CourseFacts {
    /// A course from a `len_courses` row.
    init(row: [Value]) {
        let r = RowAccess(schema: CDM.lenCourses, values: row)
        number = r["course_number"].int32Value ?? 0
        start = r["start_date"].dateValue
        end = r["end_date"].dateValue
        dose = r["initial_dose_mg"].doubleValue
        combinedWith = r["combined_with"].stringValue
        setting = r["setting"].stringValue
        responded = r["responded"].boolValue
        failureDate = r["failure_date"].dateValue
        failureType = r["failure_type"].stringValue
    }
}

extension OutcomeFacts {
    /// Follow-up from an `outcomes` row.
    init(row: [Value]) {
        let r = RowAccess(schema: CDM.outcomes, values: row)
        vitalStatus = r["vital_status"].stringValue
        deathDate = r["death_date"].dateValue
        lastContact = r["last_contact_date"].dateValue
        amlDate = r["aml_progression_date"].dateValue
    }
}
