import Foundation
import RegpoolConfig
import RegpoolPipeline
import XCTest

/// `regpool explain-link`: the waterfall of a pair and what decided it.
final class ExplainLinkTests: XCTestCase {
    func testTheScoredDuplicateShowsEveryComparisonAndItsDecision() throws {
        let r = try TestSupport.run(
            try CLITests.binary(),
            [
                "explain-link", SampleBuild.pipeline, "ca-toronto:TOR-021", "us-lakeside:LS-022",
            ])
        XCTAssertEqual(r.status, 0, r.err)
        for field in [
            "sex", "birth_year", "diagnosis_date", "len_start_date", "len_initial_dose", "karyotype_category",
            "who_class", "region",
        ] {
            XCTAssertTrue(r.out.contains("\n" + field), "\(field) missing:\n\(r.out)")
        }
        XCTAssertTrue(r.out.contains("missing"), "TOR-021 sends no sex: neither agreement nor disagreement")
        XCTAssertTrue(r.out.contains("≤ 7 days"), r.out)
        XCTAssertTrue(r.out.contains("prior"), r.out)
        XCTAssertTrue(r.out.contains("match probability 0.99"), r.out)
        XCTAssertTrue(r.out.contains("link zone"), r.out)
    }

    func testNearTwinsAreExplainedAsSeparate() throws {
        let e = try LinkExplainer(pipelinePath: SampleBuild.pipeline).explain(
            PatientReference(centre: "be-gent", localID: "GE-0022"),
            PatientReference(centre: "de-ulm-trial", localID: "ULM-017"))
        XCTAssertFalse(e.sameCluster)
        XCTAssertLessThan(e.probability ?? 1, 0.5)
        XCTAssertTrue(e.text.contains("separate"), e.text)
    }

    func testTheOverrideIsNamedAsWhatDecided() throws {
        let e = try LinkExplainer(pipelinePath: SampleBuild.pipeline).explain(
            PatientReference(centre: "de-ulm-trial", localID: "ULM-009"),
            PatientReference(centre: "be-gent", localID: "GE-0023"))
        XCTAssertTrue(e.sameCluster)
        XCTAssertTrue(e.text.contains("override force_link ../samples/linkage/overrides.csv:3"), e.text)
    }

    func testAnUnknownPatientOrABadReferenceExits64() throws {
        let unknown = try TestSupport.run(
            try CLITests.binary(),
            [
                "explain-link", SampleBuild.pipeline, "be-gent:GE-9999", "de-ulm-trial:ULM-009",
            ])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertTrue(unknown.err.contains("be-gent:GE-9999"), unknown.err)
        let malformed = try TestSupport.run(
            try CLITests.binary(), ["explain-link", SampleBuild.pipeline, "GE-0023", "x:y"])
        XCTAssertEqual(malformed.status, 64)
        XCTAssertTrue(malformed.err.contains("CENTRE:LOCAL_ID"), malformed.err)
    }
}
