import RegpoolModel
import XCTest

@testable import RegpoolExport

/// RFC 4180 output written by hand for awkward values.
final class CSVExportTests: XCTestCase {
    func testQuotingNullsAndLineEnds() {
        let schema = TableSchema(
            name: "t", meaning: "", naturalKey: [],
            columns: [
                ColumnSchema("s", .string), ColumnSchema("d", .date), ColumnSchema("f", .double),
                ColumnSchema("b", .bool),
            ])
        let table = TableData(
            schema: schema,
            rows: [
                [.string("a,b"), .date(0), .double(30.4375), .bool(true)],
                [.string("say \"hi\"\nthen"), .null, .double(-0.0), .null],
                [.string("Zürich"), .date(-1), .null, .bool(false)],
            ])
        let text = String(decoding: CSVExport.encode(table), as: UTF8.self)
        XCTAssertEqual(
            text,
            "s,d,f,b\r\n\"a,b\",1970-01-01,30.4375,true\r\n\"say \"\"hi\"\"\nthen\",,-0.0,\r\nZürich,1969-12-31,,false\r\n"
        )
    }
}
