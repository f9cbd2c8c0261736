import Foundation
import RegpoolLoad
import RegpoolModel
import XCTest

final class AuditJSONLTests: XCTestCase {
    func testOneObjectPerLineWithFixedKeysAndEscaping() throws {
        let events = [
            AuditEvent(
                .valueUnmapped, centre: "fr-lyon", file: "p.csv", locator: "line 7", field: "OMS",
                target: "patients.who_class", sourceValue: "AREB \"T\"\n", rule: "m.yaml:12 patients.who_class",
                message: "tab\there"),
            AuditEvent(
                .unitConverted, centre: "fr-lyon", sourceValue: "95", targetValue: "9.5", count: 3, message: "x"),
        ]
        let text = String(decoding: AuditJSONL.encode(events), as: UTF8.self)
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        XCTAssertTrue(
            lines[0].hasPrefix(
                "{\"code\":\"T3001\",\"event\":\"ValueUnmapped\",\"stage\":\"transform\",\"centre\":\"fr-lyon\""))
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual(first["source_value"] as? String, "AREB \"T\"\n")
        XCTAssertEqual(first["message"] as? String, "tab\there")
        XCTAssertTrue(first["count"] is NSNull)
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as! [String: Any]
        XCTAssertEqual(second["count"] as? Int, 3)
        XCTAssertEqual(Array(first.keys).count, 13)
    }

    func testControlBytesAreEscaped() {
        var t = JSONText()
        t.string("a\u{01}b")
        XCTAssertEqual(String(decoding: t.bytes, as: UTF8.self), "\"a\\u0001b\"")
    }
}
