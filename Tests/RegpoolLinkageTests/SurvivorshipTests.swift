import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolCohort
@testable import RegpoolLinkage
@testable import RegpoolMapping

/// Survivorship of the per-patient rows: member ranking, `patients` gap filling and conflicts,
/// counts, and the merged patient's assembly.
final class SurvivorshipTests: XCTestCase {
    private func d(_ iso: String) -> Value { SV.d(iso) }
    private func s(_ text: String) -> Value { .string(text) }

    func testOneMemberIsReturnedUnchangedWithoutEvents() {
        let only = SV.member(
            SV.registry, "1001", records: 4, patients: ["sex": s("female"), "birth_year": .int32(1941)])
        let out = Survivorship.merge([only], settings: SV.settings)
        XCTAssertEqual(out.survivor, 0)
        XCTAssertEqual(out.patient.localID, "1001")
        XCTAssertEqual(out.patient.patients, only.patient.patients)
        XCTAssertEqual(out.patient.recordCount, 4)
        XCTAssertEqual(SV.lines(out.audit), [])
    }

    func testRankingBySourcePriorityThenCentreAndLocalID() {
        let members = [
            SV.member(SV.registry, "1001"), SV.member(SV.trial, "A-7"), SV.member(SV.compassionate, "CU-12"),
            SV.member(SV.toronto, "55"),
        ]
        XCTAssertEqual(
            Survivorship.ranking(members, settings: SV.settings), [1, 2, 3, 0],
            "trial, compassionate use, then the registries: ca-toronto before fr-lyon")
        let registryFirst = SurvivorshipSettings(sourcePriority: ["registry", "clinical_trial"], dateToleranceDays: 7)
        XCTAssertEqual(
            Survivorship.ranking(members, settings: registryFirst), [3, 0, 1, 2],
            "a source the settings do not list (compassionate_use) comes last")
    }

