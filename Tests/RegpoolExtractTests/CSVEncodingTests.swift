import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// Exports in Latin-1, Windows-1252 and UTF-16 come out as UTF-8 records, hashed after transcoding.
final class CSVEncodingTests: XCTestCase {
    private let semicolon = UInt8(ascii: ";")

    /// A French registry export: `;`, decimal comma, CRLF, accents.
    private let french =
        "NUM_PATIENT;ETABLISSEMENT;HB_G_L;CARYOTYPE;COMMENTAIRE\r\n"
        + "LY0101;Hôpital Édouard-Herriot;9,7;46,XX,del(5)(q13q33)[20];fièvre à 38,5 °C\r\n"
        + "LY0102;Centre Léon-Bérard;10,4;\"46,XY,del(5)(q15q33);t(1;3)\";suivi à Écully\r\n"

    private func encoded(_ text: String, _ encoding: String.Encoding) throws -> [UInt8] {
        try XCTUnwrap(text.data(using: encoding).map(Array.init), "test text not encodable as \(encoding)")
    }

    func testLatin1FrenchExportWithCRLFAndDecimalComma() throws {
        let s = try Scratch()
        let path = try s.write("latin1.csv", bytes: try encoded(french, .isoLatin1))
        let got = try readCSV(path, dialect: CSVDialect(delimiter: semicolon, encoding: .latin1))
        XCTAssertEqual(got.rejected, [])
        XCTAssertEqual(got.rows.map { $0["ETABLISSEMENT"] ?? nil }, ["Hôpital Édouard-Herriot", "Centre Léon-Bérard"])
        XCTAssertEqual(got.rows.map { $0["HB_G_L"] ?? nil }, ["9,7", "10,4"])
        XCTAssertEqual(got.rows.last?["CARYOTYPE"], "46,XY,del(5)(q15q33);t(1;3)")
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 3"])
        XCTAssertEqual(
            got.records[0].sha256,
            sha256Hex("LY0101;Hôpital Édouard-Herriot;9,7;46,XX,del(5)(q13q33)[20];fièvre à 38,5 °C"),
            "the hash is over the record's UTF-8 bytes")
    }

    func testLatin1CannotHoldOeSoItStaysOutOfTheLatin1Test() throws {
        XCTAssertNil("cœur".data(using: .isoLatin1), "œ is not in Latin-1: Windows-1252 is needed for it")
    }

    func testWindows1252EuroOeAndCurlyQuotes() throws {
        let s = try Scratch()
        let text = french + "LY0103;Hôpital Saint-Joseph;8,9;‘échec’ de culture;coût 120 € — œdème, Ÿ, „x“\r\n"
        let bytes = try encoded(text, .windowsCP1252)
        XCTAssertTrue(bytes.contains(0x80) && bytes.contains(0x9C), "€ is 0x80 and œ is 0x9C in Windows-1252")
        let path = try s.write("cp1252.csv", bytes: bytes)
        var got = Extracted()
        let summary = try CSVReader(
            path: path, displayName: "inbox/cp1252.csv",
            dialect: CSVDialect(delimiter: semicolon, encoding: .windows1252)
        ).read { got.add($0) }
        XCTAssertEqual(summary, CSVReadSummary(replacedCharacters: 0, firstReplacementLine: nil))
        XCTAssertEqual(
            got.rows.map { $0["COMMENTAIRE"] ?? nil },
            ["fièvre à 38,5 °C", "suivi à Écully", "coût 120 € — œdème, Ÿ, „x“"])
        XCTAssertEqual(got.rows.last?["CARYOTYPE"], "‘échec’ de culture")
        XCTAssertEqual(
            got.records[2].sha256,
            sha256Hex("LY0103;Hôpital Saint-Joseph;8,9;‘échec’ de culture;coût 120 € — œdème, Ÿ, „x“"))
    }

