import RegpoolModel
import XCTest

final class ValueOrderTests: XCTestCase {
    func testStringsCompareOnUTF8BytesNotCanonicalEquivalence() {
        let nfc = Value.string("\u{E9}")
        let nfd = Value.string("e\u{301}")
        XCTAssertFalse(Value.sameBytes(nfc, nfd))
        XCTAssertTrue(Value.precedes(nfd, nfc))  // 0x65 < 0xC3
        XCTAssertTrue(Value.precedes(.string("Z"), .string("a")))
    }

    func testNullsSortFirst() {
        XCTAssertTrue(Value.precedes(.null, .int32(-5)))
        XCTAssertFalse(Value.precedes(.int32(-5), .null))
    }

    func testTableSortIsByPooledIdThenNaturalKey() {
        let schema = CDM.treatmentLines
        func row(_ id: String, _ line: Int32) -> [Value] {
            [.string(id), .int32(line), .string("hma"), .null, .null, .null, .null]
        }
        let table = TableData(schema: schema, rows: [row("P-B", 1), row("P-A", 2), row("P-A", 1)]).sorted()
        XCTAssertEqual(table.rows.map { $0[0].text + $0[1].text }, ["P-A1", "P-A2", "P-B1"])
    }
}
