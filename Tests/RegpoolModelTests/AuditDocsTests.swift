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
            XCTAssertTrue(
                doc.contains("| \(code.code) | \(code.event) | \(code.stage.rawValue) |"),
                "docs/audit-events.md lacks the row for \(code.code) \(code.event)")
        }
    }

    /// docs/schemas/audit-event.v1.json names exactly the codes of the model, each with its event
    /// name and stage (the schema is what auditors' tools validate audit.jsonl against).
    func testTheJSONSchemaListsEveryCodeWithItsEventAndStage() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("docs/schemas/audit-event.v1.json"))
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let properties = try XCTUnwrap(schema["properties"] as? [String: Any])
        let code = try XCTUnwrap(properties["code"] as? [String: Any])
        XCTAssertEqual(code["enum"] as? [String], AuditCode.all.map(\.code))
        let rules = try XCTUnwrap(schema["allOf"] as? [[String: Any]])
        var named: [String: (String, String)] = [:]
        for rule in rules {
            let ifCode = ((rule["if"] as? [String: Any])?["properties"] as? [String: Any])?["code"] as? [String: Any]
            let then = (rule["then"] as? [String: Any])?["properties"] as? [String: Any]
            guard let c = ifCode?["const"] as? String,
                let event = (then?["event"] as? [String: Any])?["const"] as? String,
                let stage = (then?["stage"] as? [String: Any])?["const"] as? String
            else { continue }
            named[c] = (event, stage)
        }
        for c in AuditCode.all {
            XCTAssertEqual(named[c.code]?.0, c.event, c.code)
            XCTAssertEqual(named[c.code]?.1, c.stage.rawValue, c.code)
        }
        XCTAssertEqual(schema["required"] as? [String], AuditJSONKeys.all)
    }
}

/// The keys of an audit.jsonl line in their order (RegpoolLoad.AuditJSONL writes them).
enum AuditJSONKeys {
    static let all = [
        "code", "event", "stage", "centre", "file", "locator", "field", "target", "source_value",
        "target_value", "rule", "count", "message",
    ]
}
