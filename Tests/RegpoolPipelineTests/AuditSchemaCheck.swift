import Foundation
import RegpoolPipeline
import XCTest

/// Every build a test makes has its audit checked: each line of audit.jsonl against
/// docs/schemas/audit-event.v1.json (Python's jsonschema), and audit.parquet read by pyarrow and
/// DuckDB equal to audit.jsonl row for row (Tests/interop/audit_check.py).
enum AuditSchemaCheck {
    static let schema = TestSupport.root + "/docs/schemas/audit-event.v1.json"

    /// Fails the calling test naming the build, line and error; does nothing when the interop
    /// readers are not installed (under `make test` they are required).
    static func check(_ builds: [String], file: StaticString = #filePath, line: UInt = #line) {
        guard let python = try? TestSupport.python() else { return }
        do {
            let r = try TestSupport.run(python, [TestSupport.root + "/Tests/interop/audit_check.py", schema] + builds)
            XCTAssertEqual(r.status, 0, "audit check failed:\n\(r.out)\n\(r.err)", file: file, line: line)
        } catch {
            XCTFail("audit_check.py could not run: \(error)", file: file, line: line)
        }
    }
}

extension PipelineRunner {
    /// Runs, then checks the audit of the build it published.
    func checkedRun(file: StaticString = #filePath, line: UInt = #line) throws -> RunSummary {
        let summary = try run()
        AuditSchemaCheck.check([summary.buildPath], file: file, line: line)
        return summary
    }
}
