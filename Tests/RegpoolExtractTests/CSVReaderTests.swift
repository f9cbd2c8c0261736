import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

final class CSVReaderTests: XCTestCase {
    private let header = "patient_id,site,birth_date,sex,ipss_r,del5q,karyotype,diagnosis_date\n"

    func testRaggedRowIsRejectedAndTheRestContinues() throws {
        let s = try Scratch()
        let text =
            header
            + "P-001,Ulm,1948-03-02,F,low,yes,46XX del(5q),2019-04-01\n"
            + "P-002,Ulm,1951-11-20,M,low,yes,46XY del(5q),2020-01-15,extra\n"
            + "P-003,Ulm,1939-07-07,F,very low,yes,46XX del(5q)\n"
            + "P-004,Ulm,1944-02-29,F,intermediate,yes,\"46,XX,del(5q)\",2021-06-30\n"
        let got = try readCSV(try s.write("ragged.csv", text))
        XCTAssertEqual(got.records.map { $0.string("patient_id") }, ["P-001", "P-004"])
        XCTAssertEqual(got.records.last?.string("karyotype"), "46,XX,del(5q)")
        XCTAssertEqual(got.rejected.map(\.locator), ["line 3", "line 4"])
        XCTAssertEqual(got.rejected.map(\.firstField), ["P-002", "P-003"])
        XCTAssertEqual(
            got.rejected[0].reason,
            "line 3: 9 fields where the header has 8 — check for an unquoted delimiter or a missing field")
        XCTAssertEqual(
            got.rejected[1].reason,
            "line 4: 7 fields where the header has 8 — check for an unquoted delimiter or a missing field")
        let line3Offset = header.utf8.count + "P-001,Ulm,1948-03-02,F,low,yes,46XX del(5q),2019-04-01\n".utf8.count
        XCTAssertEqual(got.rejected[0].byteOffset, line3Offset)
        XCTAssertEqual(
            got.rejected[0].sha256, sha256Hex("P-002,Ulm,1951-11-20,M,low,yes,46XY del(5q),2020-01-15,extra"))
        XCTAssertEqual(got.rejected[0].file, "inbox/test.csv")
    }

    func testMalformedQuoteMidFileRejectsThatRecordOnly() throws {
        let s = try Scratch()
        let text =
            "id,name,note\n"
            + "1,Anna,\"fine\"\n"
            + "2,Ber\"nd,broken quote in unquoted field\n"
            + "3,Clara,\"closed\"trailing\n"
            + "4,Dora,ok\n"
        let got = try readCSV(try s.write("quotes.csv", text))
        XCTAssertEqual(got.records.map { $0.string("id") }, ["1", "4"])
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 5"])
        XCTAssertEqual(got.rejected.map(\.locator), ["line 3", "line 4"])
        XCTAssertEqual(got.rejected.map(\.firstField), ["2", "3"])
        XCTAssertTrue(got.rejected[0].reason.hasPrefix("line 3: malformed quoting"), got.rejected[0].reason)
        XCTAssertEqual(got.rejected[0].sha256, sha256Hex("2,Ber\"nd,broken quote in unquoted field"))
    }

    func testMalformedQuoteInsideAMultiLineRecordNamesBothLines() throws {
        let s = try Scratch()
        let text = "id,note\n1,\"two\nlines\"x\n2,after\n"
        let got = try readCSV(try s.write("multi.csv", text))
        XCTAssertEqual(got.records.map(\.locator), ["line 4"])
        XCTAssertEqual(got.rejected.first?.locator, "line 2")
        XCTAssertTrue(got.rejected.first?.reason.contains("detected on line 3") ?? false)
        XCTAssertEqual(got.rejected.first?.sha256, sha256Hex("1,\"two\nlines\"x"))
    }

    func testUnterminatedQuoteAtEndOfFileIsRejected() throws {
        let s = try Scratch()
        let text = "id,note\n1,ok\n2,\"never closed\n3,swallowed\n"
        let got = try readCSV(try s.write("open.csv", text))
        XCTAssertEqual(got.records.map { $0.string("id") }, ["1"])
        XCTAssertEqual(got.rejected.count, 1)
        XCTAssertEqual(got.rejected.first?.locator, "line 3")
        XCTAssertEqual(got.rejected.first?.firstField, "2")
        XCTAssertTrue(got.rejected.first?.reason.contains("never closed") ?? false)
    }

