import RegpoolConfig
import RegpoolMapping
import RegpoolModel

extension LinkRecord {
    /// The record of a centre's merged patient: sex, birth year, diagnosis date, WHO class and
    /// karyotype from the `patients` row; start date and initial dose of the first LEN course (the
    /// lowest `course_number`); region and cohort source from the centre; `birth_month` from the
    /// link key of that name when it reads as 1...12; the patient's link keys as they are.
    package init(patient: LocalPatient, centre: CentreConfig) {
        let row = patient.patients
        let course = Self.firstCourse(patient.rows(CDM.lenCourses.name))
        self.init(
            reference: PatientReference(centre: centre.id, localID: patient.localID),
            cohortSource: centre.cohortSource, region: centre.region,
            sex: Read.sex.string(row), birthYear: Read.birthYear.int(row),
            birthMonth: patient.linkKeys["birth_month"].flatMap(Self.month),
            diagnosisDate: Read.diagnosisDate.date(row),
            lenStartDate: Read.startDate.date(course), lenInitialDose: Read.initialDose.double(course),
            karyotypeCategory: Read.karyotype.string(row), whoClass: Read.whoClass.string(row),
            linkKeys: patient.linkKeys)
    }

    /// The `len_courses` row with the lowest course number (rows without one come last), or nil.
    static func firstCourse(_ rows: [[Value]]) -> [Value]? {
        let number = Read.courseNumber
        return rows.min { (number.int($0) ?? Int.max) < (number.int($1) ?? Int.max) }
    }

    /// A month number 1...12 from text such as `3` or `03`, else nil.
    static func month(_ text: String) -> Int? {
        guard let m = Int(text), (1...12).contains(m) else { return nil }
        return m
    }

    /// Column positions in the CDM schemas, resolved once.
    enum Read {
        static let sex = Column(CDM.patients, "sex")
        static let birthYear = Column(CDM.patients, "birth_year")
        static let diagnosisDate = Column(CDM.patients, "diagnosis_date")
        static let whoClass = Column(CDM.patients, "who_class")
        static let karyotype = Column(CDM.patients, "karyotype_category")
        static let courseNumber = Column(CDM.lenCourses, "course_number")
        static let startDate = Column(CDM.lenCourses, "start_date")
        static let initialDose = Column(CDM.lenCourses, "initial_dose_mg")
    }

    /// One column of a schema-aligned row, read as a typed value (nil when null, absent or of another type).
    struct Column: Sendable {
        let position: Int?

        init(_ schema: TableSchema, _ name: String) { position = schema.index(of: name) }

        func value(_ row: [Value]?) -> Value {
            guard let row, let position, row.indices.contains(position) else { return .null }
            return row[position]
        }
        func string(_ row: [Value]?) -> String? { value(row).stringValue }
        func int(_ row: [Value]?) -> Int? { value(row).int32Value.map(Int.init) }
        func date(_ row: [Value]?) -> Int32? { value(row).dateValue }
        func double(_ row: [Value]?) -> Double? { value(row).doubleValue }
    }
}
