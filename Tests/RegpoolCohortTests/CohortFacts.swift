import RegpoolMappingFixtures
import RegpoolModel

@testable import RegpoolCohort
@testable import RegpoolLinkage
@testable import RegpoolMapping

/// Patient facts for eligibility tests: an eligible patient, varied one value at a time.
enum CohortFacts {
    static func d(_ iso: String) -> Int32 { Fixtures.day(iso) }

    /// Female, born 1940, del(5q) syndrome by karyotype, LEN 10 mg from 2011-01-10, lost response
    /// on 2012-03-01, then azacitidine; AML on 2013-02-01, died 2013-09-01.
    static func eligible() -> PatientFacts {
        var f = PatientFacts()
        f.sex = "female"
        f.birthYear = 1940
        f.region = "europe"
        f.cohortSource = "registry"
        f.diagnosisDate = d("2010-06-15")
        f.whoClass = "del5q_syndrome"
        f.therapyRelated = false
        f.blasts = 3
        f.del5qMethod = "karyotype"
        f.karyotype = "isolated_del5q"
        f.courses = [
            CourseFacts(
                number: 1, start: d("2011-01-10"), dose: 10, combinedWith: "none", setting: "primary",
                responded: true, failureDate: d("2012-03-01"), failureType: "loss_of_response")
        ]
        f.lines = [LineFacts(number: 1, category: "hma")]
        f.outcome = OutcomeFacts(
            vitalStatus: "dead", deathDate: d("2013-09-01"), lastContact: d("2013-09-01"),
            amlDate: d("2013-02-01"))
        return f
    }
}
