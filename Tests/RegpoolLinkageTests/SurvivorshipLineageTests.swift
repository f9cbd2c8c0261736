import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// `source_records` statuses after linkage (`ClusterLineage`).
final class SurvivorshipLineageTests: XCTestCase {
    private func entry(
        _ local: String, _ line: Int, _ status: LineageEntry.Status, _ p: Double? = nil,
        reason: String? = nil
    ) -> LineageEntry {
        LineageEntry(
            localPatientID: local, file: "patients_2026-11-21.csv", locator: "line \(line)",
            sha256: "sha-\(line)", status: status, matchProbability: p, rejectReason: reason)
    }

    private func summary(_ entries: [LineageEntry]) -> [String] {
        entries.map {
            "\($0.localPatientID) \($0.locator) \($0.status.rawValue) \($0.matchProbability.map { "\($0)" } ?? "∅")"
        }
    }

    private let lyon = [
        LineageEntry(
            localPatientID: "1001", file: "patients_2026-11-21.csv", locator: "line 2", sha256: "a",
            status: .merged, matchProbability: 1.0),
        LineageEntry(
            localPatientID: "1001", file: "patients_2026-11-21.csv", locator: "line 9", sha256: "b",
            status: .survivor),
        LineageEntry(
            localPatientID: "1002", file: "patients_2026-11-21.csv", locator: "line 3", sha256: "c",
            status: .survivor),
        LineageEntry(
            localPatientID: "1001", file: "courses_2026-11-21.csv", locator: "line 4", sha256: "d",
            status: .rejected, rejectReason: "T3006"),
    ]

    private let ulm = [
        LineageEntry(localPatientID: "A-7", file: "subjects.csv", locator: "line 8", sha256: "e", status: .survivor)
    ]

    func testNonSurvivorRecordsMergedWithTheirJoinProbability() {
        let lineage = ClusterLineage(clusters: [
            [
                LinkedMember(reference: PatientReference(centre: "de-ulm", localID: "A-7"), joinProbability: nil),
                LinkedMember(reference: PatientReference(centre: "fr-lyon", localID: "1001"), joinProbability: 0.973),
            ]
        ])
        XCTAssertEqual(
            summary(lineage.settle(lyon, centre: "fr-lyon")),
            [
                "1001 line 2 merged 0.973", "1001 line 9 merged 0.973", "1002 line 3 survivor ∅",
                "1001 line 4 rejected ∅",
            ])
        XCTAssertEqual(lineage.settle(ulm, centre: "de-ulm"), ulm, "the survivor keeps its within-centre status")
        XCTAssertEqual(lineage.settle(lyon, centre: "it-pavia"), lyon, "same local id at another centre: untouched")
    }

    func testTheMemberThatStartedTheClusterTakesTheSurvivorsProbability() {
        let lineage = ClusterLineage(clusters: [
            [
                LinkedMember(reference: PatientReference(centre: "de-ulm", localID: "A-7"), joinProbability: 0.991),
                LinkedMember(reference: PatientReference(centre: "fr-lyon", localID: "1001"), joinProbability: nil),
            ]
        ])
        XCTAssertEqual(
            summary(lineage.settle(lyon, centre: "fr-lyon")).prefix(2),
            [
                "1001 line 2 merged 0.991", "1001 line 9 merged 0.991",
            ])
    }

    func testSingleMemberClustersChangeNothingAndDeterministicLinksAreCertain() {
        let members = [SV.member(SV.registry, "1001"), SV.member(SV.trial, "A-7", p: 1.0)]
        let ranked = Survivorship.ranking(members, settings: SV.settings).map { members[$0].linked }
        let lineage = ClusterLineage(clusters: [
            ranked,
            [
                LinkedMember(
                    reference: .init(centre: "fr-lyon", localID: "1002"),
                    joinProbability: nil)
            ],
        ])
        XCTAssertEqual(
            summary(lineage.settle(lyon, centre: "fr-lyon")),
            [
                "1001 line 2 merged 1.0", "1001 line 9 merged 1.0", "1002 line 3 survivor ∅", "1001 line 4 rejected ∅",
            ], "the registry member started the cluster, the trial joined by a deterministic rule (1.0)")
    }
}
