import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// Clustering: constraints (same centre, one record per centre, force_separate, score
/// consistency), overrides, deterministic rules and their audit.
final class LinkageConstraintTests: XCTestCase {
    typealias L = LinkageFixtures

    /// Every pair compared (one block), m and u given, prior 0.1 — so λ = 0.1 and, by hand:
    /// same diagnosis day and WHO class: 0.076 / (0.076 + 0.9·0.001·0.3) = 0.99646 (link);
    /// ≤ 7 days and same WHO class: 0.01425 / (0.01425 + 0.9·0.01·0.3) = 0.84071 (review);
    /// same day, WHO class missing: 0.08 / (0.08 + 0.9·0.001) = 0.98888 (link).
    static let settings = L.settings(
        [L.pass([])],
        [
            L.comparison(.diagnosisDate, [0, 7], m: [0.8, 0.15, 0.05], u: [0.001, 0.01, 0.989]),
            L.comparison(.birthMonth, m: [0.98, 0.02], u: [0.083, 0.917]),
            L.comparison(.whoClass, m: [0.95, 0.05], u: [0.3, 0.7]),
        ],
        estimation: .given, prior: 0.1, link: 0.95, review: 0.5)

    func names(_ result: LinkageResult) -> [[String]] { L.groups(result) }

    func testTwoPatientsOfOneCentreAreNeverLinked() throws {
        let rule = DeterministicRule(
            name: "registry_no", left: LinkKeyReference(centre: nil, key: "registry_no"),
            right: LinkKeyReference(centre: nil, key: "registry_no"), location: L.loc(12))
        var settings = Self.settings
        settings.deterministic = [rule]
        let records = [
            L.record("fr-lyon:1", keys: ["registry_no": "R-1"]), L.record("fr-lyon:2", keys: ["registry_no": "R-1"]),
        ]
        let linker = try Linker(records: records, settings: settings)
        XCTAssertEqual(linker.result.clusters, [[0], [1]])
        XCTAssertEqual(linker.result.pairsCompared, 0)
        let refused = L.events(linker.result, .linkRefused)
        XCTAssertEqual(refused.count, 1)
        XCTAssertEqual(refused.first?.rule, "deterministic registry_no")
        XCTAssertEqual(
            refused.first?.message,
            "fr-lyon:1 and fr-lyon:2 were not linked (deterministic registry_no): the cluster would hold two local patients of fr-lyon (1 and 2)"
        )
        XCTAssertEqual(try linker.explain(a: L.ref("fr-lyon:2"), b: L.ref("fr-lyon:1")).decision, .sameCentre)
    }

    func testAClusterHoldsOneRecordPerCentreAndTheBestLinkWins() throws {
        let records = [
            L.record("fr-lyon:2", birthMonth: nil),
            L.record("de-ulm-trial:1", birthMonth: 3),
            L.record("fr-lyon:1", birthMonth: 3),  // also the same birth month: 0.9997 beats 0.99646
        ]
        let result = try Linker.link(records, settings: Self.settings)
        XCTAssertEqual(names(result), [["de-ulm-trial:1", "fr-lyon:1"]])
        XCTAssertEqual(result.refusedEdges.count, 1)
        XCTAssertEqual(
            result.refusedEdges.first?.reason, "the cluster would hold two local patients of fr-lyon (1 and 2)")
        XCTAssertEqual(
            result.refusedEdges.first?.edge.probability ?? 0, 0.076 / (0.076 + 0.9 * 0.001 * 0.3), accuracy: 1e-12)
        let linked = L.events(result, .patientsLinked)
        XCTAssertEqual(linked.map(\.sourceValue), ["fr-lyon:1"])
        XCTAssertEqual(linked.map(\.targetValue), ["de-ulm-trial:1"])
        XCTAssertEqual(linked.map(\.rule), ["probabilistic p=0.9997"])
    }

    /// be-gent:1 – de-ulm-trial:1 share the birth month and score highest; fr-lyon:1 matches both.
    static let chain = [
        L.record("be-gent:1", birthMonth: 3), L.record("de-ulm-trial:1", birthMonth: 3),
        L.record("fr-lyon:1", birthMonth: nil),
    ]

