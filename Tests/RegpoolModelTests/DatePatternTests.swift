import RegpoolModel
import XCTest

/// Date patterns: accepted letters, refused patterns, and reading real dates.
final class DatePatternTests: XCTestCase {
    func testReadsDatesWithTheirPattern() throws {
        let french = try DatePattern("dd/MM/yyyy")
        XCTAssertEqual(french.date(from: "29/02/2012"), CivilDate(year: 2012, month: 2, day: 29))
        XCTAssertNil(french.date(from: "31/02/2012"))
        XCTAssertNil(french.date(from: "1/2/2012"))
        XCTAssertNil(french.date(from: "01/02/2012 "))
        let short = try DatePattern("d.M.yyyy")
        XCTAssertEqual(short.date(from: "1.2.2012"), CivilDate(year: 2012, month: 2, day: 1))
        XCTAssertEqual(short.date(from: "12.11.2012"), CivilDate(year: 2012, month: 11, day: 12))
        XCTAssertEqual(try DatePattern("yyyyMMdd").date(from: "20120301"), CivilDate(year: 2012, month: 3, day: 1))
    }

    func testRefusesYYUnknownLettersRepeatsAndAmbiguity() {
        for (pattern, fragment) in [
            ("dd/MM/yy", "pivot"), ("dd/MMM/yyyy", "MM or M"), ("yyyy-MM", "once each"),
            ("dMyyyy", "separator"), ("yyyy-MM-dd yyyy", "once each"),
        ] {
            do {
                _ = try DatePattern(pattern)
                XCTFail("\(pattern) was accepted")
            } catch {
                XCTAssertTrue((error.message + error.hint).contains(fragment), "\(pattern): \(error.message)")
            }
        }
    }
}
