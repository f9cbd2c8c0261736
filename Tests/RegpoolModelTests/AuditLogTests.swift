import RegpoolModel
import XCTest

final class AuditLogTests: XCTestCase {
    func testSummariesFoldPerValueAndKeepTheFirstLocator() {
        var log = AuditLog()
        for line in [3, 9, 12] {
            log.count(
                AuditEvent(
                    .valueMapped, centre: "fr", file: "p.csv", locator: "line \(line)", field: "SEXE",
                    target: "patients.sex", sourceValue: "M", targetValue: "male", rule: "m.yaml:3 patients.sex",
                    message: "M → male"))
        }
        log.count(
            AuditEvent(
                .valueMapped, centre: "fr", file: "p.csv", locator: "line 4", field: "SEXE",
                target: "patients.sex", sourceValue: "F", targetValue: "female", rule: "m.yaml:3 patients.sex",
                message: "F → female"))
        let events = log.events()
        XCTAssertEqual(events.count, 2)
        let male = events.first { $0.sourceValue == "M" }
        XCTAssertEqual(male?.count, 3)
        XCTAssertEqual(male?.locator, "line 3")
    }

    func testEventsAreOrderedByStageThenLocatorNumerically() {
        var log = AuditLog()
        log.record(AuditEvent(.tableWritten, file: "patients.parquet", message: "w"))
        log.record(AuditEvent(.valueUnmapped, centre: "fr", file: "p.csv", locator: "line 10", message: "b"))
        log.record(AuditEvent(.valueUnmapped, centre: "fr", file: "p.csv", locator: "line 9", message: "a"))
        log.record(AuditEvent(.recordUnreadable, centre: "fr", file: "p.csv", locator: "line 11", message: "x"))
        XCTAssertEqual(log.events().map(\.message), ["x", "a", "b", "w"])
    }

    func testCodesAreUniqueAndNamedNounVerb() {
        XCTAssertEqual(Set(AuditCode.all.map(\.code)).count, AuditCode.all.count)
        for code in AuditCode.all {
            XCTAssertTrue(code.event.first!.isUppercase, code.event)
            XCTAssertEqual(code.code.count, 5)
        }
    }
}
