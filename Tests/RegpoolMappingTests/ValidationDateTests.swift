import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// V7004–V7011: the order of dates, each with its default and its other actions.
final class ValidationDateTests: XCTestCase {
    let d = VP.d

    func course(_ n: Int32, start: String, end: String? = nil, failure: String? = nil) -> [String: Value] {
        var c: [String: Value] = [
            "course_number": .int32(n), "start_date": d(start), "failure_type": .string("no_response"),
        ]
        if let end { c["end_date"] = d(end) }
        if let failure { c["failure_date"] = d(failure) }
        return c
    }

    func testDiagnosisAfterTheFirstLENStart() {
        let p = VP.patient(
            patients: ["diagnosis_date": d("2011-05-01")],
            courses: [course(2, start: "2012-01-10"), course(1, start: "2011-01-10")])
        let (kept, events) = VP.validate(p)
        XCTAssertEqual(VP.value(kept, "patients", 0, "diagnosis_date"), d("2011-05-01"))
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7004 patients.diagnosis_date 2011-05-01→2011-05-01 @patients.csv line 2 | V7004 keep (default)"
            ])
        XCTAssertTrue(events[0].message.contains("after the start of LEN course 1 (2011-01-10)"), events[0].message)
        let (dropped, _) = VP.validate(p, ["V7004": .dropValue])
        XCTAssertEqual(VP.value(dropped, "patients", 0, "diagnosis_date"), .null)
    }

    func testDiagnosisOnTheDayOfLENStartIsFine() {
        let p = VP.patient(patients: ["diagnosis_date": d("2011-01-10")], courses: [course(1, start: "2011-01-10")])
        XCTAssertEqual(VP.lines(VP.validate(p).1), [])
    }

    func testFailureBeforeStartKeptDroppedOrRowRemoved() {
        let p = VP.patient(courses: [
            course(1, start: "2011-01-10", failure: "2010-12-01"),
            course(2, start: "2013-01-10", failure: "2014-01-01"),
        ])
        let (kept, events) = VP.validate(p)
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7005 len_courses.failure_date 2010-12-01→2010-12-01 @len_courses.csv line 2 | V7005 keep (default)"
            ])
        XCTAssertEqual(kept.rows("len_courses"), p.rows("len_courses"))
        let (value, _) = VP.validate(p, ["V7005": .dropValue])
        XCTAssertEqual(VP.value(value, "len_courses", 0, "failure_date"), .null)
        XCTAssertEqual(VP.value(value, "len_courses", 1, "failure_date"), d("2014-01-01"))
        let (row, rowEvents) = VP.validate(p, ["V7005": .dropRow])
        XCTAssertEqual(row.rows("len_courses").map { $0[1] }, [.int32(2)])
        XCTAssertEqual(
            row.origin(table: "len_courses", row: 0, column: 0),
            RecordOrigin(file: "len_courses.csv", locator: "line 3"), "origins follow their rows")
        XCTAssertEqual(rowEvents.map(\.targetValue), [nil])
    }

    func testLastContactBeforeTheLatestFailure() {
        let p = VP.patient(
            outcomes: ["vital_status": .string("alive"), "last_contact_date": d("2012-02-01")],
            courses: [
                course(1, start: "2011-01-10", failure: "2011-06-01"),
                course(2, start: "2011-09-01", failure: "2012-03-01"),
            ])
        let (kept, events) = VP.validate(p)
        XCTAssertNotNil(kept.outcomes)
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7006 outcomes.last_contact_date 2012-02-01→2012-02-01 @outcomes.csv line 2 | V7006 keep (default)"
            ])
        XCTAssertTrue(events[0].message.contains("before the failure of LEN course 2 (2012-03-01)"), events[0].message)
        XCTAssertNil(VP.validate(p, ["V7006": .dropRow]).0.outcomes)
    }

    func testDeathBeforeFailureIsOneEventNotTwo() {
        // For the dead the last contact is the death date, so only the death date is reported.
        let p = VP.patient(
            outcomes: ["vital_status": .string("dead"), "death_date": d("2012-01-01")],
            courses: [course(1, start: "2011-01-10", failure: "2012-03-01")])
        let (kept, events) = VP.validate(p)
        XCTAssertEqual(VP.value(kept, "outcomes", 0, "last_contact_date"), d("2012-01-01"))
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7007 outcomes.death_date 2012-01-01→2012-01-01 @outcomes.csv line 2 | V7007 keep (default)"
            ])
        let (dropped, _) = VP.validate(p, ["V7007": .dropValue])
        XCTAssertEqual(VP.value(dropped, "outcomes", 0, "death_date"), .null)
    }

    func testTransplantBeforeTheFirstFailure() {
        let p = VP.patient(
            courses: [course(1, start: "2011-01-10", failure: "2012-03-01")],
            transplants: [["transplant_date": d("2010-05-01")], ["transplant_date": d("2012-03-01")]])
        let (kept, events) = VP.validate(p)
        XCTAssertEqual(kept.rows("transplants").count, 2)
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7008 transplants.transplant_date 2010-05-01→2010-05-01 @transplants.csv line 2 | V7008 keep (default)"
            ])
        let (dropped, _) = VP.validate(p, ["V7008": .dropRow])
        XCTAssertEqual(dropped.rows("transplants").map { $0[1] }, [d("2012-03-01")], "on the failure day is after it")
    }

    func testLineStartingBeforeThePreviousLine() {
        let p = VP.patient(lines: [
            ["line_number": .int32(2), "category": .string("esa"), "start_date": d("2012-03-01")],
            ["line_number": .int32(1), "category": .string("hma"), "start_date": d("2012-05-01")],
            ["line_number": .int32(3), "category": .string("bsc")],
            ["line_number": .int32(4), "category": .string("other"), "start_date": d("2012-04-01")],
        ])
        let (kept, events) = VP.validate(p)
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7009 treatment_lines.start_date 2012-03-01→2012-03-01 @treatment_lines.csv line 2 | V7009 keep (default)"
            ], "line 4 is compared with line 2, the dated line before it")
        XCTAssertEqual(kept.rows("treatment_lines"), p.rows("treatment_lines"))
        let (dropped, _) = VP.validate(p, ["V7009": .dropValue])
        XCTAssertEqual(VP.value(dropped, "treatment_lines", 0, "start_date"), .null)
    }

    func testEndBeforeStartDropsTheEndDateByDefault() {
        let p = VP.patient(
            courses: [course(1, start: "2011-01-10", end: "2010-01-10")],
            lines: [
                [
                    "line_number": .int32(1), "category": .string("hma"), "start_date": d("2012-05-01"),
                    "end_date": d("2012-04-01"),
                ]
            ])
        let (out, events) = VP.validate(p)
        XCTAssertEqual(VP.value(out, "len_courses", 0, "end_date"), .null)
        XCTAssertEqual(VP.value(out, "treatment_lines", 0, "end_date"), .null)
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7010 len_courses.end_date 2010-01-10→∅ @len_courses.csv line 2 | V7010 drop_value (default)",
                "V7011 treatment_lines.end_date 2012-04-01→∅ @treatment_lines.csv line 2 | V7011 drop_value (default)",
            ])
        let (kept, _) = VP.validate(p, ["V7010": .keep, "V7011": .dropRow])
        XCTAssertEqual(VP.value(kept, "len_courses", 0, "end_date"), d("2010-01-10"))
        XCTAssertEqual(kept.rows("treatment_lines"), [])
    }
}
