import Foundation
import RegpoolPipeline
import XCTest

/// A person's decisions in the overrides file: the next run applies and audits them.
final class LinkageOverrideTests: XCTestCase {
    static let header = "decision,centre_a,local_id_a,centre_b,local_id_b,reason\n"

    func testWithoutTheOverrideTheGreyPairIsSeparateAndInTheClericalReview() throws {
        let copy = try SampleCopy("no-override")
        try copy.write("samples/linkage/overrides.csv", Self.header)
        let summary = try copy.build()
        let ids = try PooledIDs.byMember(summary)
        XCTAssertNotEqual(ids["be-gent:GE-0023"], ids["de-ulm-trial:ULM-009"])
        let review = try String(contentsOfFile: summary.buildPath + "/clerical-review.csv", encoding: .utf8)
        let rows = review.split(separator: "\n")
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows[1].hasPrefix(",be-gent,GE-0023,de-ulm-trial,ULM-009,,0."), String(rows[1]))
        let html = try String(contentsOfFile: summary.buildPath + "/clerical-review.html", encoding: .utf8)
        XCTAssertTrue(html.contains("be-gent GE-0023 — de-ulm-trial ULM-009"))
        let audit = try String(contentsOfFile: summary.buildPath + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains("\"code\":\"L4003\""))
        XCTAssertFalse(audit.contains("\"code\":\"L4004\""))
    }

    func testForceSeparateSplitsAPlantedLinkAndForceLinkJoinsTheGreyPair() throws {
        let copy = try SampleCopy("overrides")
        try copy.write(
            "samples/linkage/overrides.csv",
            Self.header
                + "force_link,be-gent,GE-0023,de-ulm-trial,ULM-009,reviewed: same patient\n"
                + "force_separate,us-lakeside,LS-022,ca-toronto,TOR-021,\"reviewed: different patients, see chart\"\n")
        let summary = try copy.build()
        let ids = try PooledIDs.byMember(summary)
        XCTAssertEqual(ids["be-gent:GE-0023"], ids["de-ulm-trial:ULM-009"], "force_link joins the grey pair")
        XCTAssertNotEqual(ids["ca-toronto:TOR-021"], ids["us-lakeside:LS-022"], "force_separate splits the scored link")
        XCTAssertEqual(ids["be-gent:GE-0021"], ids["de-ulm-trial:ULM-006"], "other links stay")
        let overridden = try String(contentsOfFile: summary.buildPath + "/audit.jsonl", encoding: .utf8)
            .split(separator: "\n").filter { $0.contains("\"code\":\"L4004\"") }
        XCTAssertEqual(overridden.count, 2)
        XCTAssertTrue(overridden.contains { $0.contains("force_link") && $0.contains("overrides.csv:2") })
        XCTAssertTrue(overridden.contains { $0.contains("force_separate") && $0.contains("overrides.csv:3") })
        let patients = summary.tables.first { $0.schema.name == "patients" }!
        XCTAssertEqual(patients.rows.count, 127)
    }

    func testAnOverrideNamingAnUnknownCentreStopsTheRunWithItsLine() throws {
        let copy = try SampleCopy("bad-override")
        try copy.write(
            "samples/linkage/overrides.csv",
            Self.header
                + "force_link,be-gnet,GE-0023,de-ulm-trial,ULM-009,typo in the centre\n")
        XCTAssertThrowsError(try copy.build()) { error in
            let message = (error as? PipelineError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("overrides.csv:2"), message)
            XCTAssertTrue(message.contains("be-gent"), "the hint names the nearest centre: \(message)")
            XCTAssertEqual((error as? PipelineError)?.kind, .config)
        }
    }
}

/// `regpool check` reads the overrides file as strictly as a run does.
final class OverridesCheckTests: XCTestCase {
    func testCheckReportsABrokenOverridesFile() throws {
        let copy = try SampleCopy("check-overrides")
        try copy.write(
            "samples/linkage/overrides.csv",
            LinkageOverrideTests.header
                + "force_merge,be-gent,GE-0023,de-ulm-trial,ULM-009,wrong decision word\n")
        XCTAssertThrowsError(try PipelineChecker(pipelinePath: copy.pipeline).check()) { error in
            let message = (error as? PipelineError)?.message ?? "\(error)"
            XCTAssertTrue(message.contains("overrides.csv:2"), message)
            XCTAssertTrue(message.contains("force_link"), "the hint names the valid decisions: \(message)")
        }
    }
}
