import RegpoolModel
import XCTest

final class CivilDateTests: XCTestCase {
    func testKnownDays() {
        XCTAssertEqual(CivilDate(year: 1970, month: 1, day: 1)?.days, 0)
        XCTAssertEqual(CivilDate(year: 2000, month: 3, day: 1)?.days, 11_017)
        XCTAssertEqual(CivilDate(year: 1969, month: 12, day: 31)?.days, -1)
        XCTAssertEqual(CivilDate(year: 2026, month: 11, day: 22)?.days, 20_779)
    }

    func testRoundTripOverFourCenturies() {
        for days in stride(from: Int32(-150_000), through: 150_000, by: 37) {
            let d = CivilDate(days: days)
            XCTAssertEqual(CivilDate(year: d.year, month: d.month, day: d.day)?.days, days)
        }
    }

    func testImpossibleDatesAreRefused() {
        XCTAssertNil(CivilDate(year: 2013, month: 2, day: 29))
        XCTAssertNotNil(CivilDate(year: 2012, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 1900, month: 2, day: 29))
        XCTAssertNotNil(CivilDate(year: 2000, month: 2, day: 29))
        XCTAssertNil(CivilDate(year: 2012, month: 4, day: 31))
        XCTAssertNil(CivilDate(year: 2012, month: 13, day: 1))
        XCTAssertNil(CivilDate(year: 2012, month: 1, day: 0))
    }

    func testISOText() {
        XCTAssertEqual(CivilDate(year: 812, month: 3, day: 4)?.iso, "0812-03-04")
        XCTAssertEqual(Value.date(CivilDate(year: 2011, month: 10, day: 9)!.days).text, "2011-10-09")
    }
}
