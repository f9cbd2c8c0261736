import Foundation
import RegpoolLoad
import RegpoolPipeline
import XCTest

/// Nightly operations as cron meets them: the lock, stale leftovers, retention, the JSON summary.
final class OperationsTests: XCTestCase {
    private func regpool(_ args: [String], cwd: String? = nil) throws -> (status: Int32, out: String, err: String) {
        try TestSupport.run(try CLITests.binary(), args, cwd: cwd)
    }

    /// A run finding the output folder locked exits 75 at once, names the holder and touches nothing.
    func testARunOnALockedOutputExits75InUnderASecond() throws {
        let out = try TestSupport.tempDir("locked")
        let lock = try RunLock(outputDirectory: out)
        let started = Date()
        let r = try regpool(["run", SampleBuild.pipeline, "--out", out, "--json"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(r.status, 75, r.err)
        XCTAssertLessThan(elapsed, 1.0)
        XCTAssertTrue(r.err.contains("pid \(getpid())") && r.err.contains(out + "/.lock"), r.err)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.out)
        XCTAssertEqual(json["error"] as? String, "locked")
        XCTAssertEqual(json["exit_status"] as? Int, 75)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out), [".lock"], "nothing was written")
        lock.release()
        XCTAssertEqual(try regpool(["run", SampleBuild.pipeline, "--out", out]).status, 3, "free again once released")
    }

    /// Two real runs started together: one builds, the other exits 75 in under a second.
    func testTwoConcurrentRunsOneBuildsTheOtherIsLockedOut() throws {
        for attempt in 1...5 {
            let out = try TestSupport.tempDir("concurrent")
            let first = Process()
            first.executableURL = URL(fileURLWithPath: try CLITests.binary())
            first.arguments = ["run", SampleBuild.pipeline, "--out", out]
            first.standardOutput = FileHandle.nullDevice
            first.standardError = FileHandle.nullDevice
            try first.run()
            // Wait until the first run holds the lock (its pid is in the lock file).
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, (try? String(contentsOfFile: out + "/.lock", encoding: .utf8))?.isEmpty ?? true {
                usleep(2_000)
            }
            let started = Date()
            let second = try regpool(["run", SampleBuild.pipeline, "--out", out])
            let elapsed = Date().timeIntervalSince(started)
            let firstStillRunning = first.isRunning
            first.waitUntilExit()
            if second.status != 75 && !firstStillRunning && attempt < 5 { continue }  // the first finished too soon
            XCTAssertEqual(second.status, 75, second.err)
            XCTAssertLessThan(elapsed, 1.0)
            XCTAssertEqual(first.terminationStatus, 3)
            XCTAssertEqual(try regpool(["verify", out + "/current"]).status, 0)
            return
        }
    }

    /// A lock file and staging folder left by a killed run do not stop the next run, which logs
    /// the takeover and removes the leftovers.
    func testAStaleLockAndStagingFolderAreTakenOver() throws {
        let out = try TestSupport.tempDir("stale")
        try "999999\n".write(toFile: out + "/.lock", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(
            atPath: out + "/.staging-b-0000000000000000-999999/patients",
            withIntermediateDirectories: true)
        let r = try regpool(["run", SampleBuild.pipeline, "--out", out])
        XCTAssertEqual(r.status, 3, r.err)
        XCTAssertTrue(r.err.contains("stale lock taken over") && r.err.contains("previous_pid=999999"), r.err)
        XCTAssertTrue(r.err.contains("leftovers of an interrupted run removed"), r.err)
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        XCTAssertEqual(names.filter { $0.hasPrefix(".") }, [".lock"])
        XCTAssertEqual(
            try String(contentsOfFile: out + "/.lock", encoding: .utf8), "", "a finished run empties the lock file")
    }

    /// `keep_builds: 2`: after three different builds, the two newest are kept, `current` the newest.
    func testOlderBuildsBeyondKeepBuildsAreRemoved() throws {
        let copy = try SampleCopy("keep")
        try copy.append("pipelines/sample-nightly.yaml", line: "keep_builds: 2")
        let out = try TestSupport.tempDir("keep-out")
        var ids: [String] = []
        for blasts in ["2,5", "2,6", "2,7"] {
            try OperationsSamples.setBlasts(copy, blasts)
            let summary = try copy.build(out: out)
            ids.append(summary.buildID)
        }
        XCTAssertEqual(Set(ids).count, 3)
        let kept = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("b-") }.sorted()
        XCTAssertEqual(kept, ids.suffix(2).sorted())
        XCTAssertEqual(OutputFolder(path: out).current, ids[2])
        AuditSchemaCheck.check(kept.map { out + "/" + $0 })
    }

    /// `run --json`: one JSON object with the figures a monitoring system alerts on.
    func testRunJSONSummary() throws {
        let out = try TestSupport.tempDir("json")
        let r = try regpool(["run", SampleBuild.pipeline, "--out", out, "--json"])
        XCTAssertEqual(r.status, 3, r.err)
        XCTAssertEqual(r.out.split(separator: "\n").count, 1)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.out)
        XCTAssertEqual(json["ok"] as? Bool, true)
        XCTAssertEqual(json["exit_status"] as? Int, 3)
        XCTAssertEqual(json["build_id"] as? String, try SampleBuild.shared().buildID)
        XCTAssertEqual(json["files_rejected"] as? Int, 1)
        XCTAssertFalse(r.err.contains("\u{1B}["), "no progress bar when stderr is not a terminal")
        AuditSchemaCheck.check([out + "/current"])
    }

    /// On a terminal (a pseudo-terminal from util-linux `script`), stderr carries a progress line
    /// redrawn in place and cleared before the summary.
    func testAProgressLineIsDrawnOnlyOnATerminal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("no util-linux script")
        }
        let out = try TestSupport.tempDir("tty")
        let command = "'\(try CLITests.binary())' run '\(SampleBuild.pipeline)' --out '\(out)'"
        let r = try TestSupport.run("/usr/bin/script", ["-qec", command, "/dev/null"])
        XCTAssertEqual(r.status, 3, r.out + r.err)
        XCTAssertTrue(
            r.out.contains("\r\u{1B}[2K[") && r.out.contains("extract fr-lyon") && r.out.contains("write"), r.out)
        XCTAssertTrue(r.out.contains("regpool: built b-"), r.out)
    }
}

/// Small changes to the sample exports for operations tests.
enum OperationsSamples {
    static let beGentUpdate = "samples/be-gent/patienten_2026-11-21.csv"

    /// Sets the marrow blasts of the one patient in be-gent's update file (Windows-1252, `;`).
    static func setBlasts(_ copy: SampleCopy, _ value: String) throws {
        let path = copy.root + "/" + beGentUpdate
        let original = try Data(contentsOf: URL(fileURLWithPath: TestSupport.root + "/" + beGentUpdate))
        var bytes = [UInt8](original)
        guard let field = bytes.firstRange(of: Array(";2,5;".utf8)) else {
            throw SampleChanged(file: beGentUpdate, expected: ";2,5;")
        }
        bytes.replaceSubrange(field, with: Array(";\(value);".utf8))  // ASCII only: no re-encoding
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

/// A test edits a sample export at a value that is no longer there: the test must be updated.
struct SampleChanged: Error, CustomStringConvertible {
    let file: String
    let expected: String
    var description: String { "\(file) no longer holds \(expected); update the test's edit" }
}
