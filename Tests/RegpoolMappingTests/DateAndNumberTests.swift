import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

final class DateAndNumberTests: XCTestCase {
    typealias F = Fixtures

    private func parse(_ pattern: String, _ text: String) -> DatePattern.Outcome {
        (try? DatePattern(pattern))?.parse(ArraySlice(text.utf8)) ?? .malformed
    }

    func testPatterns() {
        let expected = CivilDate(year: 2012, month: 3, day: 4)!
        XCTAssertEqual(parse("dd/MM/yyyy", "04/03/2012"), .date(expected))
        XCTAssertEqual(parse("MM/dd/yyyy", "03/04/2012"), .date(expected))
        XCTAssertEqual(parse("dd.MM.yyyy", "04.03.2012"), .date(expected))
        XCTAssertEqual(parse("yyyy-MM-dd", "2012-03-04"), .date(expected))
        XCTAssertEqual(parse("d/M/yyyy", "4/3/2012"), .date(expected))
        XCTAssertEqual(parse("d/M/yyyy", "14/11/2012"), .date(CivilDate(year: 2012, month: 11, day: 14)!))
    }

    func testMalformedAndImpossible() {
        XCTAssertEqual(parse("dd/MM/yyyy", "4/3/2012"), .malformed, "dd needs two digits")
        XCTAssertEqual(parse("dd/MM/yyyy", "04-03-2012"), .malformed, "literal must match")
        XCTAssertEqual(parse("yyyy-MM-dd", "2012-03-04T00:00"), .malformed, "trailing text")
        XCTAssertEqual(parse("yyyy-MM-dd", "12-03-04"), .malformed)
        XCTAssertEqual(parse("dd/MM/yyyy", "31/02/2012"), .impossible(year: 2012, month: 2, day: 31))
        XCTAssertEqual(parse("dd/MM/yyyy", "29/02/2012"), .date(CivilDate(year: 2012, month: 2, day: 29)!))
        XCTAssertEqual(parse("dd/MM/yyyy", "29/02/2013"), .impossible(year: 2013, month: 2, day: 29))
        XCTAssertEqual(parse("MM/dd/yyyy", "13/01/2012"), .impossible(year: 2012, month: 13, day: 1))
    }

    func testDateRuleAuditsImpossibleDateAsInvalid() {
        let rule = F.rule("diagnosis_date", field: "DATE_DIAG", date: "dd/MM/yyyy", line: 33)
        XCTAssertEqual(F.mapOne(rule, "15/06/2010").value, .date(F.day("2010-06-15")))
        let bad = F.mapOne(rule, "31/02/2012")
        XCTAssertEqual(bad.value, .null)
        let e = F.events(bad.audit, .valueInvalid)
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.first?.target, "patients.diagnosis_date")
        XCTAssertEqual(e.first?.sourceValue, "31/02/2012")
        XCTAssertTrue(e.first?.message.contains("mappings/fr-lyon.yaml:33") ?? false)
        XCTAssertEqual(
            F.mapOne(F.rule("diagnosis_date", field: "D"), "2010-06-15").value, .date(F.day("2010-06-15")),
            "default pattern yyyy-MM-dd")
    }

    func testNumbers() {
        func d(_ s: String, _ sep: Character = ".") -> Double? {
            NumberParser.double(ArraySlice(s.utf8), decimal: sep.asciiValue!)
        }
        XCTAssertEqual(d("12.5"), 12.5)
        XCTAssertEqual(d("12,5", ","), 12.5)
        XCTAssertEqual(d("-0.75"), -0.75)
        XCTAssertEqual(d(".5"), 0.5)
        XCTAssertEqual(d("1e3"), 1000)
        XCTAssertNil(d("12,5"))
        XCTAssertNil(d("."))
        XCTAssertNil(d("1e"))
        XCTAssertNil(d("12 mg"))
        XCTAssertNil(d("nan"))
        func i(_ s: String) -> Int32? { NumberParser.int32(ArraySlice(s.utf8)) }
        XCTAssertEqual(i("2147483647"), Int32.max)
        XCTAssertEqual(i("-2147483648"), Int32.min)
        XCTAssertNil(i("2147483648"))
        XCTAssertNil(i("-"))
        XCTAssertEqual(i("+7"), 7)
    }
}