    func testUndefinedWindows1252BytesBecomeReplacementCharactersAndAreCounted() throws {
        let s = try Scratch()
        var bytes = Array("id;note\r\n1;ok\r\n2;a".utf8) + [0x81] + Array("b".utf8) + [0x9D] + Array("\r\n3;".utf8)
        bytes += [0x8D, 0x8F, 0x90] + Array("\r\n".utf8)
        let path = try s.write("undefined.csv", bytes: bytes)
        var got = Extracted()
        let summary = try CSVReader(
            path: path, displayName: "inbox/undefined.csv",
            dialect: CSVDialect(delimiter: semicolon, encoding: .windows1252)
        ).read { got.add($0) }
        XCTAssertEqual(got.rows.map { $0["note"] ?? nil }, ["ok", "a\u{FFFD}b\u{FFFD}", "\u{FFFD}\u{FFFD}\u{FFFD}"])
        XCTAssertEqual(summary, CSVReadSummary(replacedCharacters: 5, firstReplacementLine: 3))
        let latin1 = try readCSV(path, dialect: CSVDialect(delimiter: semicolon, encoding: .latin1))
        XCTAssertEqual(latin1.rows[1]["note"], "a\u{81}b\u{9D}", "Latin-1 maps every byte to its code point")
    }

    func testUTF16LittleEndianWithBOMKoreanText() throws {
        let s = try Scratch()
        let text = "환자번호,성별,병원,반응\r\nKR-001,여,서울대학교병원,완전관해\r\nKR-002,남,\"삼성서울병원, 강남\",부분관해\r\n"
        let bytes = [0xFF, 0xFE] + (try encoded(text, .utf16LittleEndian))
        let got = try readCSV(try s.write("le.csv", bytes: bytes), dialect: CSVDialect(encoding: .utf16))
        XCTAssertEqual(got.records.first?.names.names, ["환자번호", "성별", "병원", "반응"])
        XCTAssertEqual(got.rows.map { $0["병원"] ?? nil }, ["서울대학교병원", "삼성서울병원, 강남"])
        XCTAssertEqual(got.rows.map { $0["반응"] ?? nil }, ["완전관해", "부분관해"])
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 3"])
        XCTAssertEqual(got.records[0].sha256, sha256Hex("KR-001,여,서울대학교병원,완전관해"))
        let declared = try readCSV(try s.write("le2.csv", bytes: bytes), dialect: CSVDialect(encoding: .utf16le))
        XCTAssertEqual(declared.rows.map { $0["성별"] ?? nil }, ["여", "남"], "a matching BOM is allowed with utf-16le")
    }

    func testUTF16BigEndianWithBOMSwedishTextAndAnEmoji() throws {
        let s = try Scratch()
        let text =
            "patient;sjukhus;kommentar\nSE-01;Skånes universitetssjukhus;mår bättre 👍\nSE-02;Akademiska, Uppsala;öm, trött\n"
        let bytes = [0xFE, 0xFF] + (try encoded(text, .utf16BigEndian))
        let got = try readCSV(
            try s.write("be.csv", bytes: bytes),
            dialect: CSVDialect(delimiter: semicolon, encoding: .utf16))
        XCTAssertEqual(got.rows.map { $0["sjukhus"] ?? nil }, ["Skånes universitetssjukhus", "Akademiska, Uppsala"])
        XCTAssertEqual(got.rows.map { $0["kommentar"] ?? nil }, ["mår bättre 👍", "öm, trött"])
        XCTAssertEqual(got.records[1].sha256, sha256Hex("SE-02;Akademiska, Uppsala;öm, trött"))
        let offset = 2 + 2 * "patient;sjukhus;kommentar\nSE-01;Skånes universitetssjukhus;mår bättre 👍\n".utf16.count
        let rejected = try readCSV(
            try s.write("be-ragged.csv", bytes: bytes + (try encoded("SE-03;x\n", .utf16BigEndian))),
            dialect: CSVDialect(delimiter: semicolon, encoding: .utf16be))
        XCTAssertEqual(
            rejected.rejected.first?.byteOffset,
            offset + 2 * "SE-02;Akademiska, Uppsala;öm, trött\n".utf16.count,
            "byte offsets count the file's own UTF-16 bytes, byte-order mark included")
    }

    func testUnpairedSurrogatesBecomeReplacementCharacters() throws {
        let s = try Scratch()
        var bytes: [UInt8] = [0xFF, 0xFE] + (try encoded("id,v\n1,a", .utf16LittleEndian))
        bytes += [0x3D, 0xD8] + (try encoded("b\n2,", .utf16LittleEndian))  // high surrogate then 'b'
        bytes += [0x4D, 0xDC] + (try encoded("\n", .utf16LittleEndian))  // lone low surrogate
        var got = Extracted()
        let summary = try CSVReader(
            path: try s.write("surrogates.csv", bytes: bytes), displayName: "inbox/s.csv",
            dialect: CSVDialect(encoding: .utf16)
        ).read { got.add($0) }
        XCTAssertEqual(got.rows.map { $0["v"] ?? nil }, ["a\u{FFFD}b", "\u{FFFD}"])
        XCTAssertEqual(summary, CSVReadSummary(replacedCharacters: 2, firstReplacementLine: 2))
    }