    func testCRLFBOMAndSemicolons() throws {
        let s = try Scratch()
        let text = "\u{FEFF}patient_id;hb_g_dl;comment\r\nP-1;9,8; spaced \r\nP-2;10,1;\"a;b\"\r\n\r\nP-3;;\r\n"
        let got = try readCSV(try s.write("eu.csv", text), dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(got.records.first?.names.names, ["patient_id", "hb_g_dl", "comment"])
        XCTAssertEqual(got.rows.map { $0["hb_g_dl"] ?? nil }, ["9,8", "10,1", ""])
        XCTAssertEqual(got.rows.map { $0["comment"] ?? nil }, [" spaced ", "a;b", ""])
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 3", "line 5"])
        XCTAssertEqual(got.records[0].sha256, sha256Hex("P-1;9,8; spaced "))
        XCTAssertEqual(got.rejected, [])
    }

    func testEmptyFieldsArePresentAndEmpty() throws {
        let s = try Scratch()
        let got = try readCSV(try s.write("e.csv", "a,b,c\n,,\n\"\",x,\n"))
        XCTAssertEqual(got.records.count, 2)
        for r in got.records { for i in 0..<3 { XCTAssertNotNil(r.bytes(at: i)) } }
        XCTAssertEqual(got.records[0].string("a"), "")
        XCTAssertEqual(got.records[1].string("b"), "x")
    }

    func testEmbeddedNewlinesKeepLineNumbersRight() throws {
        let s = try Scratch()
        let text =
            "id,history\n1,\"MDS 2019\nRBC dependent\nlenalidomide 2020\"\n2,none\n\n3,\"x\r\ny\"\n4,last-without-newline"
        let got = try readCSV(try s.write("nl.csv", text))
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 5", "line 7", "line 9"])
        XCTAssertEqual(got.records.map(\.line), [2, 5, 7, 9])
        XCTAssertEqual(got.records[0].string("history"), "MDS 2019\nRBC dependent\nlenalidomide 2020")
        XCTAssertEqual(got.records[2].string("history"), "x\r\ny")
        XCTAssertEqual(got.records[0].sha256, sha256Hex("1,\"MDS 2019\nRBC dependent\nlenalidomide 2020\""))
        XCTAssertEqual(got.records[3].sha256, sha256Hex("4,last-without-newline"))
    }

    func testSha256IsStableAndIgnoresTheLineTerminator() throws {
        let s = try Scratch()
        let a = try readCSV(try s.write("a.csv", "id,v\n7,x\n"))
        let b = try readCSV(try s.write("b.csv", "id,v\r\n7,x\r\n"))
        let c = try readCSV(try s.write("c.csv", "id,v\n7,y\n"))
        XCTAssertEqual(a.records[0].sha256, b.records[0].sha256)
        XCTAssertNotEqual(a.records[0].sha256, c.records[0].sha256)
        XCTAssertEqual(a.records[0].sha256, sha256Hex("7,x"))
    }

    func testRecordsSpanningChunkBoundariesAndNULAndInvalidUTF8() throws {
        let s = try Scratch()
        var bytes = Array("id,payload\n".utf8)
        var expected: [String] = []
        for i in 0..<3000 {
            let payload = String(repeating: "é\(i)-", count: 9) + (i % 500 == 0 ? "\"\"q" : "")
            bytes += Array("\(i),\"\(payload)\"\n".utf8)
            expected.append(payload.replacingOccurrences(of: "\"\"", with: "\""))
        }
        bytes += [0x39, 0x39, 0x2C, 0x61, 0x00, 0xFF, 0x62, 0x0A]
        let got = try readCSV(try s.write("big.csv", bytes: bytes))
        XCTAssertGreaterThan(bytes.count, 3 * 64 * 1024)
        XCTAssertEqual(got.records.count, 3001)
        XCTAssertEqual(got.records.prefix(3000).map { $0.string("payload") }, expected)
        XCTAssertEqual(got.records.last.flatMap { $0.bytes(at: 1).map(Array.init) }, [0x61, 0x00, 0xFF, 0x62])
        XCTAssertEqual(got.records.last?.string("payload"), "a\u{0}\u{FFFD}b")
        XCTAssertEqual(got.records[2999].locator, "line 3001")
    }

    func testEmptyAndHeaderOnlyFilesGiveNoRecords() throws {
        let s = try Scratch()
        XCTAssertEqual(try readCSV(try s.write("empty.csv", "")).records.count, 0)
        XCTAssertEqual(try readCSV(try s.write("header.csv", "a,b\n")).records.count, 0)
    }

    func testMissingFileThrowsWithHint() throws {
        let s = try Scratch()
        XCTAssertThrowsError(try readCSV(s.directory.appendingPathComponent("nope.csv").path, name: "ulm/nope.csv")) {
            let e = $0 as? ExtractError
            XCTAssertEqual(e?.file, "ulm/nope.csv")
            XCTAssertTrue(e?.message.contains("cannot open") ?? false, "\($0)")
            XCTAssertFalse(e?.hint.isEmpty ?? true)
        }
        XCTAssertThrowsError(try readCSV(s.directory.path)) { XCTAssertTrue($0 is ExtractError) }
    }

    func testBrokenHeaderFailsTheFile() throws {
        let s = try Scratch()
        XCTAssertThrowsError(try readCSV(try s.write("h.csv", "id,\"na\"me\n1,2\n"))) {
            XCTAssertEqual(($0 as? ExtractError)?.line, 1)
        }
    }

    func testSinkErrorsPropagate() throws {
        struct Stop: Error {}
        let s = try Scratch()
        let path = try s.write("x.csv", "a\n1\n2\n")
        var seen = 0
        XCTAssertThrowsError(
            try CSVReader(path: path, displayName: "x.csv", dialect: CSVDialect()).read { _ in
                seen += 1
                throw Stop()
            }
        ) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(seen, 1)
    }
}