    func testForceSeparateBreaksATransitiveChain() throws {
        XCTAssertEqual(
            names(try Linker.link(Self.chain, settings: Self.settings)), [["be-gent:1", "de-ulm-trial:1", "fr-lyon:1"]])
        let apart = L.override(.forceSeparate, "fr-lyon:1", "be-gent:1", line: 3)
        let linker = try Linker(records: Self.chain, settings: Self.settings, overrides: [apart])
        let result = linker.result
        XCTAssertEqual(names(result), [["be-gent:1", "de-ulm-trial:1"]])
        let overridden = L.events(result, .linkOverridden)
        XCTAssertEqual(overridden.map(\.rule), ["override force_separate linkage/overrides.csv:3"])
        XCTAssertEqual(
            overridden.first?.message,
            "override force_separate linkage/overrides.csv:3 keeps be-gent:1 and fr-lyon:1 apart (reason: checked the charts)"
        )
        let refused = L.events(result, .linkRefused)
        XCTAssertEqual(
            refused.map(\.sourceValue), ["be-gent:1", "de-ulm-trial:1"], "be–fr directly, then de–fr through be")
        XCTAssertTrue(
            refused.allSatisfy {
                $0.message.hasSuffix(
                    "override force_separate linkage/overrides.csv:3 keeps be-gent:1 and fr-lyon:1 apart")
            }, "\(refused.map(\.message))")
        let explanation = try linker.explain(a: L.ref("be-gent:1"), b: L.ref("fr-lyon:1"))
        XCTAssertEqual(explanation.decision, .forceSeparate(location: "linkage/overrides.csv:3"))
        XCTAssertFalse(explanation.sameCluster)
    }

    func testScoreConsistencyKeepsAnAmbiguousRecordFromChainingTwoPatients() throws {
        // de-ulm-trial:1 has no month and no WHO class: it links to both others (0.98888 each), but
        // be-gent:1 and fr-lyon:1 disagree on both: 0.00008 / (0.00008 + 0.9·0.001·0.917·0.7) = 0.1216.
        let records = [
            L.record("be-gent:1", birthMonth: 3, who: "del5q_syndrome"),
            L.record("de-ulm-trial:1", birthMonth: nil, who: nil),
            L.record("fr-lyon:1", birthMonth: 9, who: "rcmd"),
        ]
        let linker = try Linker(records: records, settings: Self.settings)
        XCTAssertEqual(names(linker.result), [["be-gent:1", "de-ulm-trial:1"]], "tie at 0.98888: pair order decides")
        XCTAssertEqual(
            linker.result.refusedEdges.map(\.reason),
            [
                "the cluster would hold be-gent:1 and fr-lyon:1, whose own match probability 0.1216 is below the review threshold 0.5"
            ])
        let explanation = try linker.explain(a: L.ref("fr-lyon:1"), b: L.ref("de-ulm-trial:1"))
        XCTAssertEqual(explanation.decision, .scored(.link))
        XCTAssertEqual(explanation.refusal, linker.result.refusedEdges.first?.reason)
        XCTAssertFalse(explanation.sameCluster)
    }

    func testForceLinkJoinsAGreyZonePair() throws {
        let records = [L.record("be-gent:1", diagnosis: "2011-03-14"), L.record("fr-lyon:1", diagnosis: "2011-03-18")]
        let before = try Linker.link(records, settings: Self.settings)
        XCTAssertEqual(
            before.reviewPairs.map(\.probability).first ?? 0, 0.01425 / (0.01425 + 0.9 * 0.01 * 0.3), accuracy: 1e-12)
        XCTAssertEqual(L.events(before, .linkReviewPending).count, 1)
        XCTAssertEqual(names(before), [])

        let link = L.override(.forceLink, "be-gent:1", "fr-lyon:1", line: 5, reason: "same patient per both charts")
        let after = try Linker.link(records, settings: Self.settings, overrides: [link])
        XCTAssertEqual(names(after), [["be-gent:1", "fr-lyon:1"]])
        XCTAssertEqual(after.reviewPairs, [], "decided: no longer for review")
        XCTAssertEqual(L.events(after, .linkReviewPending), [])
        XCTAssertEqual(
            after.joiningEdges[1], LinkEdge(kind: .forceLink(location: "linkage/overrides.csv:5"), 0, 1, probability: 1)
        )
        XCTAssertEqual(
            L.events(after, .linkOverridden).map(\.message),
            [
                "override force_link linkage/overrides.csv:5 joins be-gent:1 and fr-lyon:1 (reason: same patient per both charts)"
            ])
        XCTAssertEqual(L.events(after, .patientsLinked).map(\.rule), ["override force_link linkage/overrides.csv:5"])
    }

