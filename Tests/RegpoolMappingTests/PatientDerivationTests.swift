import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// `derive: [transplants_from_treatment_lines, directly_after_len]` on hand-written patients.
final class PatientDerivationTests: XCTestCase {
    let d = VP.d

    func line(_ n: Int32, _ category: String, _ start: String? = nil) -> [String: Value] {
        var l: [String: Value] = ["line_number": .int32(n), "category": .string(category)]
        if let start { l["start_date"] = d(start) }
        return l
    }

    func testAnAlloSCTLineGivesATransplantRow() {
        let p = VP.patient(lines: [line(1, "hma", "2012-05-01"), line(2, "allo_sct", "2013-04-02")])
        let (out, events) = VP.derive(p, [.transplantsFromTreatmentLines])
        XCTAssertEqual(out.rows("transplants"), [VP.row(CDM.transplants, ["transplant_date": d("2013-04-02")])])
        XCTAssertEqual(
            out.origin(table: "transplants", row: 0, column: 1),
            RecordOrigin(file: "treatment_lines.csv", locator: "line 3"))
        XCTAssertEqual(
            VP.lines(events),
            [
                "T3020 transplants.transplant_date line_number=2, category=allo_sct, start_date=2013-04-02→2013-04-02 "
                    + "@treatment_lines.csv line 3 | mappings/fr-lyon.yaml:40 derive.transplants_from_treatment_lines"
            ])
    }

    func testNoRowWhenATransplantIsWithin31Days() {
        let lines = [line(1, "allo_sct", "2013-04-02"), line(2, "allo_sct", "2015-01-01"), line(3, "allo_sct")]
        let p = VP.patient(lines: lines, transplants: [["transplant_date": d("2013-05-03")]])  // 31 days after
        let (out, events) = VP.derive(p, [.transplantsFromTreatmentLines])
        XCTAssertEqual(
            out.rows("transplants").map { $0[1] }, [d("2013-05-03"), d("2015-01-01")],
            "line 1 is the recorded transplant; line 2 is new; line 3 has no date")
        XCTAssertEqual(events.map(\.targetValue), ["2015-01-01"])
        let far = VP.patient(
            lines: [line(1, "allo_sct", "2013-04-02")], transplants: [["transplant_date": d("2013-05-04")]])
        XCTAssertEqual(VP.derive(far, [.transplantsFromTreatmentLines]).0.rows("transplants").count, 2, "32 days apart")
    }

    func directly(
        _ lines: [[String: Value]], transplant: String = "2013-04-05",
        sent: Bool? = nil
    ) -> (Value?, [AuditEvent]) {
        var t: [String: Value] = ["transplant_date": d(transplant)]
        if let sent { t["directly_after_len"] = .bool(sent) }
        let (out, events) = VP.derive(VP.patient(lines: lines, transplants: [t]), [.directlyAfterLEN])
        return (VP.value(out, "transplants", 0, "directly_after_len"), events)
    }

    func testTransplantAsTheFirstLineIsDirectlyAfterLEN() {
        let (value, events) = directly([line(1, "allo_sct", "2013-04-02"), line(2, "hma", "2014-01-01")])
        XCTAssertEqual(value, .bool(true))
        XCTAssertEqual(
            VP.lines(events),
            [
                "T3021 transplants.directly_after_len no other treatment line starts before 2013-04-05→true "
                    + "@transplants.csv line 2 | mappings/fr-lyon.yaml:40 derive.directly_after_len"
            ])
        XCTAssertEqual(directly([]).0, .bool(true), "no line at all: nothing came before the transplant")
    }

    func testALineBeforeTheTransplantMakesItNotDirect() {
        let (value, events) = directly([line(1, "hma", "2012-05-01"), line(2, "allo_sct", "2013-04-02")])
        XCTAssertEqual(value, .bool(false))
        XCTAssertEqual(
            events.first?.sourceValue,
            "a line starts before the transplant: line_number=1, category=hma, start_date=2012-05-01")
    }

    func testUndatedLinesAreOrderedByLineNumber() {
        XCTAssertEqual(directly([line(1, "allo_sct", "2013-04-02"), line(2, "esa")]).0, .bool(true))
        XCTAssertEqual(directly([line(1, "esa"), line(2, "allo_sct", "2013-04-02")]).0, .bool(false))
        let (unknown, events) = directly([line(1, "esa")])
        XCTAssertEqual(unknown, .null, "an undated line and no allo_sct line to compare with: not known")
        XCTAssertEqual(events, [])
    }

    func testASentValueIsNeverReplaced() {
        let (value, events) = directly([line(1, "allo_sct", "2013-04-02")], sent: false)
        XCTAssertEqual(value, .bool(false))
        XCTAssertEqual(events, [])
    }

    func testBothDerivationsTogetherWhateverTheListOrder() {
        let p = VP.patient(lines: [line(1, "hma", "2012-05-01"), line(2, "allo_sct", "2013-04-02")])
        let (out, events) = VP.derive(p, [.directlyAfterLEN, .transplantsFromTreatmentLines])
        XCTAssertEqual(
            out.rows("transplants"),
            [VP.row(CDM.transplants, ["transplant_date": d("2013-04-02"), "directly_after_len": .bool(false)])])
        XCTAssertEqual(events.map(\.code), [.transplantDerived, .directlyAfterLENDerived])
    }

    func testNothingIsDerivedUnlessListed() {
        let p = VP.patient(lines: [line(1, "allo_sct", "2013-04-02")])
        let (out, events) = VP.derive(p, [])
        XCTAssertEqual(out.rows("transplants"), [])
        XCTAssertEqual(events, [])
    }
}