    func testSurvivorValuesKeptGapsFilledConflictsAudited() {
        let registry = SV.member(
            SV.registry, "1001", p: 0.97,
            patients: [
                "sex": s("female"), "birth_year": .int32(1941), "diagnosis_date": d("2010-06-18"),
                "who_class": s("del5q_syndrome"), "hb_g_dl": .double(92 * 0.1), "bm_blasts_pct": .double(3),
                "karyotype_category": s("isolated_del5q"), "del5q_method": s("karyotype"),
            ])
        let trial = SV.member(
            SV.trial, "A-7",
            patients: [
                "sex": s("female"), "birth_year": .int32(1941), "diagnosis_date": d("2010-06-15"),
                "who_class": s("del5q_syndrome"), "hb_g_dl": .double(9.2), "del5q_method": s("karyotype"),
            ])
        let out = Survivorship.merge([registry, trial], settings: SV.settings)
        XCTAssertEqual(out.survivor, 1, "the trial member survives although given second")
        XCTAssertEqual(out.patient.localID, "A-7")
        let p = out.patient
        XCTAssertEqual(SV.value(p, CDM.patients, "diagnosis_date"), d("2010-06-15"), "the survivor's date")
        XCTAssertEqual(SV.value(p, CDM.patients, "karyotype_category"), s("isolated_del5q"), "gap filled")
        XCTAssertEqual(SV.value(p, CDM.patients, "bm_blasts_pct"), .double(3), "gap filled")
        XCTAssertEqual(SV.value(p, CDM.patients, "hb_g_dl"), .double(9.2))
        XCTAssertEqual(SV.value(p, CDM.patients, "ipss_risk"), .null, "nobody sent it")
        XCTAssertEqual(SV.value(p, CDM.patients, "pooled_id"), .null, "filled by the assembly")
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 patients.bm_blasts_pct 3.0→3.0",
                "L4020 fr-lyon local_id=1001 patients.karyotype_category isolated_del5q→isolated_del5q",
                "L4021 fr-lyon local_id=1001 patients.diagnosis_date 2010-06-18→2010-06-15",
            ], "9.2 g/dL converted from 92 g/L is no conflict")
        let conflict = out.audit.events().last!
        XCTAssertEqual(conflict.rule, "survivorship: survivor's value kept (source priority)")
        XCTAssertEqual(
            conflict.message,
            "fr-lyon:1001 sent patients.diagnosis_date = 2010-06-18, de-ulm:A-7 sent "
                + "2010-06-15; de-ulm:A-7's value is kept (higher source priority)")
        XCTAssertEqual(out.audit.events().first!.rule, "survivorship: survivor's value, gap filled by source priority")
    }

    func testGapFilledByTheNextMemberThenConflictWithIt() {
        let trial = SV.member(SV.trial, "A-7", patients: ["sex": s("female")])
        let compassionate = SV.member(
            SV.compassionate, "CU-12", p: 1.0,
            patients: [
                "sex": s("female"), "tp53_status": s("mutated"), "ipss_risk": s("int1"),
            ])
        let registry = SV.member(
            SV.registry, "1001", p: 0.99,
            patients: [
                "sex": s("female"), "tp53_status": s("wild_type"), "ipss_risk": s("int1"),
            ])
        let out = Survivorship.merge([registry, compassionate, trial], settings: SV.settings)
        XCTAssertEqual(out.survivor, 2)
        XCTAssertEqual(SV.value(out.patient, CDM.patients, "tp53_status"), s("mutated"))
        XCTAssertEqual(SV.value(out.patient, CDM.patients, "ipss_risk"), s("int1"))
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4021 fr-lyon local_id=1001 patients.tp53_status wild_type→mutated",
                "L4020 it-pavia local_id=CU-12 patients.ipss_risk int1→int1",
                "L4020 it-pavia local_id=CU-12 patients.tp53_status mutated→mutated",
            ])
        XCTAssertTrue(
            out.audit.events()[0].message.hasSuffix("it-pavia:CU-12's value is kept (higher source priority)"))
    }

    func testSurvivorWithoutPatientsRowTakesEveryValueFromOthers() {
        var trial = SV.member(SV.trial, "A-7")
        trial.patient = LocalPatient(
            localID: "A-7", patients: nil, outcomes: nil, outcomesOrigin: nil, childRows: [:],
            recordCount: 1, patientRecordCount: 0)
        let registry = SV.member(
            SV.registry, "1001", p: 1.0, patients: ["sex": s("female"), "birth_year": .int32(1938)])
        let out = Survivorship.merge([trial, registry], settings: SV.settings)
        XCTAssertEqual(SV.value(out.patient, CDM.patients, "birth_year"), .int32(1938))
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 patients.birth_year 1938→1938",
                "L4020 fr-lyon local_id=1001 patients.sex female→female",
            ])
        let neither = Survivorship.merge(
            [trial, SV.member(SV.registry, "1001")].map {
                var m = $0
                m.patient = LocalPatient(
                    localID: m.patient.localID, patients: nil, outcomes: nil, outcomesOrigin: nil,
                    childRows: [:], recordCount: 1, patientRecordCount: 0)
                return m
            }, settings: SV.settings)
        XCTAssertNil(neither.patient.patients)
        XCTAssertNil(neither.patient.outcomes)
    }

    func testRecordCountsAreSummedAndLinkKeysKept() {
        var trial = SV.member(SV.trial, "A-7", records: 3)
        trial.patient.linkKeys = ["subject_id": "ULM-0007"]
        var registry = SV.member(SV.registry, "1001", p: 1.0, records: 2)
        registry.patient.linkKeys = ["subject_id": "ULM-7", "trial_site": "ulm"]
        let out = Survivorship.merge([registry, trial], settings: SV.settings)
        XCTAssertEqual(out.patient.recordCount, 5)
        XCTAssertEqual(out.patient.patientRecordCount, 2)
        XCTAssertEqual(out.patient.linkKeys, ["subject_id": "ULM-0007", "trial_site": "ulm"])
    }

    func testMergedPatientAssembledWithTheSurvivorsCentre() {
        let trial = SV.member(SV.trial, "A-7", records: 3, patients: ["sex": s("female")])
        let registry = SV.member(SV.toronto, "55", p: 0.98, records: 2, patients: ["birth_year": .int32(1941)])
        let out = Survivorship.merge([registry, trial], settings: SV.settings)
        let survivorCentre = [registry, trial][out.survivor].centre
        let row = PatientAssembly.patientsRow(out.patient, pooledID: "P-8B7KNXRMQQ16XE0S", centre: survivorCentre)
        let schema = CDM.patients
        XCTAssertEqual(row[schema.index(of: "pooled_id")!], s("P-8B7KNXRMQQ16XE0S"))
        XCTAssertEqual(row[schema.index(of: "region")!], s("europe"), "the trial's region, not the Canadian registry's")
        XCTAssertEqual(row[schema.index(of: "cohort_source")!], s("clinical_trial"))
        XCTAssertEqual(row[schema.index(of: "n_source_records")!], .int32(5))
        XCTAssertEqual(row[schema.index(of: "sex")!], s("female"))
        XCTAssertEqual(row[schema.index(of: "birth_year")!], .int32(1941))
    }

    func testEventNamesTheRecordWhenTheMemberStillHasItsProvenance() {
        let trial = SV.member(SV.trial, "A-7", patients: ["sex": s("female")])
        let base = SV.member(SV.registry, "1001", p: 1.0, patients: ["birth_year": .int32(1941)])
        let origins = base.patient.patients!.map {
            $0.isNull ? nil : RecordOrigin(file: "patients_2026-11-21.csv", locator: "line 14")
        }
        var registry = base
        registry.patient = LocalPatient(
            localID: "1001", patients: base.patient.patients, outcomes: nil,
            outcomesOrigin: nil, childRows: [:], recordCount: 1, patientRecordCount: 1,
            columnOrigins: ["patients": origins])
        let events = Survivorship.merge([trial, registry], settings: SV.settings).audit.events()
        XCTAssertEqual(events.map(\.file), ["patients_2026-11-21.csv"])
        XCTAssertEqual(events.map(\.locator), ["line 14"])
        XCTAssertEqual(events.map(\.centre), ["fr-lyon"])
    }

    func testMemberOrderChangesNothing() {
        let members = [
            SV.member(
                SV.trial, "A-7", patients: ["sex": s("female"), "diagnosis_date": d("2010-06-15")],
                outcomes: ["vital_status": s("alive"), "last_contact_date": d("2012-05-02")],
                transplants: [["transplant_date": d("2013-04-02")]]),
            SV.member(
                SV.compassionate, "CU-12", p: 1.0, patients: ["tp53_status": s("mutated")],
                outcomes: [
                    "vital_status": s("dead"), "death_date": d("2013-09-04"),
                    "last_contact_date": d("2013-09-04"),
                ],
                transplants: [["transplant_date": d("2013-04-04"), "conditioning": s("myeloablative")]]),
            SV.member(
                SV.registry, "1001", p: 0.96, patients: ["diagnosis_date": d("2010-06-16")],
                outcomes: [
                    "vital_status": s("dead"), "death_date": d("2013-09-01"),
                    "last_contact_date": d("2013-09-01"),
                ],
                transplants: [["transplant_date": d("2013-04-03"), "donor_type": s("haploidentical")]]),
        ]
        let reference = Survivorship.merge(members, settings: SV.settings)
        for order in [[2, 1, 0], [1, 2, 0], [0, 2, 1]] {
            let out = Survivorship.merge(order.map { members[$0] }, settings: SV.settings)
            XCTAssertEqual(order[out.survivor], 0)
            XCTAssertEqual(out.patient.patients, reference.patient.patients)
            XCTAssertEqual(out.patient.outcomes, reference.patient.outcomes)
            XCTAssertEqual(out.patient.childRows, reference.patient.childRows)
            XCTAssertEqual(out.audit.events(), reference.audit.events())
        }
    }
}
