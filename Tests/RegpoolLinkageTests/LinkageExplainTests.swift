import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// `Linker.explain`: the waterfall and the decision for any two records, and its text.
final class LinkageExplainTests: XCTestCase {
    typealias L = LinkageFixtures

    func testWaterfallOfAReviewPairByHand() throws {
        let linker = try Linker(records: LinkageModelTests.handRecords, settings: LinkageModelTests.handSettings)
        let e = try linker.explain(a: L.ref("fr-lyon:1"), b: L.ref("be-gent:1"))
        XCTAssertEqual(e.prior ?? 0, 0.05, accuracy: 1e-15)
        XCTAssertEqual(e.priorLog2Odds ?? 0, -4.247_927_513_443_585, accuracy: 1e-12, "log2(0.05 / 0.95)")
        XCTAssertEqual(e.steps.map(\.comparison.field), [.sex, .diagnosisDate])
        XCTAssertEqual(e.steps.map(\.comparison.left), ["female", "2011-03-14"], "a's values first, as asked")
        XCTAssertEqual(e.steps.map(\.comparison.right), ["female", "2011-03-18"])
        XCTAssertEqual(e.steps.map(\.comparison.level), [0, 1])
        XCTAssertEqual(e.steps[0].total, -4.247_927_513_443_585 + 0.925_999_418_556_223, accuracy: 1e-12)
        XCTAssertEqual(e.steps[1].total, -1.415_037_499_278_843, accuracy: 1e-12)
        XCTAssertEqual(e.totalLog2Odds ?? 0, -1.415_037_499_278_843, accuracy: 1e-12)
        XCTAssertEqual(e.probability ?? 0, 3.0 / 11.0, accuracy: 1e-12)
        XCTAssertEqual(e.probability, linker.result.reviewPairs.first?.probability, "the probability the decision used")
        XCTAssertEqual(e.decision, .scored(.review))
        XCTAssertNil(e.refusal)
        XCTAssertFalse(e.sameCluster)
        XCTAssertEqual(
            e.text,
            """
            Link explanation: fr-lyon:1 × be-gent:1

            prior λ = 0.050000, the share of cross-centre pairs that match (log2 odds -4.25)

            comparison      fr-lyon:1   be-gent:1   level          m       u  weight  total
            sex             female      female      agree     0.9500  0.5000   +0.93  -3.32
            diagnosis_date  2011-03-14  2011-03-18  ≤ 7 days  0.1500  0.0400   +1.91  -1.42

            final log2 odds -1.42 → match probability 0.272727
            thresholds: link ≥ 0.95, review ≥ 0.25
            decision: scored in the review zone: left separate for clerical review unless they end in one cluster
            outcome: separate pooled patients

            """)
    }

    func testDecisionsOtherThanTheScore() throws {
        let rule = DeterministicRule(
            name: "trial_id", left: LinkKeyReference(centre: "fr-lyon", key: "trial_id"),
            right: LinkKeyReference(centre: "de-ulm-trial", key: "local_id"), location: L.loc(14))
        var settings = LinkageModelTests.handSettings
        settings.deterministic = [rule]
        let records =
            LinkageModelTests.handRecords + [
                L.record("de-ulm-trial:U-1", sex: "female", diagnosis: "2015-01-01"),
                L.record("fr-lyon:3", sex: "female", diagnosis: "2015-01-01", keys: ["trial_id": "U-1"]),
            ]
        let linker = try Linker(records: records, settings: settings)
        let cited = try linker.explain(a: L.ref("fr-lyon:3"), b: L.ref("de-ulm-trial:U-1"))
        XCTAssertEqual(cited.decision, .deterministic(rule: "trial_id"))
        XCTAssertTrue(cited.sameCluster)
        XCTAssertEqual(cited.joinedBy?.rule, "deterministic trial_id")
        XCTAssertTrue(cited.text.contains("decision: deterministic rule trial_id links them\n"))
        XCTAssertTrue(
            cited.text.contains("outcome: one pooled patient — this pair's edge joined them (deterministic trial_id)\n")
        )
        let sameCentre = try linker.explain(a: L.ref("fr-lyon:1"), b: L.ref("fr-lyon:2"))
        XCTAssertEqual(sameCentre.decision, .sameCentre)
        let unblocked = try linker.explain(a: L.ref("fr-lyon:1"), b: L.ref("be-gent:2"))
        XCTAssertEqual(unblocked.decision, .notCompared, "female and male: no pass puts them together")
        XCTAssertEqual(unblocked.steps.count, 2, "the waterfall is shown all the same")
        XCTAssertThrowsError(try linker.explain(a: L.ref("fr-lyon:1"), b: L.ref("fr-lyon:404"))) { error in
            XCTAssertEqual(error as? LinkageError, .unknownRecord(L.ref("fr-lyon:404")))
        }
    }

    func testWithoutProbabilisticSettingsThereIsNoWaterfall() throws {
        let linker = try Linker(
            records: [L.record("fr-lyon:1"), L.record("be-gent:1")], settings: LinkageSettings(location: L.loc(1)))
        let e = try linker.explain(a: L.ref("fr-lyon:1"), b: L.ref("be-gent:1"))
        XCTAssertEqual(e.decision, .noRule)
        XCTAssertNil(e.probability)
        XCTAssertEqual(e.steps, [])
        XCTAssertTrue(e.text.contains("no probabilistic linkage configured\n"))
    }
}
