import Foundation
import RegpoolPipeline
import XCTest

/// `regpool verify BUILD [--rebuild]`: a build against its manifest, and made again byte for byte.
final class VerifyTests: XCTestCase {
    private func regpool(_ args: [String], cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try TestSupport.run(try CLITests.binary(), args, cwd: cwd)
    }

    /// A private sample copy built into its own `builds/`, as cron would run it from the copy's root.
    private func builtCopy(_ name: String) throws -> (copy: SampleCopy, build: String) {
        let copy = try SampleCopy(name)
        let r = try regpool(["run", "pipelines/sample-nightly.yaml"], cwd: copy.root)
        XCTAssertEqual(r.status, 3, r.err)
        let id = try FileManager.default.destinationOfSymbolicLink(atPath: copy.root + "/builds/current")
        AuditSchemaCheck.check([copy.root + "/builds/" + id])
        return (copy, copy.root + "/builds/" + id)
    }

    func testTheSampleBuildVerifiesAndIsMadeAgainByteForByte() throws {
        let (copy, build) = try builtCopy("verify-rebuild")
        let plain = try regpool(["verify", "builds/current"], cwd: copy.root)
        XCTAssertEqual(plain.status, 0, plain.err)
        XCTAssertTrue(plain.out.contains("files match manifest.json"), plain.out)
        let rebuilt = try regpool(["verify", "builds/current", "--rebuild", "--json"], cwd: copy.root)
        XCTAssertEqual(rebuilt.status, 0, rebuilt.out + rebuilt.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rebuilt.out.utf8)) as? [String: Any])
        XCTAssertEqual(json["ok"] as? Bool, true)
        XCTAssertEqual(json["rebuilt"] as? Bool, true)
        let manifest = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: build + "/manifest.json")))
        let outputs = try XCTUnwrap((manifest as? [String: Any])?["outputs"] as? [[String: Any]])
        XCTAssertEqual(json["files_checked"] as? Int, outputs.count)
        XCTAssertTrue(outputs.contains { $0["path"] as? String == "audit.parquet" })
        XCTAssertTrue(outputs.contains { $0["path"] as? String == "patients.parquet" })
    }

    func testOneAlteredByteFailsAndNamesTheFile() throws {
        let (copy, build) = try builtCopy("verify-byte")
        let file = build + "/treatment_lines.parquet"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let r = try regpool(["verify", "builds/current"], cwd: copy.root)
        XCTAssertEqual(r.status, 5, r.out + r.err)
        XCTAssertTrue(r.err.contains("treatment_lines.parquet: has been altered"), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "only that file: \(r.err)")
        XCTAssertEqual(
            try regpool(["verify", "builds/current", "--rebuild"], cwd: copy.root).status, 5,
            "a build that does not verify is not rebuilt")
    }

    func testMissingAndUnlistedFilesAreNamed() throws {
        let (copy, build) = try builtCopy("verify-missing")
        try FileManager.default.removeItem(atPath: build + "/report.html")
        try "note".write(toFile: build + "/notes.txt", atomically: true, encoding: .utf8)
        let r = try regpool(["verify", build], cwd: copy.root)
        XCTAssertEqual(r.status, 5)
        XCTAssertTrue(r.err.contains("report.html: is missing"), r.err)
        XCTAssertTrue(r.err.contains("notes.txt: is in the build folder but not in its manifest"), r.err)
    }

    func testRebuildRefusesChangedInputsAndMappingsNamingThem() throws {
        let (copy, _) = try builtCopy("verify-changed")
        try copy.append("samples/kr-seoul/seoul_mds_20261120.csv", line: "")
        let input = try regpool(["verify", "builds/current", "--rebuild"], cwd: copy.root)
        XCTAssertEqual(input.status, 66, input.err)
        XCTAssertTrue(
            input.err.contains("../samples/kr-seoul/seoul_mds_20261120.csv (centre kr-seoul) has changed"), input.err)
        let original = try Data(
            contentsOf: URL(fileURLWithPath: TestSupport.root + "/samples/kr-seoul/seoul_mds_20261120.csv"))
        try original.write(to: URL(fileURLWithPath: copy.root + "/samples/kr-seoul/seoul_mds_20261120.csv"))
        try copy.append("mappings/fr-lyon.yaml", line: "# edited after the build")
        let mapping = try regpool(["verify", "builds/current", "--rebuild"], cwd: copy.root)
        XCTAssertEqual(mapping.status, 5, mapping.err)
        XCTAssertTrue(
            mapping.err.contains("../mappings/fr-lyon.yaml (mapping:fr-lyon) has changed since the build"), mapping.err)
    }

    func testRebuildLeavesNewExportsOutAndStillMatches() throws {
        let (copy, _) = try builtCopy("verify-new-export")
        // Tonight's export arrives after the build: the rebuild reads only what the build read.
        let source = TestSupport.root + "/samples/kr-seoul/seoul_mds_20261120.csv"
        try FileManager.default.copyItem(atPath: source, toPath: copy.root + "/samples/kr-seoul/seoul_mds_20261121.csv")
        let r = try regpool(["verify", "builds/current", "--rebuild"], cwd: copy.root)
        XCTAssertEqual(r.status, 0, r.out + r.err)
    }

    /// A file that matches no source is named in the audit (P0002), so it is part of the build id;
    /// one that arrives after a build is left out of that build's rebuild.
    func testIgnoredFilesArePartOfTheBuildAndPinnedOnRebuild() throws {
        let (copy, build) = try builtCopy("verify-ignored")
        try "call the centre\n".write(
            toFile: copy.root + "/samples/kr-seoul/README.txt", atomically: true, encoding: .utf8)
        let rebuilt = try regpool(["verify", build, "--rebuild"], cwd: copy.root)
        XCTAssertEqual(rebuilt.status, 0, rebuilt.out + rebuilt.err)
        let next = try regpool(["run", "pipelines/sample-nightly.yaml", "--json"], cwd: copy.root)
        let summary = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(next.out.utf8)) as? [String: Any], next.out + next.err)
        let id = try XCTUnwrap(summary["build_id"] as? String)
        XCTAssertNotEqual(id, (build as NSString).lastPathComponent, "an ignored file changes the build")
        let audit = try String(contentsOfFile: copy.root + "/builds/\(id)/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(
            audit.contains(
                #""code":"P0002","event":"FileIgnored","stage":"pipeline","centre":"kr-seoul","file":"README.txt""#))
        let manifest = try String(contentsOfFile: copy.root + "/builds/\(id)/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains(#"{"centre":"kr-seoul","file":"README.txt"}"#), manifest)
        XCTAssertEqual(try regpool(["verify", "builds/\(id)", "--rebuild"], cwd: copy.root).status, 0)
    }
}
