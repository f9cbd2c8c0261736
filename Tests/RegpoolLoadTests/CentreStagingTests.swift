import RegpoolModel
import XCTest

@testable import RegpoolLoad
@testable import RegpoolMapping

/// The text forms of a staged patient's nested fields, and refusals (the whole build is checked
/// byte for byte against a full run in RegpoolPipelineTests.IncrementalTests).
final class CentreStagingTests: XCTestCase {
    func testOriginsKeepNilEntriesEmptyListsAndTableNames() throws {
        let origins: [String: [RecordOrigin?]] = [
            "patients": [nil, RecordOrigin(file: "a.csv", locator: "line 2"), nil],
            "outcomes": [],
            "len_courses": [RecordOrigin(file: "x.xml", locator: "/r[1]/p[2]/c[1]")],
        ]
        let text = try StagingText.origins(origins)
        XCTAssertEqual(StagingText.origins(text), origins)
        XCTAssertEqual(StagingText.origins(try StagingText.origins([:])), [:])
        XCTAssertEqual(
            StagingText.pairs(try StagingText.pairs(["trial": "ULM-001", "mrn": ""])), ["trial": "ULM-001", "mrn": ""])
    }

    func testSeparatorsAndInvalidUTF8AreRefusedNotGarbled() {
        XCTAssertThrowsError(try StagingText.origin(RecordOrigin(file: "a\u{1F}b", locator: "line 1")))
        XCTAssertThrowsError(try StagingText.pairs(["k": "v\u{1E}"]))
        XCTAssertThrowsError(try StagingText.text([0xFF, 0x41]))
        XCTAssertEqual(try StagingText.text(Array("déjà".utf8)), "déjà")
    }

    func testAuditLogsComeBackWithTheirSummaryCounts() throws {
        var log = AuditLog()
        log.record(AuditEvent(.fileRead, centre: "c", file: "f", field: "s", count: 3, message: "3 records"))
        for _ in 0..<4 {
            log.count(
                AuditEvent(
                    .valueMapped, centre: "c", field: "SEX", target: "patients.sex", sourceValue: "M",
                    targetValue: "male", rule: "m.yaml:3", message: "M → male"))
        }
        let staged = log.staged
        let back = AuditLog(single: staged.single, summaries: staged.summaries)
        XCTAssertEqual(back.events(), log.events())
        XCTAssertEqual(back.events().first { $0.code == .valueMapped }?.count, 4)
    }
}
