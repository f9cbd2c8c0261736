import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// The sniffer's proposals on realistic export snippets.
final class CSVSnifferTests: XCTestCase {
    private func propose(_ bytes: [UInt8]) throws -> CSVDialectProposal {
        let s = try Scratch()
        return try CSVSniffer.propose(path: try s.write("sniff.csv", bytes: bytes))
    }

    private let flemish =
        "PATIENT_NR;GESLACHT;GEBOORTEJAAR;DIAGNOSEDATUM;HB_G_DL;BLASTEN_PCT;OPMERKING\r\n"
        + "GE-001;vrouw;1941;12-03-2015;8,9;2,5;‘del(5q)’ geïsoleerd\r\n"
        + "GE-002;man;1938;02-11-2016;9,4;1;kost € 40 per cyclus\r\n"
        + "GE-003;vrouw;1950;27-06-2017;10,1;3,5;\"transfusie; 2 EC\"\r\n"
        + "GE-004;man;1944;15-01-2018;7,8;4;geen\r\n"

    func testWindows1252FlemishExport() throws {
        let p = try propose(Array(try XCTUnwrap(flemish.data(using: .windowsCP1252))))
        XCTAssertEqual(p.encoding.value, .windows1252, p.encoding.reason)
        XCTAssertTrue(p.encoding.reason.contains("0x91 = '‘'"), p.encoding.reason)
        XCTAssertEqual(p.delimiter.value, UInt8(ascii: ";"), p.delimiter.reason)
        XCTAssertTrue(p.delimiter.reason.hasPrefix("';' gives 7 fields on 5 of 5 records"), p.delimiter.reason)
        XCTAssertEqual(p.quote.value, UInt8(ascii: "\""))
        XCTAssertEqual(p.lineEnd.value, .crlf)
        XCTAssertEqual(p.decimalComma.value, true, p.decimalComma.reason)
        XCTAssertTrue(p.decimalComma.reason.hasPrefix("6 fields like '8,9'"), p.decimalComma.reason)
        XCTAssertEqual(p.header.value, true, p.header.reason)
        XCTAssertEqual(p.mappingSettings, "csv: { delimiter: \";\", quote: '\"', encoding: windows-1252 }")
    }

    func testLatin1WithoutWindowsOnlyCharacters() throws {
        let text = "id;ville;hb\nLY1;Hôpital Édouard-Herriot;9,7\nLY2;Lyon;10,2\n"
        let p = try propose(Array(try XCTUnwrap(text.data(using: .isoLatin1))))
        XCTAssertEqual(p.encoding.value, .latin1, p.encoding.reason)
        XCTAssertTrue(p.encoding.reason.contains("latin-1 and windows-1252 read it the same"), p.encoding.reason)
        XCTAssertEqual(p.lineEnd.value, .lf)
    }

    func testUTF8WithBOMKoreanCommaExport() throws {
        let text =
            "\u{FEFF}환자번호,성별,출생연도,진단일,헤모글로빈\r\nKR-01,여,1952,2016.03.14,\"8,9\"\r\nKR-02,남,1947,2017.11.02,9.6\r\n"
        let p = try propose(Array(text.utf8))
        XCTAssertEqual(p.encoding.value, .utf8)
        XCTAssertEqual(p.encoding.reason, "starts with a UTF-8 byte-order mark (EF BB BF)")
        XCTAssertEqual(p.delimiter.value, UInt8(ascii: ","), p.delimiter.reason)
        XCTAssertEqual(p.decimalComma.value, false, p.decimalComma.reason)
        XCTAssertEqual(p.header.value, true)
        XCTAssertTrue(p.header.reason.contains("'출생연도'"), p.header.reason)
    }

    func testUTF16LittleEndianTabDelimitedWithAndWithoutBOM() throws {
        let text = "id\tsjukhus\tvärde\nSE-1\tSkåne\t12.5\nSE-2\tUppsala\t9.75\n"
        let body = Array(try XCTUnwrap(text.data(using: .utf16LittleEndian)))
        let withBOM = try propose([0xFF, 0xFE] + body)
        XCTAssertEqual(withBOM.encoding.value, .utf16)
        XCTAssertEqual(withBOM.delimiter.value, 0x09)
        XCTAssertEqual(withBOM.decimalComma.value, false)
        XCTAssertEqual(withBOM.mappingSettings, "csv: { delimiter: \"\\t\", quote: '\"', encoding: utf-16 }")
        XCTAssertEqual(try propose(body).encoding.value, .utf16le)
    }

    func testPipeDelimitedCROnlyWithoutHeader() throws {
        let text = "1001|1948|F|9.1\r1002|1951|M|10.4\r1003|1939|F|8.7\r"
        let p = try propose(Array(text.utf8))
        XCTAssertEqual(p.delimiter.value, UInt8(ascii: "|"))
        XCTAssertEqual(p.lineEnd.value, .cr)
        XCTAssertEqual(p.lineEnd.reason, "all 3 lines end in a lone \\r")
        XCTAssertEqual(p.header.value, false)
        XCTAssertEqual(p.header.reason, "the first record holds a number or date ('1001')")
        XCTAssertEqual(p.encoding.reason, "ASCII only: utf-8, latin-1 and windows-1252 read it the same")
    }

    func testSingleQuotesAndCommaInsideQuotedFieldsDoNotFoolTheDelimiter() throws {
        let text = "id;note\n'A-1';'a, b, c'\n'A-2';'d, e'\n'A-3';'f'\n"
        let p = try propose(Array(text.utf8))
        XCTAssertEqual(p.quote.value, UInt8(ascii: "'"), p.quote.reason)
        XCTAssertEqual(p.delimiter.value, UInt8(ascii: ";"), p.delimiter.reason)
    }

    func testOnlyTheFirst64KiBAreReadAndACutCharacterIsNotAnError() throws {
        var text = "id;nom;hb\n"
        var n = 0
        while text.utf8.count < 70_000 {
            n += 1
            text += "P-\(n);Hôpital Nord;9,\(n % 10)\n"
        }
        let p = try propose(Array(text.utf8))
        XCTAssertEqual(p.encoding.value, .utf8, p.encoding.reason)
        XCTAssertEqual(p.delimiter.value, UInt8(ascii: ";"))
        XCTAssertTrue(p.delimiter.reason.contains("fields on 200 of 200 records"), p.delimiter.reason)
    }

    func testMissingFileIsAnExtractError() {
        XCTAssertThrowsError(try CSVSniffer.propose(path: "/nonexistent/regpool/export.csv")) { error in
            XCTAssertTrue(error is ExtractError)
        }
    }
}
