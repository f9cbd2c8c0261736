import Foundation
import XCTest

/// The `regpool` executable as a user meets it: help, errors, exit codes.
final class CLITests: XCTestCase {
    /// The built `regpool` next to the test bundle (or REGPOOL_BIN).
    static func binary() throws -> String {
        if let bin = ProcessInfo.processInfo.environment["REGPOOL_BIN"] { return bin }
        let dir = Bundle.main.bundleURL.path
        for candidate in [dir + "/regpool", (dir as NSString).deletingLastPathComponent + "/regpool"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw XCTSkip("the regpool executable was not built next to the tests (\(dir))")
    }

    func testHelpExplainsTheCommands() throws {
        let top = try TestSupport.run(try Self.binary(), ["--help"])
        XCTAssertEqual(top.status, 0)
        XCTAssertTrue(top.out.contains("run"), top.out)
        XCTAssertTrue(top.out.contains("Exit codes"), top.out)
        for command in ["verify", "explain", "diff", "stage", "report", "check", "inspect"] {
            XCTAssertTrue(top.out.contains("  \(command)"), "\(command) is listed: \(top.out)")
        }
        XCTAssertTrue(top.out.contains("75 another run holds the output folder's"), top.out)
        let run = try TestSupport.run(try Self.binary(), ["run", "--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.out.contains("--out"), run.out)
        XCTAssertTrue(run.out.contains("pipeline"), run.out)
    }

    func testMissingPipelineFileNamesItAndExits65() throws {
        let r = try TestSupport.run(try Self.binary(), ["run", "/nonexistent/night.yaml"])
        XCTAssertEqual(r.status, 65)
        XCTAssertTrue(r.err.contains("/nonexistent/night.yaml"), r.err)
        XCTAssertTrue(r.err.contains("does not exist"), r.err)
        XCTAssertFalse(r.err.contains("Fatal error"), r.err)
    }

    func testMappingWithUnknownKeyNamesFileAndLine() throws {
        let dir = try TestSupport.tempDir("cli-mapping")
        let mapping = try String(contentsOfFile: TestSupport.root + "/mappings/fr-lyon.yaml", encoding: .utf8)
        // Plant an unknown key on line 2.
        let lines = mapping.split(separator: "\n", omittingEmptySubsequences: false)
        let planted = ([lines[0], "colour: blue"] + lines.dropFirst()).joined(separator: "\n")
        try planted.write(toFile: dir + "/fr-lyon.yaml", atomically: true, encoding: .utf8)
        try pipeline(in: dir, mapping: dir + "/fr-lyon.yaml", inbox: TestSupport.root + "/samples/fr-lyon")
        let r = try TestSupport.run(try Self.binary(), ["run", dir + "/p.yaml"])
        XCTAssertEqual(r.status, 65, r.err)
        XCTAssertTrue(r.err.contains(dir + "/fr-lyon.yaml:2:"), r.err)
        XCTAssertTrue(r.err.contains("colour"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out"), "nothing is built")
    }

    func testUnreadableInboxNamesItAndExits66() throws {
        let dir = try TestSupport.tempDir("cli-inbox")
        try pipeline(in: dir, mapping: TestSupport.root + "/mappings/fr-lyon.yaml", inbox: dir + "/no-such-inbox")
        let r = try TestSupport.run(try Self.binary(), ["run", dir + "/p.yaml"])
        XCTAssertEqual(r.status, 66, r.err)
        XCTAssertTrue(r.err.contains(dir + "/no-such-inbox"), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one paragraph: \(r.err)")
    }

    func testSampleRunPrintsOneLineAndExits3ForPlantedRejections() throws {
        let out = try TestSupport.tempDir("cli-run")
        let r = try TestSupport.run(
            try Self.binary(), ["run", TestSupport.root + "/pipelines/sample-nightly.yaml", "--out", out])
        XCTAssertEqual(r.status, 3, r.err)
        XCTAssertEqual(r.out.split(separator: "\n").count, 1, r.out)
        XCTAssertTrue(r.out.contains("built b-"), r.out)
        // At the default level stderr carries only warnings a person must see: the rejected file.
        let warnings = r.err.split(separator: "\n")
        XCTAssertEqual(warnings.count, 1, r.err)
        XCTAssertTrue(warnings.allSatisfy { $0.contains("warning") && $0.contains("file rejected") }, r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/current/manifest.json"))
        AuditSchemaCheck.check([out + "/current"])
    }

    private func pipeline(in dir: String, mapping: String, inbox: String) throws {
        try TestSupport.writePipeline(in: dir, centre: "fr-lyon", inbox: inbox, mapping: mapping)
    }
}
