import RegpoolModel

/// The progression rules V7012–V7013 of `len_courses`.
extension ValidationRun {
    /// V7012 progression without progression_to; V7013 progression_to without progression.
    mutating func progression() {
        let t = Tables.courses
        for row in patient.rows(t).indices.reversed() {
            let r = patient.rows(t)[row]
            let type = r[Columns.failureType].stringValue
            let target = r[Columns.progressionTo].stringValue
            let number = r[Columns.courseNumber].text
            if type == "progression", target == nil {
                apply(
                    Finding(
                        code: .progressionTargetMissing, table: t, row: row, column: Columns.failureType,
                        detail: "LEN course \(number) failed by progression, but progression_to (raeb2 or aml) "
                            + "is not known"))
            } else if let target, type != "progression" {
                apply(
                    Finding(
                        code: .progressionTargetUnexpected, table: t, row: row, column: Columns.progressionTo,
                        detail: "LEN course \(number) has progression_to \(target) but failure_type is "
                            + "\(type ?? "not known"), not progression"))
            }
        }
    }
}
