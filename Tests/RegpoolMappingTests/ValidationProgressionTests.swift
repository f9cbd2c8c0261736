import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// V7012–V7013: failure_type progression and progression_to go together.
final class ValidationProgressionTests: XCTestCase {
    let d = VP.d

    func course(type: String?, to: String?) -> LocalPatient {
        var c: [String: Value] = [
            "course_number": .int32(1), "start_date": d("2011-01-10"), "failure_date": d("2012-03-01"),
        ]
        if let type { c["failure_type"] = .string(type) }
        if let to { c["progression_to"] = .string(to) }
        return VP.patient(courses: [c])
    }

    func testProgressionWithoutTargetIsKeptAndAudited() {
        let (p, events) = VP.validate(course(type: "progression", to: nil))
        XCTAssertEqual(VP.value(p, "len_courses", 0, "failure_type"), .string("progression"))
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7012 len_courses.failure_type progression→progression @len_courses.csv line 2 | V7012 keep (default)"
            ])
        let (dropped, _) = VP.validate(course(type: "progression", to: nil), ["V7012": .dropValue])
        XCTAssertEqual(VP.value(dropped, "len_courses", 0, "failure_type"), .null)
    }

    func testTargetWithoutProgressionIsDroppedByDefault() {
        let (p, events) = VP.validate(course(type: "no_response", to: "aml"))
        XCTAssertEqual(VP.value(p, "len_courses", 0, "progression_to"), .null)
        XCTAssertEqual(VP.value(p, "len_courses", 0, "failure_type"), .string("no_response"))
        XCTAssertEqual(
            VP.lines(events),
            [
                "V7013 len_courses.progression_to aml→∅ @len_courses.csv line 2 | V7013 drop_value (default)"
            ])
        let (noType, noTypeEvents) = VP.validate(course(type: nil, to: "raeb2"), ["V7013": .dropRow])
        XCTAssertEqual(noType.rows("len_courses"), [])
        XCTAssertTrue(noTypeEvents[0].message.contains("failure_type is not known"), noTypeEvents[0].message)
    }

    func testProgressionWithTargetIsFine() {
        XCTAssertEqual(VP.lines(VP.validate(course(type: "progression", to: "aml")).1), [])
    }
}
