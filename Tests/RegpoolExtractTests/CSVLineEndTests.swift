import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// Lines end at `\n`, `\r\n` or a lone `\r` (old Mac exports), also where a line end or a character
/// is split across the 64 KiB read boundary.
final class CSVLineEndTests: XCTestCase {
    private let chunk = 64 * 1024

    func testCROnlyFileGivesTheRightLinesIncludingAMultiLineQuotedField() throws {
        let s = try Scratch()
        let text =
            "patient_id;note;hb\r"
            + "P-1;plain;9,8\r"
            + "P-2;\"transfused twice\rthen stable\";10,1\r"
            + "\r"
            + "P-3;\"three\r\rlines\";8,7\r"
            + "P-4;last;9,0"
        let got = try readCSV(try s.write("mac.csv", text), dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(got.rejected, [])
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 3", "line 6", "line 9"])
        XCTAssertEqual(
            got.rows.map { $0["note"] ?? nil },
            ["plain", "transfused twice\rthen stable", "three\r\rlines", "last"],
            "line breaks inside quoted fields keep their bytes")
        XCTAssertEqual(got.records[1].sha256, sha256Hex("P-2;\"transfused twice\rthen stable\";10,1"))
        XCTAssertEqual(got.records[3].sha256, sha256Hex("P-4;last;9,0"))
    }

    func testMixedLineEndsAreAllLineEnds() throws {
        let s = try Scratch()
        let text = "id,v\n1,a\r\n2,b\r3,\"x\r\ny\"\n4,\"p\nq\rr\"\r\n5,e"
        let got = try readCSV(try s.write("mixed.csv", text))
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 3", "line 4", "line 6", "line 9"])
        XCTAssertEqual(got.rows.map { $0["v"] ?? nil }, ["a", "b", "x\r\ny", "p\nq\rr", "e"])
        XCTAssertEqual(got.records[3].sha256, sha256Hex("4,\"p\nq\rr\""))
    }

    func testRaggedRowInACROnlyFileNamesItsLineAndOffset() throws {
        let s = try Scratch()
        let text = "id;v\r1;a\r2;b;extra\r3;c\r"
        let got = try readCSV(try s.write("mac-ragged.csv", text), dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(got.rejected.map(\.locator), ["line 3"])
        XCTAssertEqual(got.rejected.first?.byteOffset, "id;v\r1;a\r".utf8.count)
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 4"])
    }

    /// Header plus filler records so that the byte at `target` offset is where `tail` starts.
    private func padded(header: String, until target: Int, lineEnd: String = "\n") -> (text: String, lines: Int) {
        var text = header
        var lines = 1
        while text.utf8.count < target - 40 {
            text += "F-\(lines);filler\(lineEnd)"
            lines += 1
        }
        let gap = target - text.utf8.count - "Z;".utf8.count - lineEnd.utf8.count
        text += "Z;" + String(repeating: "z", count: gap) + lineEnd
        return (text, lines + 1)
    }

    func testCRLFSplitAcrossTheReadBoundaryIsOneLineEnd() throws {
        let s = try Scratch()
        var (text, lines) = padded(header: "id;v\r\n", until: chunk + 1, lineEnd: "\r\n")
        XCTAssertEqual(Array(text.utf8)[chunk - 1], 0x0D)
        XCTAssertEqual(Array(text.utf8)[chunk], 0x0A)
        text += "AFTER;1\r\n"
        let got = try readCSV(try s.write("crlf-split.csv", text), dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(got.records.last?.string("id"), "AFTER")
        XCTAssertEqual(got.records.last?.locator, "line \(lines + 1)")
        XCTAssertEqual(got.records.count, lines)
    }

    func testLoneCRAtTheReadBoundaryEndsTheLine() throws {
        let s = try Scratch()
        var (text, lines) = padded(header: "id;v\r", until: chunk, lineEnd: "\r")
        XCTAssertEqual(text.utf8.count, chunk)
        text += "AFTER;1\r"
        let got = try readCSV(try s.write("cr-split.csv", text), dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(got.records.last?.string("id"), "AFTER")
        XCTAssertEqual(got.records.last?.locator, "line \(lines + 1)")
        XCTAssertEqual(got.rejected, [])
    }

    func testUTF8CharacterSplitAcrossTheReadBoundary() throws {
        let s = try Scratch()
        var (text, lines) = padded(header: "id;v\n", until: chunk - 1)
        text += "É;Hôpital\n"
        XCTAssertEqual(Array(text.utf8)[(chunk - 1)...chunk], [0xC3, 0x89], "É straddles the boundary")
        let got = try readCSV(try s.write("utf8-split.csv", text), dialect: CSVDialect(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(got.records.last?.string("id"), "É")
        XCTAssertEqual(got.records.last?.locator, "line \(lines + 1)")
    }

    func testWindows1252TextAcrossTheReadBoundary() throws {
        let s = try Scratch()
        var (text, lines) = padded(header: "id;v\r\n", until: chunk - 3, lineEnd: "\r\n")
        text += "€œ…;„Ÿ“\r\n"
        let bytes = try XCTUnwrap(text.data(using: .windowsCP1252).map(Array.init))
        XCTAssertEqual(Array(bytes[(chunk - 3)...(chunk + 1)]), [0x80, 0x9C, 0x85, 0x3B, 0x84])
        let got = try readCSV(
            try s.write("cp-split.csv", bytes: bytes),
            dialect: CSVDialect(delimiter: UInt8(ascii: ";"), encoding: .windows1252))
        XCTAssertEqual(got.records.last?.string("id"), "€œ…")
        XCTAssertEqual(got.records.last?.string("v"), "„Ÿ“")
        XCTAssertEqual(got.records.last?.locator, "line \(lines + 1)")
    }

    func testUTF16SurrogatePairSplitAcrossTheReadBoundary() throws {
        let s = try Scratch()
        // BOM (2 bytes) + UTF-16 text: the pair of "𝄞" must sit at file offsets chunk-2 ..< chunk+2.
        var (text, lines) = padded(header: "id;v\n", until: (chunk - 2 - 2) / 2)
        text += "𝄞;한국\n"
        let bytes = [0xFF, 0xFE] + Array(try XCTUnwrap(text.data(using: .utf16LittleEndian)))
        XCTAssertEqual(Array(bytes[(chunk - 2)..<(chunk + 2)]), [0x34, 0xD8, 0x1E, 0xDD], "U+1D11E is D834 DD1E")
        var got = Extracted()
        let summary = try CSVReader(
            path: try s.write("u16-split.csv", bytes: bytes), displayName: "inbox/u16.csv",
            dialect: CSVDialect(delimiter: UInt8(ascii: ";"), encoding: .utf16)
        ).read { got.add($0) }
        XCTAssertEqual(got.records.last?.string("id"), "𝄞")
        XCTAssertEqual(got.records.last?.string("v"), "한국")
        XCTAssertEqual(got.records.last?.locator, "line \(lines + 1)")
        XCTAssertEqual(summary.replacedCharacters, 0)
    }
}
