import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// The linkage steps after clustering, on two centres mapped by `CentreMapper` (provenance
/// released): fr-lyon:1001 (registry) linked to de-ulm:A-7 (trial) at p = 0.97.
final class SurvivorshipPipelineTests: XCTestCase {
    typealias S = CentreScenario

    func testMergeIDsAndLineageOfALinkedPair() {
        let lyon = S.lyonResult()
        let ulm = S.ulmResult()
        let members = [
            ClusterMember(
                patient: lyon.patients.first { $0.localID == "1001" }!, centre: lyon.centre, joinProbability: nil),
            ClusterMember(patient: ulm.patients[0], centre: ulm.centre, joinProbability: 0.97),
        ]
        let merged = Survivorship.merge(members, settings: .defaults)
        XCTAssertEqual(merged.survivor, 1)
        let p = merged.patient
        XCTAssertEqual(p.localID, "A-7")
        XCTAssertEqual(p.recordCount, 4, "three fr-lyon records (patient, course, line) and one de-ulm record")
        XCTAssertEqual(SV.value(p, CDM.patients, "who_class"), .string("ra"), "the trial's class")
        XCTAssertEqual(SV.value(p, CDM.patients, "birth_year"), .int32(1940), "filled from the registry")
        XCTAssertEqual(
            SV.rows(p, CDM.lenCourses, ["course_number", "start_date", "initial_dose_mg", "failure_type"]),
            [
                "course_number=1 start_date=2012-02-01 initial_dose_mg=10.0 failure_type=no_response"
            ])
        XCTAssertEqual(SV.rows(p, CDM.treatmentLines, ["line_number", "category"]), ["line_number=1 category=hma"])
        XCTAssertEqual(SV.value(p, CDM.outcomes, "vital_status"), .string("dead"), "the registry reports the death")
        XCTAssertEqual(SV.value(p, CDM.outcomes, "death_date"), SV.d("2013-09-01"))
        XCTAssertEqual(SV.value(p, CDM.outcomes, "aml_progression_date"), SV.d("2013-02-01"))
        let targets = merged.audit.events().map { "\($0.code.code) \($0.target!)" }
        XCTAssertEqual(
            targets.filter { $0.hasPrefix("L4021") },
            [
                "L4021 patients.del5q_method", "L4021 patients.who_class",
                "L4021 len_courses.failure_date", "L4021 len_courses.failure_type", "L4021 len_courses.start_date",
            ], "locator local_id=1001 sorts before local_id=1001 course_number=1")
        XCTAssertTrue(merged.audit.events().allSatisfy { $0.centre == "fr-lyon" && $0.file == nil })

        let cluster = Survivorship.ranking(members, settings: .defaults).map { members[$0] }
        let ids = PooledIDAssigner.assign(
            clusters: [cluster.map(\.reference)], pseudonymizer: Pseudonymizer(key: S.key),
            previous: nil)
        XCTAssertEqual(ids.ids, ["P-8B7KNXRMQQ16XE0S"], "de-ulm:A-7's own id")
        XCTAssertEqual(ids.crosswalk.entries.map(\.memberKey), ["M-C0B6WBB74K21AKYS", "M-NVAP31KAP18TTYF3"])

        let lineage = ClusterLineage(clusters: [cluster.map(\.linked)])
        let settled = lineage.settle(lyon.lineage, centre: "fr-lyon").filter { $0.localPatientID == "1001" }
        XCTAssertEqual(settled.map(\.status), [.merged, .merged, .merged])
        XCTAssertEqual(settled.map(\.matchProbability), [0.97, 0.97, 0.97])
        XCTAssertEqual(lineage.settle(ulm.lineage, centre: "de-ulm"), ulm.lineage)
    }
}