    func testDeclaredUTF16WithoutBOMIsAFileError() throws {
        let s = try Scratch()
        let path = try s.write("nobom.csv", bytes: try encoded("id,v\n1,a\n", .utf16LittleEndian))
        XCTAssertThrowsError(try readCSV(path, dialect: CSVDialect(encoding: .utf16))) { error in
            let e = error as? ExtractError
            XCTAssertEqual(e?.file, "inbox/test.csv")
            XCTAssertEqual(e?.message.contains("no byte-order mark"), true, e?.message ?? "")
            XCTAssertEqual(e?.hint.contains("utf-16le"), true, e?.hint ?? "")
        }
        let declared = try readCSV(path, dialect: CSVDialect(encoding: .utf16le))
        XCTAssertEqual(declared.rows.map { $0["v"] ?? nil }, ["a"], "without a BOM, declare the byte order")
    }

    func testUTF8DeclaredFileWithUTF16BOMSaysDeclareUTF16() throws {
        let s = try Scratch()
        let path = try s.write("u16.csv", bytes: [0xFF, 0xFE] + (try encoded("id,v\n1,a\n", .utf16LittleEndian)))
        XCTAssertThrowsError(try readCSV(path)) { error in
            let e = error as? ExtractError
            XCTAssertEqual(e?.line, 1)
            XCTAssertEqual(e?.hint.contains("declare encoding: utf-16"), true, e?.hint ?? "")
        }
    }

    func testUTF16LEDeclaredFileWithBigEndianBOMIsRefused() throws {
        let s = try Scratch()
        let path = try s.write("u16be.csv", bytes: [0xFE, 0xFF] + (try encoded("id\n1\n", .utf16BigEndian)))
        XCTAssertThrowsError(try readCSV(path, dialect: CSVDialect(encoding: .utf16le))) { error in
            XCTAssertEqual((error as? ExtractError)?.message.contains("big-endian byte-order mark"), true)
        }
    }

    func testLatin1DeclaredFileWithUTF8BOMSaysDeclareUTF8() throws {
        let s = try Scratch()
        let path = try s.write("bom.csv", "\u{FEFF}id;nom\n1;Hôpital\n")
        XCTAssertThrowsError(try readCSV(path, dialect: CSVDialect(delimiter: semicolon, encoding: .latin1))) { error in
            XCTAssertEqual((error as? ExtractError)?.hint, "declare encoding: utf-8 in the mapping's csv settings")
        }
    }

    func testInvalidUTF8InAUTF8FileIsStillKeptAsBytes() throws {
        let s = try Scratch()
        let bytes = Array("id;nom\n1;H".utf8) + [0xF4] + Array("pital\n".utf8)
        let got = try readCSV(try s.write("bad.csv", bytes: bytes), dialect: CSVDialect(delimiter: semicolon))
        XCTAssertEqual(got.records.first?.string("nom"), "H\u{FFFD}pital")
        XCTAssertEqual(got.records.first?.bytes(at: 1).map(Array.init), Array("H".utf8) + [0xF4] + Array("pital".utf8))
    }

    func testTheBeGentSampleNeedsWindows1252NotLatin1() throws {
        let path = ExtractFuzzTests.root + "/samples/be-gent/behandelingen_2026-11-20.csv"
        let dialect = CSVDialect(delimiter: semicolon, encoding: .windows1252)
        let right = try readCSV(path, dialect: dialect)
        XCTAssertEqual(right.records.count, 28)
        XCTAssertEqual(
            right.records.filter { $0.string("MIDDEL") == "Studiemedicatie – fase II" }.map(\.locator),
            ["line 17"])
        let wrong = try readCSV(path, dialect: CSVDialect(delimiter: semicolon, encoding: .latin1))
        XCTAssertEqual(wrong.records[15].string("MIDDEL"), "Studiemedicatie \u{96} fase II")
        XCTAssertEqual(wrong.records.map(\.locator), right.records.map(\.locator), "CRLF lines either way")
    }
}
