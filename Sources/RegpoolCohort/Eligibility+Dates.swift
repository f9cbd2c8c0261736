import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

extension Eligibility {
    /// 7. Dates out of order, or the follow-up needed for survival is missing.
    static func inconsistentDates(_ f: PatientFacts) -> Exclusion? {
        guard let c = f.indexCourse, let failure = c.failureDate else { return nil }
        if let start = c.start, failure < start {
            return dates("failure_date \(iso(failure)) is before the start of LEN course \(c.number) (\(iso(start)))")
        }
        if let start = f.lenStart, let diagnosis = f.diagnosisDate, diagnosis > start {
            return dates("diagnosis_date \(iso(diagnosis)) is after the start of LEN (\(iso(start)))")
        }
        guard let o = f.outcome, let status = o.vitalStatus else {
            return dates("no outcomes row with a vital status: survival after LEN failure cannot be computed")
        }
        if let death = o.deathDate, death < failure {
            return dates("death_date \(iso(death)) is before the LEN failure (\(iso(failure)))")
        }
        if let last = o.lastContact, last < failure {
            return dates("last_contact_date \(iso(last)) is before the LEN failure (\(iso(failure)))")
        }
        if status == "dead", o.deathDate == nil {
            return dates("vital_status is dead without a death_date: survival after LEN failure cannot be computed")
        }
        if o.lastContact == nil {
            return dates("last_contact_date is not known: survival after LEN failure cannot be computed")
        }
        return nil
    }

    private static func dates(_ detail: String) -> Exclusion {
        Exclusion(reason: "inconsistent_dates", detail: detail)
    }

    /// ISO text of a day number.
    static func iso(_ days: Int32) -> String { CivilDate(days: days).iso }
}
