import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// Pooled ids across builds: member keys, the claiming rules, L4024 / L4025.
final class PooledIDAssignerTests: XCTestCase {
    let pseudonymizer = Pseudonymizer(key: Array("0123456789abcdef0123456789abcdef".utf8))

    // Computed with python3 hmac (see PseudonymizerTests).
    static let ulmA7 = PatientReference(centre: "de-ulm", localID: "A-7")
    static let lyon1001 = PatientReference(centre: "fr-lyon", localID: "1001")
    static let toronto55 = PatientReference(centre: "ca-toronto", localID: "55")
    static let idA7 = "P-8B7KNXRMQQ16XE0S", key7 = "M-NVAP31KAP18TTYF3"
    static let id1001 = "P-T7AHT8C2TRBX9C1B", key1001 = "M-C0B6WBB74K21AKYS"
    static let id55 = "P-08GCPZ5VS4B2Z5NF", key55 = "M-QVCPJK7DWJ9FWTSX"

    typealias T = PooledIDAssignerTests

    private func lines(_ audit: AuditLog) -> [String] {
        audit.events().map {
            "\($0.code.code) \($0.centre ?? "") \($0.locator ?? "") \($0.sourceValue ?? "∅")→\($0.targetValue ?? "∅")"
        }
    }

    func testMemberKeyKnownVectors() {
        // python3: hmac.new(key, b"member\x1ffr-lyon\x1f1001", sha256).digest()[:10] in Crockford base32
        XCTAssertEqual(pseudonymizer.memberKey(centre: "fr-lyon", localID: "1001"), T.key1001)
        XCTAssertEqual(pseudonymizer.memberKey(centre: "de-ulm", localID: "A-7"), T.key7)
        XCTAssertEqual(pseudonymizer.pooledID(centre: "fr-lyon", localID: "1001", attempt: 1), "P-JTBHKVFT4ZNWC9WS")
    }

    func testWithoutPreviousCrosswalkTheSurvivorsOwnID() {
        let out = PooledIDAssigner.assign(
            clusters: [[T.ulmA7, T.lyon1001], [T.toronto55]], pseudonymizer: pseudonymizer,
            previous: nil)
        XCTAssertEqual(out.ids, [pseudonymizer.pooledID(centre: "de-ulm", localID: "A-7"), T.id55])
        XCTAssertEqual(out.ids[0], T.idA7)
        XCTAssertEqual(
            out.crosswalk.csvText,
            """
            member_key,pooled_id
            M-C0B6WBB74K21AKYS,P-8B7KNXRMQQ16XE0S
            M-NVAP31KAP18TTYF3,P-8B7KNXRMQQ16XE0S
            M-QVCPJK7DWJ9FWTSX,P-08GCPZ5VS4B2Z5NF

            """)
        XCTAssertEqual(lines(out.audit), [])
    }

    func testSameClustersWithTheirOwnCrosswalkGiveTheSameIDsAndNoEvents() {
        let clusters = [[T.ulmA7, T.lyon1001], [T.toronto55]]
        let first = PooledIDAssigner.assign(clusters: clusters, pseudonymizer: pseudonymizer, previous: nil)
        let again = PooledIDAssigner.assign(clusters: clusters, pseudonymizer: pseudonymizer, previous: first.crosswalk)
        XCTAssertEqual(again.ids, first.ids)
        XCTAssertEqual(again.crosswalk, first.crosswalk)
        XCTAssertEqual(lines(again.audit), [])
    }

    func testClusterGainingAHigherPriorityMemberKeepsItsID() {
        let previous = Crosswalk([T.key1001: T.id1001, T.key55: T.id55])
        let out = PooledIDAssigner.assign(
            clusters: [[T.ulmA7, T.lyon1001], [T.toronto55]], pseudonymizer: pseudonymizer,
            previous: previous)
        XCTAssertEqual(out.ids, [T.id1001, T.id55], "the trial record joined the registry patient: its id stays")
        XCTAssertEqual(lines(out.audit), ["L4024 fr-lyon local_id=1001 \(T.idA7)→\(T.id1001)"])
        XCTAssertEqual(out.crosswalk.pooledID(memberKey: T.key7), T.id1001)
    }