    func testOverrideNamingAPatientNotInTheBuildIsReportedAndSkipped() throws {
        let records = [L.record("be-gent:1", diagnosis: "2011-03-14"), L.record("fr-lyon:1", diagnosis: "2011-03-18")]
        let stale = L.override(.forceLink, "be-gent:1", "fr-lyon:999", line: 8)
        let result = try Linker.link(records, settings: Self.settings, overrides: [stale])
        XCTAssertEqual(names(result), [])
        let unmatched = L.events(result, .overrideUnmatched)
        XCTAssertEqual(unmatched.count, 1)
        XCTAssertEqual(unmatched.first?.centre, "fr-lyon")
        XCTAssertEqual(unmatched.first?.locator, "local_id=999")
        XCTAssertEqual(unmatched.first?.sourceValue, "fr-lyon:999")
        XCTAssertEqual(unmatched.first?.rule, "override force_link linkage/overrides.csv:8")
        XCTAssertEqual(L.events(result, .linkOverridden), [])
    }

    func testDeterministicRuleLinksCitationsAndReportsUnmatchedOnes() throws {
        let rule = DeterministicRule(
            name: "trial_id", left: LinkKeyReference(centre: "fr-lyon", key: "trial_id"),
            right: LinkKeyReference(centre: "de-ulm-trial", key: "local_id"), location: L.loc(14))
        let settings = LinkageSettings(deterministic: [rule], location: L.loc(13))
        let records = [
            L.record("fr-lyon:1", keys: ["trial_id": "ULM-07"]), L.record("fr-lyon:2", keys: ["trial_id": "ULM-99"]),
            L.record("de-ulm-trial:ULM-07"), L.record("de-ulm-trial:ULM-08"),
            L.record("be-gent:1", keys: ["trial_id": "ULM-08"]),
        ]
        let result = try Linker.link(records, settings: settings)
        XCTAssertEqual(names(result), [["de-ulm-trial:ULM-07", "fr-lyon:1"]], "be-gent is not the rule's left centre")
        XCTAssertNil(result.model)
        XCTAssertEqual(result.pairsCompared, 0)
        XCTAssertEqual(result.joiningEdges[3]?.kind, .deterministic(rule: "trial_id"))
        XCTAssertEqual(result.joiningEdges[3]?.probability, 1)
        let linked = L.events(result, .patientsLinked)
        XCTAssertEqual(linked.map(\.sourceValue), ["fr-lyon:1"])
        XCTAssertEqual(linked.map(\.targetValue), ["de-ulm-trial:ULM-07"])
        XCTAssertEqual(linked.map(\.rule), ["deterministic trial_id"])
        let unmatched = L.events(result, .citationUnmatched)
        XCTAssertEqual(unmatched.map(\.sourceValue), ["ULM-99"])
        XCTAssertEqual(unmatched.first?.field, "trial_id")
        XCTAssertEqual(unmatched.first?.locator, "local_id=2")
        XCTAssertEqual(
            unmatched.first?.message,
            "fr-lyon:2 has trial_id 'ULM-99', but no record of de-ulm-trial carries it as local_id; check the cited id in the export, or the rule's centres and keys"
        )
        XCTAssertEqual(
            L.events(result, .linkageSummarized).first?.message,
            "5 local patients, 0 pairs compared; 1 links (0 override, 1 deterministic, 0 probabilistic), 0 refused, 0 pairs for review"
        )
    }
}
