import Foundation
import XCTest

/// A nightly build killed at any moment leaves `current` at a complete build (Tests/ops/crash_test.py).
final class CrashTests: XCTestCase {
    /// SIGKILL at 50 seeded random moments of `regpool run` over the samples: after each kill,
    /// `regpool verify current` accepts the build it names, and the next run succeeds and verifies.
    func testSIGKILLAtFiftyMomentsLeavesAVerifiedCurrentBuild() throws {
        let binary = try CLITests.binary()
        let python = try TestSupport.python()
        let kills = ProcessInfo.processInfo.environment["REGPOOL_CRASH_KILLS"] ?? "50"
        let r = try TestSupport.run(
            python,
            [
                TestSupport.root + "/Tests/ops/crash_test.py", "--regpool", binary,
                "--root", TestSupport.root, "--kills", kills,
                "--schema", AuditSchemaCheck.schema,
            ])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        let result = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], r.out)
        XCTAssertEqual(result["kills"] as? Int, Int(kills))
        XCTAssertGreaterThan(
            result["killed_mid_run"] as? Int ?? 0, Int(kills)! / 2, "most kills land inside a run: \(r.out)")
        XCTAssertGreaterThan(result["distinct_current_builds"] as? Int ?? 0, 1, r.out)
    }
}
