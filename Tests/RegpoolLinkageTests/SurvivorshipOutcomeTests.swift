import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// Survivorship of `outcomes`: the latest follow-up, a death reported anywhere, death-date
/// conflicts, the earliest AML progression.
final class SurvivorshipOutcomeTests: XCTestCase {
    private func d(_ iso: String) -> Value { SV.d(iso) }
    private func s(_ text: String) -> Value { .string(text) }

    private func outcomes(_ p: LocalPatient) -> [String] {
        CDM.outcomes.columns.indices.dropFirst().map { "\(CDM.outcomes.columns[$0].name)=\(p.outcomes![$0].text)" }
    }

    func testDeathReportedByALowerPriorityMemberWins() {
        let trial = SV.member(
            SV.trial, "A-7", outcomes: ["vital_status": s("alive"), "last_contact_date": d("2012-05-02")])
        let registry = SV.member(
            SV.registry, "1001", p: 0.97,
            outcomes: [
                "vital_status": s("dead"), "death_date": d("2013-09-01"), "last_contact_date": d("2013-09-01"),
            ])
        let out = Survivorship.merge([trial, registry], settings: SV.settings)
        XCTAssertEqual(
            outcomes(out.patient),
            [
                "aml_progression_date=", "vital_status=dead", "death_date=2013-09-01", "last_contact_date=2013-09-01",
            ])
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 outcomes.death_date 2013-09-01→2013-09-01",
                "L4020 fr-lyon local_id=1001 outcomes.last_contact_date 2013-09-01→2013-09-01",
                "L4020 fr-lyon local_id=1001 outcomes.vital_status dead→dead",
            ])
        let vital = out.audit.events().last!
        XCTAssertEqual(vital.rule, "survivorship: a death reported by any member wins")
        XCTAssertEqual(
            vital.message,
            "outcomes.vital_status = dead comes from fr-lyon:1001 (a death reported by any "
                + "member wins); de-ulm:A-7 (the survivor) sent alive")
    }

    func testConflictingDeathDatesAuditedHighestPriorityDateKept() {
        let trial = SV.member(
            SV.trial, "A-7",
            outcomes: [
                "vital_status": s("dead"), "death_date": d("2013-09-01"), "last_contact_date": d("2013-09-01"),
            ])
        let compassionate = SV.member(
            SV.compassionate, "CU-12", p: 1.0,
            outcomes: [
                "vital_status": s("alive"), "last_contact_date": d("2013-06-10"),
            ])
        let registry = SV.member(
            SV.registry, "1001", p: 0.96,
            outcomes: [
                "vital_status": s("dead"), "death_date": d("2013-09-04"), "last_contact_date": d("2013-09-04"),
            ])
        let out = Survivorship.merge([registry, compassionate, trial], settings: SV.settings)
        XCTAssertEqual(
            outcomes(out.patient),
            [
                "aml_progression_date=", "vital_status=dead", "death_date=2013-09-01", "last_contact_date=2013-09-01",
            ], "the registry has the latest contact, but the last contact of the dead is the death date kept")
        XCTAssertEqual(SV.lines(out.audit), ["L4022 fr-lyon local_id=1001 outcomes.death_date 2013-09-04→2013-09-01"])
        XCTAssertEqual(
            out.audit.events()[0].message,
            "fr-lyon:1001 reports death on 2013-09-04, de-ulm:A-7 on "
                + "2013-09-01; de-ulm:A-7's date is kept (highest-priority member reporting death)")
    }

    func testDeathDateFromTheNextMemberWhenTheFirstReportingDeathHasNone() {
        let trial = SV.member(
            SV.trial, "A-7", outcomes: ["vital_status": s("dead"), "last_contact_date": d("2013-08-20")])
        let registry = SV.member(
            SV.registry, "1001", p: 1.0,
            outcomes: [
                "vital_status": s("dead"), "death_date": d("2013-09-01"), "last_contact_date": d("2013-09-01"),
            ])
        let out = Survivorship.merge([trial, registry], settings: SV.settings)
        XCTAssertEqual(
            outcomes(out.patient),
            [
                "aml_progression_date=", "vital_status=dead", "death_date=2013-09-01", "last_contact_date=2013-09-01",
            ])
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 outcomes.death_date 2013-09-01→2013-09-01",
                "L4020 fr-lyon local_id=1001 outcomes.last_contact_date 2013-09-01→2013-09-01",
            ])
    }

    func testLastContactIsTheLatestAndAMLTheEarliest() {
        let trial = SV.member(
            SV.trial, "A-7", outcomes: ["vital_status": s("alive"), "last_contact_date": d("2012-11-30")])
        let compassionate = SV.member(
            SV.compassionate, "CU-12", p: 1.0,
            outcomes: [
                "vital_status": s("alive"), "last_contact_date": d("2013-07-01"),
                "aml_progression_date": d("2013-05-02"),
            ])
        let registry = SV.member(
            SV.registry, "1001", p: 0.99,
            outcomes: [
                "vital_status": s("alive"), "last_contact_date": d("2014-03-15"),
                "aml_progression_date": d("2013-06-20"),
            ])
        let out = Survivorship.merge([trial, registry, compassionate], settings: SV.settings)
        XCTAssertEqual(
            outcomes(out.patient),
            [
                "aml_progression_date=2013-05-02", "vital_status=alive", "death_date=", "last_contact_date=2014-03-15",
            ])
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 outcomes.last_contact_date 2014-03-15→2014-03-15",
                "L4021 fr-lyon local_id=1001 outcomes.aml_progression_date 2013-06-20→2013-05-02",
                "L4020 it-pavia local_id=CU-12 outcomes.aml_progression_date 2013-05-02→2013-05-02",
            ])
        XCTAssertEqual(out.audit.events()[0].rule, "survivorship: follow-up from the latest last contact")
        XCTAssertEqual(out.audit.events()[1].rule, "survivorship: earliest AML progression")
    }

    func testEqualLastContactsTakeTheHigherPriorityFollowUp() {
        let trial = SV.member(
            SV.trial, "A-7", outcomes: ["vital_status": s("alive"), "last_contact_date": d("2014-03-15")])
        let registry = SV.member(SV.registry, "1001", p: 0.99, outcomes: ["last_contact_date": d("2014-03-15")])
        let out = Survivorship.merge([registry, trial], settings: SV.settings)
        XCTAssertEqual(
            outcomes(out.patient),
            [
                "aml_progression_date=", "vital_status=alive", "death_date=", "last_contact_date=2014-03-15",
            ])
        XCTAssertEqual(SV.lines(out.audit), [])
    }

    func testOutcomesOfAnotherMemberWhenTheSurvivorHasNone() {
        let trial = SV.member(SV.trial, "A-7", patients: ["sex": s("female")])
        let registry = SV.member(
            SV.registry, "1001", p: 0.99,
            outcomes: [
                "vital_status": s("alive"), "last_contact_date": d("2014-03-15"),
            ])
        let out = Survivorship.merge([trial, registry], settings: SV.settings)
        XCTAssertEqual(
            outcomes(out.patient),
            [
                "aml_progression_date=", "vital_status=alive", "death_date=", "last_contact_date=2014-03-15",
            ])
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 outcomes.last_contact_date 2014-03-15→2014-03-15",
                "L4020 fr-lyon local_id=1001 outcomes.vital_status alive→alive",
            ])
    }
}