    func testTwoPreviousPatientsMergingKeepTheHigherRankedMembersID() {
        let previous = Crosswalk([T.key1001: T.id1001, T.key7: T.idA7])
        let out = PooledIDAssigner.assign(
            clusters: [[T.ulmA7, T.lyon1001]], pseudonymizer: pseudonymizer, previous: previous)
        XCTAssertEqual(out.ids, [T.idA7])
        XCTAssertEqual(lines(out.audit), ["L4025 fr-lyon local_id=1001 \(T.id1001)→\(T.idA7)"])
        XCTAssertEqual(
            out.audit.events()[0].message,
            "pooled id \(T.id1001) of the previous build is retired: its member "
                + "fr-lyon:1001 joined the patient \(T.idA7) (kept from de-ulm:A-7, ranked higher)")
    }

    func testSplitThePartHoldingTheIDsOwnMemberKeepsIt() {
        // Previously one patient under the registry member's id (the trial record had joined it);
        // a force_separate splits them. de-ulm sorts before fr-lyon, yet fr-lyon:1001 keeps its id.
        let previous = Crosswalk([T.key1001: T.id1001, T.key7: T.id1001])
        let out = PooledIDAssigner.assign(
            clusters: [[T.ulmA7], [T.lyon1001]], pseudonymizer: pseudonymizer,
            previous: previous)
        XCTAssertEqual(out.ids, [T.idA7, T.id1001])
        XCTAssertEqual(Set(out.ids).count, 2)
        XCTAssertEqual(lines(out.audit), [])
    }

    func testMostPreviousMembersWinAndALosingClusterGetsAFreshUniqueID() {
        // Previously de-ulm:A-7, ca-toronto:55 and fr-lyon:1001 were one patient with A-7's id;
        // now the two registry members are one patient and A-7 is alone.
        let previous = Crosswalk([T.key7: T.idA7, T.key55: T.idA7, T.key1001: T.idA7])
        let out = PooledIDAssigner.assign(
            clusters: [[T.ulmA7], [T.toronto55, T.lyon1001]], pseudonymizer: pseudonymizer,
            previous: previous)
        XCTAssertEqual(
            out.ids, ["P-XK09Z04DKGFHXBHV", T.idA7],
            "two of three previous members keep the id; A-7's own id is taken, so a derived one")
        XCTAssertEqual(lines(out.audit), ["L4024 ca-toronto local_id=55 \(T.id55)→\(T.idA7)"])
    }

    func testEveryOwnIDTakenGivesADerivedID() {
        // The previous crosswalk gave fr-lyon:1001's own id to ca-toronto:55.
        let previous = Crosswalk([T.key7: T.idA7, T.key55: T.id1001])
        let out = PooledIDAssigner.assign(
            clusters: [[T.ulmA7], [T.lyon1001], [T.toronto55]],
            pseudonymizer: pseudonymizer, previous: previous)
        XCTAssertEqual(out.ids, [T.idA7, "P-JTBHKVFT4ZNWC9WS", T.id1001])
        XCTAssertEqual(lines(out.audit), ["L4024 ca-toronto local_id=55 \(T.id55)→\(T.id1001)"])
    }

    func testAPreviousIDWhoseMembersLeftTheBuildIsRetired() {
        let gone = "P-5AY804E1QF4JTMXJ"
        let previous = Crosswalk([T.key7: T.idA7, "M-F1XCRNHB6372JECT": gone])
        let out = PooledIDAssigner.assign(clusters: [[T.ulmA7]], pseudonymizer: pseudonymizer, previous: previous)
        XCTAssertEqual(out.ids, [T.idA7])
        XCTAssertEqual(lines(out.audit), ["L4025   \(gone)→∅"])
        XCTAssertEqual(
            out.crosswalk.entries.map(\.memberKey), [T.key7], "the crosswalk lists this build's members only")
    }

    func testClusterOrderChangesOnlyTheOrderOfIDs() {
        let previous = Crosswalk([T.key7: T.idA7, T.key55: T.idA7, T.key1001: T.idA7])
        let clusters = [[T.ulmA7], [T.toronto55, T.lyon1001]]
        let forward = PooledIDAssigner.assign(clusters: clusters, pseudonymizer: pseudonymizer, previous: previous)
        let backward = PooledIDAssigner.assign(
            clusters: clusters.reversed(), pseudonymizer: pseudonymizer,
            previous: previous)
        XCTAssertEqual(backward.ids, forward.ids.reversed())
        XCTAssertEqual(backward.crosswalk, forward.crosswalk)
        XCTAssertEqual(backward.audit.events(), forward.audit.events())
    }
}
