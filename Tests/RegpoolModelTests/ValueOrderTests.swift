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

    /// Rows already grouped by pooled_id are sorted only within each group (issue 17); the result
    /// must be the whole-table sort's, byte key for byte key: doubles ±0, nulls, UTF-8 order, ties
    /// kept in input order, groups of one row and of more than 16.
    func testSortingWithinPooledIDRunsGivesTheWholeTableSort() {
        var rng = SplitMix64(seed: 17)
        let schema = CDM.labResults
        let values: [Value] = [.null, .double(0), .double(-0.0), .double(-3.5), .double(1e9), .double(2)]
        let texts: [Value] = [.null, .string("e\u{301}"), .string("\u{E9}"), .string("Z"), .string("a")]
        var rows: [[Value]] = []
        for n in 0..<600 {
            let id: Value = n % 50 == 0 ? .null : .string("P-\(Int(rng.next() % 40))")
            let group = n < 40 ? Value.string("P-BIG") : id  // one run longer than 16 rows
            var row = [Value](repeating: .null, count: schema.columns.count)
            row[0] = group
            for c in 1..<row.count {
                row[c] = schema.columns[c].type == .double ? values[Int(rng.next() % 6)] : texts[Int(rng.next() % 5)]
            }
            rows.append(row)
        }
        let whole = TableData(schema: schema, rows: rows).sorted()
        // The same rows grouped by pooled_id (stable), in the groups' key order: the run path.
        let grouped = TableData(schema: schema, rows: rows).sortedByPooledIDOnly()
        XCTAssertNotNil(SortKeyEncoding.runs(of: grouped.rows, column: 0))
        XCTAssertNil(SortKeyEncoding.runs(of: rows, column: 0))
        let byRuns = grouped.sorted()
        XCTAssertEqual(byRuns.rows.count, whole.rows.count)
        for (a, b) in zip(byRuns.rows, whole.rows) {
            XCTAssertTrue(zip(a, b).allSatisfy { Value.sameBytes($0, $1) || ($0.isNull && $1.isNull) })
            XCTAssertEqual(a.map(\.doubleValue?.sign), b.map(\.doubleValue?.sign))
        }
    }
}

extension TableData {
    /// The rows stably ordered by column 0 alone (null first, then UTF-8 bytes).
    fileprivate func sortedByPooledIDOnly() -> TableData {
        let order = rows.indices.sorted { a, b in
            let c = Value.compare(rows[a][0], rows[b][0])
            return c != 0 ? c < 0 : a < b
        }
        return TableData(schema: schema, rows: order.map { rows[$0] })
    }
}
