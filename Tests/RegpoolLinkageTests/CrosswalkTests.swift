import RegpoolConfig
import RegpoolConfigParser
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// The id crosswalk's text: rendering, round trip, strict parsing.
final class CrosswalkTests: XCTestCase {
    static let text = """
        member_key,pooled_id
        M-C0B6WBB74K21AKYS,P-8B7KNXRMQQ16XE0S
        M-NVAP31KAP18TTYF3,P-8B7KNXRMQQ16XE0S
        M-QVCPJK7DWJ9FWTSX,P-08GCPZ5VS4B2Z5NF

        """

    func testRenderedSortedByMemberKeyAndParsedBack() throws {
        let crosswalk = Crosswalk([
            "M-QVCPJK7DWJ9FWTSX": "P-08GCPZ5VS4B2Z5NF", "M-NVAP31KAP18TTYF3": "P-8B7KNXRMQQ16XE0S",
            "M-C0B6WBB74K21AKYS": "P-8B7KNXRMQQ16XE0S",
        ])
        XCTAssertEqual(crosswalk.csvText, Self.text)
        let parsed = try Crosswalk(CrosswalkParser.parse(Array(Self.text.utf8), file: "builds/prev/crosswalk.csv"))
        XCTAssertEqual(parsed, crosswalk)
        XCTAssertEqual(parsed.csvText, Self.text)
        XCTAssertEqual(parsed.pooledID(memberKey: "M-NVAP31KAP18TTYF3"), "P-8B7KNXRMQQ16XE0S")
        XCTAssertNil(parsed.pooledID(memberKey: "M-F1XCRNHB6372JECT"))
    }

    func testHeaderOnlyAndMissingFinalNewlineAreAccepted() throws {
        XCTAssertEqual(
            try Crosswalk(CrosswalkParser.parse(Array("member_key,pooled_id\n".utf8), file: "c.csv")).entries, [])
        XCTAssertEqual(
            try Crosswalk(CrosswalkParser.parse(Array("member_key,pooled_id".utf8), file: "c.csv")).entries, [])
        XCTAssertEqual(
            try Crosswalk(CrosswalkParser.parse(Array(String(Self.text.dropLast()).utf8), file: "c.csv")).entries.count,
            3)
        XCTAssertEqual(Crosswalk([:]).csvText, "member_key,pooled_id\n")
    }

    private func problems(_ text: String) -> [String] {
        do {
            _ = try Crosswalk(CrosswalkParser.parse(Array(text.utf8), file: "crosswalk.csv"))
            XCTFail("parsed: \(text)")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    func testBadHeader() {
        XCTAssertEqual(
            problems("member,pooled\nM-C0B6WBB74K21AKYS,P-8B7KNXRMQQ16XE0S\n"),
            [
                "crosswalk.csv:1:1: the header is `member,pooled`, expected `member_key,pooled_id` — use the "
                    + "crosswalk.csv of the previous build as it was written"
            ])
        XCTAssertEqual(
            problems(""),
            [
                "crosswalk.csv:1:1: the crosswalk is empty; it must start with the header `member_key,pooled_id` — use "
                    + "the crosswalk.csv of the previous build as it was written"
            ])
    }

    func testDuplicateMemberKey() {
        let text = Self.text + "M-NVAP31KAP18TTYF3,P-08GCPZ5VS4B2Z5NF\n"
        XCTAssertEqual(
            problems(text),
            [
                "crosswalk.csv:5:1: member key M-NVAP31KAP18TTYF3 is listed again (first on line 3) — keep one line per "
                    + "member key: a member has one pooled id; use the crosswalk.csv of the previous build as it was written"
            ])
    }

    func testMalformedIdsAndFieldCounts() {
        let text = """
            member_key,pooled_id
            M-C0B6WBB74K21AKYS,P-8B7KNXRMQQ16XE0
            M-NVAP31KAP18TTYFU,P-8B7KNXRMQQ16XE0S
            P-08GCPZ5VS4B2Z5NF,M-QVCPJK7DWJ9FWTSX
            M-QVCPJK7DWJ9FWTSX,P-08GCPZ5VS4B2Z5NF,registry

            """
        let found = problems(text)
        XCTAssertEqual(
            found.map { String($0.prefix { $0 != "—" }) },
            [
                "crosswalk.csv:2:20: malformed pooled id `P-8B7KNXRMQQ16XE0` ",
                "crosswalk.csv:3:1: malformed member key `M-NVAP31KAP18TTYFU` ",
                "crosswalk.csv:4:1: malformed member key `P-08GCPZ5VS4B2Z5NF` ",
                "crosswalk.csv:4:20: malformed pooled id `M-QVCPJK7DWJ9FWTSX` ",
                "crosswalk.csv:5:1: 3 fields (`M-QVCPJK7DWJ9FWTSX,P-08GCPZ5VS4B2Z5NF,registry`), expected 2: member_key,pooled_id ",
            ])
        XCTAssertTrue(
            found[0].hasSuffix(
                "— a pooled id is `P-` and 16 Crockford base32 characters (0-9, A-Z without "
                    + "I, L, O, U); use the crosswalk.csv of the previous build as it was written"), found[0])
    }

    func testCRLFLineEndsAndBlankLinesReadAsCSV() throws {
        // Read through libcsv like every CSV regpool reads: line ends and blank lines change no pair.
        let lf = try Crosswalk(CrosswalkParser.parse(Array(Self.text.utf8), file: "c.csv"))
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(try Crosswalk(CrosswalkParser.parse(Array(crlf.utf8), file: "c.csv")), lf)
        let blank = Self.text.replacingOccurrences(of: "\n", with: "\n\n")
        XCTAssertEqual(try Crosswalk(CrosswalkParser.parse(Array(blank.utf8), file: "c.csv")), lf)
    }

    func testQuotingMistakeNamesLineAndColumn() {
        XCTAssertEqual(
            problems("member_key,pooled_id\nM-C0B6WBB74K21AKYS,P-8B7KN\"XRMQQ16XE0S\n").first,
            "crosswalk.csv:2:27: a '\"' inside a field that does not start with one — quote the whole field "
                + "and double the quote inside: \"say \"\"no\"\"\"")
    }

    func testAtMostTwentyProblemsAreReported() {
        let text = "member_key,pooled_id\n" + String(repeating: "x,y\n", count: 30)
        XCTAssertEqual(problems(text).count, 20)
    }
}
