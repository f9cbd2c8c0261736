import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// The analysis_cohort variables, one pure function each.
package enum AnalysisVariables {
    /// Years from mid-year of birth (`birth_year`-07-02) to LEN start, over 365.25.
    package static func ageAtLenStart(birthYear: Int32?, lenStart: Int32?) -> Double? {
        guard let birthYear, let lenStart, let midYear = CivilDate(year: Int(birthYear), month: 7, day: 2) else {
            return nil
        }
        return Double(lenStart - midYear.days) / 365.25
    }

    /// Age 75 or more at LEN start.
    package static func age75Plus(age: Double?) -> Bool? { age.map { $0 >= 75 } }

    /// A complex karyotype with del(5q); nil when the category is not known.
    package static func adverseKaryotype(_ category: String?) -> Bool? { category.map { $0 == "complex_del5q" } }

    /// RAEB-1 by class, or blasts 5 to under 10 %; nil when both are unknown.
    package static func raebAtLenStart(whoClass: String?, blasts: Double?) -> Bool? {
        if whoClass == nil, blasts == nil { return nil }
        if whoClass == "raeb1" { return true }
        if let blasts, blasts >= 5, blasts < 10 { return true }
        return false
    }

    /// An initial dose of 10 mg or more.
    package static func lenDose10mg(_ dose: Double?) -> Bool? { dose.map { $0 >= 10 } }

    /// Months from the course start to its end, or to its failure when there is no end date.
    package static func lenDurationMonths(start: Int32?, end: Int32?, failure: Int32?) -> Double? {
        guard let start, let stop = end ?? failure else { return nil }
        return months(from: start, to: stop)
    }

    /// The category of treatment line 1, else `unknown`.
    package static func firstLineCategory(lines: [(number: Int32, category: String)]) -> String {
        lines.first { $0.number == 1 }?.category ?? "unknown"
    }

    /// Any transplant on or after the LEN failure.
    package static func alloSCT(transplantDates: [Int32], failure: Int32) -> Bool {
        transplantDates.contains { $0 >= failure }
    }

    /// Months from LEN failure to death (the dead) or to last contact; nil when that date is unknown.
    package static func osMonths(dead: Bool, deathDate: Int32?, lastContact: Int32?, failure: Int32) -> Double? {
        guard let end = dead ? deathDate : lastContact else { return nil }
        return months(from: failure, to: end)
    }

    /// Time to AML after failure: to the AML date when on or after failure (event), else to last contact.
    package static func aml(amlDate: Int32?, lastContact: Int32?, failure: Int32) -> (months: Double?, event: Bool) {
        if let amlDate, amlDate >= failure { return (months(from: failure, to: amlDate), true) }
        return (lastContact.map { months(from: failure, to: $0) }, false)
    }

    /// Days between two dates over 30.4375.
    package static func months(from a: Int32, to b: Int32) -> Double {
        Double(b - a) / CDM.daysPerMonth
    }
}
