import Foundation
import RegpoolPipeline
import XCTest

/// `regpool explain POOLED_ID`: the lineage of a patient merged from two centres of the sample build.
final class ExplainTests: XCTestCase {
    /// The sample's probabilistic link: us-lakeside:LS-022 joined ca-toronto:TOR-021 (p ≈ 0.9986).
    private func explainMerged(json: Bool) throws -> (id: String, out: String) {
        let summary = try SampleBuild.shared()
        let ids = try PooledIDs.byMember(summary)
        let id = try XCTUnwrap(ids["us-lakeside:LS-022"])
        XCTAssertEqual(ids["ca-toronto:TOR-021"], id, "the sample links the two")
        let r = try TestSupport.run(
            try CLITests.binary(),
            [
                "explain", id, "--build", summary.buildPath, "--pipeline",
                SampleBuild.pipeline,
            ] + (json ? ["--json"] : []))
        XCTAssertEqual(r.status, 0, r.err)
        return (id, r.out)
    }

    func testAMergedPatientShowsBothRecordsTheLinkWeightsAndTheWinningRule() throws {
        let (id, out) = try explainMerged(json: true)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        XCTAssertEqual(object["pooled_id"] as? String, id)
        let records = try XCTUnwrap(object["records"] as? [[String: Any]])
        let members = Set(records.map { "\($0["centre"]!):\($0["local_id"]!)" })
        XCTAssertEqual(members, ["ca-toronto:TOR-021", "us-lakeside:LS-022"])
        XCTAssertTrue(records.contains { $0["status"] as? String == "survivor" })
        XCTAssertTrue(records.allSatisfy { ($0["record_sha256"] as? String)?.count == 64 })

        // The link: its waterfall of weights adds up to the probability the build recorded.
        let links = try XCTUnwrap(object["links"] as? [[String: Any]])
        XCTAssertEqual(links.count, 1)
        let explanation = try XCTUnwrap(links[0]["explanation"] as? [String: Any])
        let steps = try XCTUnwrap(explanation["steps"] as? [[String: Any]])
        XCTAssertGreaterThan(steps.count, 5)
        let prior = try XCTUnwrap(explanation["prior_log2_odds"] as? Double)
        let sum = steps.compactMap { $0["weight"] as? Double }.reduce(prior, +)
        XCTAssertEqual(sum, try XCTUnwrap(explanation["total_log2_odds"] as? Double), accuracy: 1e-9)
        let probability = try XCTUnwrap(explanation["probability"] as? Double)
        let merged = try XCTUnwrap(records.first { $0["status"] as? String == "merged" })
        XCTAssertEqual(probability, try XCTUnwrap(merged["match_probability"] as? Double), accuracy: 1e-9)

        // A value two centres disagree on: the winner's field, text and mapping rule (file:line).
        let values = try XCTUnwrap(object["values"] as? [[String: Any]])
        let diagnosis = try XCTUnwrap(
            values.first { $0["table"] as? String == "patients" && $0["column"] as? String == "diagnosis_date" })
        let sources = try XCTUnwrap(diagnosis["sources"] as? [[String: Any]])
        XCTAssertEqual(
            Set(sources.compactMap { $0["member"] as? String }), ["ca-toronto:TOR-021", "us-lakeside:LS-022"])
        let winner = try XCTUnwrap(sources.first { $0["wins"] as? Bool == true })
        XCTAssertEqual(winner["value"] as? String, diagnosis["value"] as? String)
        XCTAssertTrue((diagnosis["why"] as? String ?? "").contains("L4021"), "\(diagnosis)")
        try assertRuleNames(winner, column: "diagnosis_date")
        let loser = try XCTUnwrap(sources.first { $0["wins"] as? Bool == false })
        XCTAssertNotEqual(loser["value"] as? String, diagnosis["value"] as? String)
        try assertRuleNames(loser, column: "diagnosis_date")

        let events = try XCTUnwrap(object["events"] as? [[String: Any]])
        XCTAssertTrue(events.contains { $0["code"] as? String == "L4002" })
        XCTAssertTrue(events.allSatisfy { $0["count"] is NSNull }, "no counted summaries")
    }

    func testTheTextNamesRecordsWeightsAndRules() throws {
        let (id, out) = try explainMerged(json: false)
        XCTAssertTrue(out.hasPrefix("Patient \(id) in build b-"), out)
        XCTAssertTrue(out.contains("ca-toronto:TOR-021") && out.contains("us-lakeside:LS-022"))
        XCTAssertTrue(out.contains("final log2 odds") && out.contains("weight"), out)
        XCTAssertTrue(out.contains("✓ us-lakeside:LS-022") && out.contains("rule ../mappings/us-lakeside.yaml:"), out)
    }

    /// A converted value names its conversion beside the rule (fr-lyon sends haemoglobin in g/L).
    func testConversionsThatMadeAValueAreShown() throws {
        let summary = try SampleBuild.shared()
        let id = try XCTUnwrap(try PooledIDs.byMember(summary)["fr-lyon:LY0001"])
        let r = try TestSupport.run(
            try CLITests.binary(),
            [
                "explain", id, "--build", summary.buildPath, "--pipeline",
                SampleBuild.pipeline, "--json",
            ])
        XCTAssertEqual(r.status, 0, r.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let values = try XCTUnwrap(object["values"] as? [[String: Any]])
        let hb = try XCTUnwrap(
            values.first { $0["table"] as? String == "patients" && $0["column"] as? String == "hb_g_dl" })
        let source = try XCTUnwrap((hb["sources"] as? [[String: Any]])?.first)
        XCTAssertEqual(source["conversion"] as? String, "× 0.1 from g/L")
        XCTAssertEqual(source["source_value"] as? String, "97")
        XCTAssertEqual(source["wins"] as? Bool, true)
    }

    func testAnUnknownPooledIDIsAUsageError() throws {
        let summary = try SampleBuild.shared()
        let r = try TestSupport.run(
            try CLITests.binary(),
            [
                "explain", "P-0000000000000000", "--build", summary.buildPath,
                "--pipeline", SampleBuild.pipeline,
            ])
        XCTAssertEqual(r.status, 64)
        XCTAssertTrue(r.err.contains("No pooled patient P-0000000000000000 in build \(summary.buildID)"), r.err)
        let bad = try TestSupport.run(try CLITests.binary(), ["explain", "TOR-021"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.err.contains("is not a pooled id"), bad.err)
    }

    /// `rule` is `MAPPING:LINE`, and that line of the mapping file is where the column's rule starts.
    private func assertRuleNames(
        _ source: [String: Any], column: String, file: StaticString = #filePath,
        line: UInt = #line
    ) throws {
        let rule = try XCTUnwrap(source["rule"] as? String, file: file, line: line)
        let parts = rule.split(separator: ":")
        let path = (SampleBuild.pipeline as NSString).deletingLastPathComponent + "/" + String(parts[0])
        let number = try XCTUnwrap(Int(parts[1]), file: file, line: line)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[number - 1].contains("\(column):"), "\(rule): \(lines[number - 1])", file: file, line: line)
    }
}
