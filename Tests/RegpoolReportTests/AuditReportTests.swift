import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolReport

/// audit.html from hand-made events: grouping into lines, links capped per line, text escaped,
/// bytes stable.
final class AuditReportTests: XCTestCase {
    static func input() -> AuditReportInput {
        var events = [
            AuditEvent(.fileRead, centre: "xx", file: "a.csv", field: "patients", count: 30, message: "a.csv gave 30")
        ]
        for line in 1...25 {
            events.append(
                AuditEvent(
                    .valueUnmapped, centre: "xx", file: "a.csv", locator: "line \(line + 1)", field: "SEX",
                    target: "patients.sex", sourceValue: "<script>", rule: "m.yaml:3 patients.sex",
                    message: "unmapped <script>"))
        }
        events.append(
            AuditEvent(
                .valueUnmapped, centre: "xx", file: "a.csv", locator: "line 40", field: "SEX",
                target: "patients.sex", sourceValue: "U", rule: "m.yaml:3 patients.sex", message: "unmapped U"))
        events.append(
            AuditEvent(.tableWritten, file: "patients.parquet", target: "patients", count: 29, message: "written"))
        return AuditReportInput(
            buildID: "b-0123456789abcdef", regpoolVersion: "1.0.0",
            inputs: [.init(centre: "xx", path: "../in/a.csv", bytes: 123, sha256: String(repeating: "ab", count: 32))],
            events: events, sourceRecords: nil)
    }

    func testLinesGroupByValueLinkAtMostTwentyEventsAndEscapeText() throws {
        let html = String(decoding: try AuditReport.render(Self.input()), as: UTF8.self)
        XCTAssertFalse(html.contains("<script>"), "source values are escaped")
        XCTAssertTrue(html.contains("&lt;script&gt;"))
        XCTAssertTrue(html.contains("<td class=\"num\">25</td>"), "25 values on the <script> line")
        let links = html.components(separatedBy: "href=\"#e").count - 1 - 1  // less the header link to #events
        XCTAssertEqual(links, 1 + 20 + 1 + 1, "FileRead, 20 of 25, the U line, TableWritten")
        XCTAssertTrue(html.contains("… and 5 more (audit.jsonl / audit.parquet: code T3001)"))
        XCTAssertTrue(html.contains("<section id=\"build\">"), "events without a centre are on the whole-build section")
        XCTAssertTrue(html.contains("<td class=\"num\">30</td>"), "records read from FileRead")
        XCTAssertFalse(html.contains("http://") || html.contains("https://"), "nothing to fetch")
    }

    func testTheSameInputGivesTheSameBytes() throws {
        XCTAssertEqual(try AuditReport.render(Self.input()), try AuditReport.render(Self.input()))
    }
}
