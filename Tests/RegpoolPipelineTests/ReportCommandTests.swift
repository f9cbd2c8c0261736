import Foundation
import XCTest

/// `regpool report BUILD`: the report made again from the build's Parquet files is the build's own,
/// byte for byte; it never silently rewrites a build with a different report.
final class ReportCommandTests: XCTestCase {
    /// A copy of the shared sample build in a fresh folder.
    func copyOfSampleBuild() throws -> String {
        let copy = try TestSupport.tempDir("report-cmd") + "/build"
        try FileManager.default.copyItem(atPath: try SampleBuild.shared().buildPath, toPath: copy)
        return copy
    }

    func testRegeneratedReportIsByteIdenticalToTheBuilds() throws {
        let build = try copyOfSampleBuild()
        let original = try ["report.json", "report.html"].map {
            try Data(contentsOf: URL(fileURLWithPath: "\(build)/\($0)"))
        }
        for name in ["report.json", "report.html"] { try FileManager.default.removeItem(atPath: "\(build)/\(name)") }
        let r = try TestSupport.run(try CLITests.binary(), ["report", build])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("report.html"), r.out)
        let remade = try ["report.json", "report.html"].map {
            try Data(contentsOf: URL(fileURLWithPath: "\(build)/\($0)"))
        }
        XCTAssertEqual(remade, original, "regpool report gives the bytes the run wrote")
    }

    func testReportDifferingFromTheManifestGoesElsewhere() throws {
        let build = try copyOfSampleBuild()
        let manifestPath = "\(build)/manifest.json"
        var manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
        let json = try Data(contentsOf: URL(fileURLWithPath: "\(build)/report.json"))
        let hash = try XCTUnwrap(Self.sha(of: "report.json", in: manifest))
        manifest = manifest.replacingOccurrences(of: hash, with: String(repeating: "0", count: 64))
        try manifest.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let refused = try TestSupport.run(try CLITests.binary(), ["report", build])
        XCTAssertEqual(refused.status, 73, refused.err)
        XCTAssertTrue(refused.err.contains("report.json") && refused.err.contains("--out"), refused.err)
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: "\(build)/report.json")), json, "the build is untouched")
        let elsewhere = try TestSupport.tempDir("report-out")
        let written = try TestSupport.run(try CLITests.binary(), ["report", build, "--out", elsewhere])
        XCTAssertEqual(written.status, 0, written.err)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: "\(elsewhere)/report.json")), json)
    }

    func testNotABuildExits66NamingTheFolder() throws {
        let empty = try TestSupport.tempDir("not-a-build")
        let r = try TestSupport.run(try CLITests.binary(), ["report", empty])
        XCTAssertEqual(r.status, 66, r.err)
        XCTAssertTrue(r.err.contains(empty) && r.err.contains("manifest.json"), r.err)
    }

    func testDamagedTableExits66NamingTheFile() throws {
        let build = try copyOfSampleBuild()
        let path = "\(build)/analysis_cohort.parquet"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes = bytes.prefix(bytes.count / 2)
        try bytes.write(to: URL(fileURLWithPath: path))
        let r = try TestSupport.run(try CLITests.binary(), ["report", build])
        XCTAssertEqual(r.status, 66, r.err)
        XCTAssertTrue(r.err.contains("analysis_cohort.parquet"), r.err)
        XCTAssertFalse(r.err.contains("Fatal error"), r.err)
    }

    /// The SHA-256 the manifest records for an output file.
    static func sha(of name: String, in manifest: String) -> String? {
        guard let line = manifest.split(separator: "\n").first(where: { $0.contains("\"path\":\"\(name)\"") }),
            let range = line.range(of: #"[0-9a-f]{64}"#, options: .regularExpression)
        else { return nil }
        return String(line[range])
    }
}
