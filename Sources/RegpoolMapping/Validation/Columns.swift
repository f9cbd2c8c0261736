import RegpoolModel

/// Column positions the validation rules and patient derivations read, from the model's handles.
enum Columns {
    static let diagnosis = CDM.Patients.diagnosisDate.index

    static let courseNumber = CDM.LenCourses.courseNumber.index
    static let courseStart = CDM.LenCourses.startDate.index
    static let courseEnd = CDM.LenCourses.endDate.index
    static let failureDate = CDM.LenCourses.failureDate.index
    static let failureType = CDM.LenCourses.failureType.index
    static let progressionTo = CDM.LenCourses.progressionTo.index

    static let lineNumber = CDM.TreatmentLines.lineNumber.index
    static let lineCategory = CDM.TreatmentLines.category.index
    static let lineStart = CDM.TreatmentLines.startDate.index
    static let lineEnd = CDM.TreatmentLines.endDate.index

    static let transplantDate = CDM.Transplants.transplantDate.index
    static let directlyAfterLEN = CDM.Transplants.directlyAfterLEN.index

    static let vitalStatus = CDM.Outcomes.vitalStatus.index
    static let deathDate = CDM.Outcomes.deathDate.index
    static let lastContact = CDM.Outcomes.lastContactDate.index
}

/// Table names, short.
enum Tables {
    static let patients = CDM.patients.name
    static let courses = CDM.lenCourses.name
    static let lines = CDM.treatmentLines.name
    static let transplants = CDM.transplants.name
    static let outcomes = CDM.outcomes.name
}

extension Int32 {
    /// ISO text of a day number.
    var iso: String { CivilDate(days: self).iso }
}
