import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// V7001–V7003, V7014: vital status, death and last contact of the outcomes row; and a clean patient.
final class ValidationOutcomeTests: XCTestCase {
    let d = VP.d

    func testACleanPatientBreaksNoRule() {
        let (p, events) = VP.validate(VP.cleanPatient())
        XCTAssertEqual(VP.lines(events), [])
        XCTAssertEqual(p.rows("len_courses"), VP.cleanPatient().rows("len_courses"))
        XCTAssertEqual(p.outcomes, VP.cleanPatient().outcomes)
    }

    func alive(death: String) -> LocalPatient {
        VP.patient(outcomes: [
            "vital_status": .string("alive"), "death_date": d(death), "last_contact_date": d("2014-06-01"),
        ])
    }

    func testAliveWithDeathDateDropsTheDeathDateByDefault() {
        let (p, events) = VP.validate(alive(death: "2014-05-05"))
        XCTAssertEqual(VP.value(p, "outcomes", 0, "death_date"), .null)
        XCTAssertEqual(VP.value(p, "outcomes", 0, "last_contact_date"), d("2014-06-01"))
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7001 outcomes.death_date 2014-05-05→∅ @outcomes.csv line 2 | V7001 drop_value (default)"
            ])
        XCTAssertEqual(events[0].centre, "fr-lyon")
        XCTAssertEqual(events[0].code.stage, .validate)
        XCTAssertTrue(
            events[0].message.contains("vital_status is alive but a death_date 2014-05-05 was sent"), events[0].message)
    }

    func testAliveWithDeathDateKeptOrRowDropped() {
        let (kept, keptEvents) = VP.validate(alive(death: "2014-05-05"), ["V7001": .keep])
        XCTAssertEqual(VP.value(kept, "outcomes", 0, "death_date"), d("2014-05-05"))
        XCTAssertEqual(
            VP.lines(keptEvents),
            [
                "V7001 outcomes.death_date 2014-05-05→2014-05-05 @outcomes.csv line 2 | V7001 keep (pipelines/p.yaml:9)"
            ])
        let (dropped, events) = VP.validate(alive(death: "2014-05-05"), ["V7001": .dropRow])
        XCTAssertNil(dropped.outcomes)
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7001 outcomes.death_date 2014-05-05→∅ @outcomes.csv line 2 | V7001 drop_row (pipelines/p.yaml:9)"
            ])
    }

    func dead(death: String?, last: String?) -> LocalPatient {
        var o: [String: Value] = ["vital_status": .string("dead")]
        if let death { o["death_date"] = d(death) }
        if let last { o["last_contact_date"] = d(last) }
        return VP.patient(outcomes: o)
    }

    func testDeadWithAnotherLastContactTakesTheDeathDate() {
        var sent = dead(death: "2013-09-01", last: "2013-08-01")
        let deathRecord = RecordOrigin(file: "deces.csv", locator: "line 7")
        sent.columnOrigins["outcomes"]![CDM.outcomes.index(of: "death_date")!] = deathRecord
        let (p, events) = VP.validate(sent)
        XCTAssertEqual(VP.value(p, "outcomes", 0, "last_contact_date"), d("2013-09-01"))
        XCTAssertEqual(
            p.origin(table: "outcomes", row: 0, column: CDM.outcomes.index(of: "last_contact_date")!),
            deathRecord, "the value now comes from the death date's record")
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7002 outcomes.last_contact_date 2013-08-01→2013-09-01 @outcomes.csv line 2 | V7002 drop_value (default)"
            ])
        let (kept, _) = VP.validate(dead(death: "2013-09-01", last: "2013-08-01"), ["V7002": .keep])
        XCTAssertEqual(VP.value(kept, "outcomes", 0, "last_contact_date"), d("2013-08-01"))
    }

    func testDeadWithoutLastContactTakesTheDeathDateSilently() {
        let (p, events) = VP.validate(dead(death: "2013-09-01", last: nil))
        XCTAssertEqual(VP.value(p, "outcomes", 0, "last_contact_date"), d("2013-09-01"))
        XCTAssertEqual(
            p.origin(table: "outcomes", row: 0, column: CDM.outcomes.index(of: "last_contact_date")!),
            RecordOrigin(file: "outcomes.csv", locator: "line 2"), "the death date's record")
        XCTAssertEqual(VP.lines(events), [])
    }

    func testDeadWithoutDeathDateIsKeptByDefaultOrDropped() {
        let (p, events) = VP.validate(dead(death: nil, last: "2013-08-01"))
        XCTAssertEqual(VP.value(p, "outcomes", 0, "last_contact_date"), d("2013-08-01"))
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7003 outcomes.death_date ∅→∅ @outcomes.csv line 2 | V7003 keep (default)"
            ])
        let (dropped, _) = VP.validate(dead(death: nil, last: "2013-08-01"), ["V7003": .dropRow])
        XCTAssertNil(dropped.outcomes)
    }

    func testOutcomesWithoutRequiredColumnsAreLeftOut() {
        let (p, events) = VP.validate(VP.patient(outcomes: ["vital_status": .string("alive")]))
        XCTAssertNil(p.outcomes)
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7014 outcomes.last_contact_date ∅→∅ @outcomes.csv line 2 | V7014 drop_row (default)"
            ])
        XCTAssertTrue(events[0].message.contains("lacks the required column(s) last_contact_date"), events[0].message)
        let (none, noEvents) = VP.validate(VP.patient(outcomes: ["death_date": d("2013-01-01")]))
        XCTAssertNil(none.outcomes)
        XCTAssertEqual(noEvents.map(\.code), [.outcomesIncomplete])
        XCTAssertTrue(noEvents[0].message.contains("vital_status, last_contact_date"), noEvents[0].message)
        XCTAssertEqual(noEvents[0].target, "outcomes.vital_status")
    }

    func testAPatientWithoutOutcomesBreaksNoOutcomeRule() {
        XCTAssertEqual(VP.lines(VP.validate(VP.patient()).1), [])
    }
}
