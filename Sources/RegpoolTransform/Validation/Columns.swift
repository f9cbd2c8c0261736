import RegpoolModel

/// Column positions the validation rules and patient derivations read, resolved once.
enum Columns {
    static let diagnosis = CDM.patients.index(of: "diagnosis_date")!

    static let courseNumber = CDM.lenCourses.index(of: "course_number")!
    static let courseStart = CDM.lenCourses.index(of: "start_date")!
    static let courseEnd = CDM.lenCourses.index(of: "end_date")!
    static let failureDate = CDM.lenCourses.index(of: "failure_date")!
    static let failureType = CDM.lenCourses.index(of: "failure_type")!
    static let progressionTo = CDM.lenCourses.index(of: "progression_to")!

    static let lineNumber = CDM.treatmentLines.index(of: "line_number")!
    static let lineCategory = CDM.treatmentLines.index(of: "category")!
    static let lineStart = CDM.treatmentLines.index(of: "start_date")!
    static let lineEnd = CDM.treatmentLines.index(of: "end_date")!

    static let transplantDate = CDM.transplants.index(of: "transplant_date")!
    static let directlyAfterLEN = CDM.transplants.index(of: "directly_after_len")!

    static let vitalStatus = CDM.outcomes.index(of: "vital_status")!
    static let deathDate = CDM.outcomes.index(of: "death_date")!
    static let lastContact = CDM.outcomes.index(of: "last_contact_date")!
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
