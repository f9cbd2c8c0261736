import Foundation
import RegpoolLoad
import XCTest

/// A run killed (SIGKILL) at each named moment of staging, writing, publishing and pruning leaves
/// `current` at a complete build that `regpool verify` accepts — the previous one until the new
/// symlink is in place, the new one after — and the next run succeeds with nothing left behind.
final class CrashPointTests: XCTestCase {
    func testAKillAtEveryNamedMomentLeavesCurrentAtAVerifiedBuild() throws {
        let copy = try SampleCopy("crash-points")
        try copy.append("pipelines/sample-nightly.yaml", line: "keep_builds: 1")
        let binary = try CLITests.binary()
        let out = copy.root + "/builds"
        func run(_ crashAt: String? = nil) throws -> Int32 {
            var env = ProcessInfo.processInfo.environment
            env["REGPOOL_CRASH_AT"] = crashAt
            return try TestSupport.run(
                binary, ["run", "pipelines/sample-nightly.yaml"], environment: env, cwd: copy.root
            ).status
        }
        func current() -> String? { OutputFolder(path: out).current }
        func verify(_ what: String) throws {
            let r = try TestSupport.run(binary, ["verify", "builds/current"], cwd: copy.root)
            XCTAssertEqual(r.status, 0, "\(what): \(r.out) \(r.err)")
        }
        XCTAssertEqual(try run(), 3)
        for (index, point) in CrashPoint.all.enumerated() {
            if point != "publish.exchanged" { try OperationsSamples.setBlasts(copy, "3,\(index)") }  // a new build id
            let before = try XCTUnwrap(current())
            XCTAssertEqual(try run(point), 9, "\(point): the run was killed there")
            try verify("after a kill at \(point)")
            let after = try XCTUnwrap(current())
            if ["publish.linked", "prune.started"].contains(point) {
                XCTAssertNotEqual(after, before, "\(point): the new build was already current")
            } else {
                XCTAssertEqual(after, before, "\(point): current still names the previous build")
            }
            XCTAssertEqual(try run(), 3, "\(point): the next run succeeds")
            try verify("after the run that followed \(point)")
            let left = try FileManager.default.contentsOfDirectory(atPath: out).filter {
                $0.hasPrefix(".") && $0 != ".lock"
            }
            XCTAssertEqual(left, [], "\(point): nothing left behind")
            let builds = try FileManager.default.contentsOfDirectory(atPath: out).filter { $0.hasPrefix("b-") }
            XCTAssertEqual(builds, [try XCTUnwrap(current())], "\(point): keep_builds 1")
        }
    }
}
