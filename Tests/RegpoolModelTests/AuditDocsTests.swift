import Foundation
import RegpoolModel
import XCTest

/// Every audit code in code is documented in docs/audit-events.md with its event name and stage.
final class AuditDocsTests: XCTestCase {
    func testEveryCodeIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/audit-events.md"), encoding: .utf8)
        for code in AuditCode.all {
            XCTAssertTrue(doc.contains("| \(code.code) | \(code.event) | \(code.stage.rawValue) |"),
                          "docs/audit-events.md lacks the row for \(code.code) \(code.event)")
        }
    }
}
