import Foundation
import RegpoolConfig
import RegpoolConfigParser
import RegpoolModel
import XCTest

/// The linkage overrides file: plain RFC 4180 CSV, strict, every problem at once.
final class OverridesParserTests: XCTestCase {
    static let centres = ["be-gent", "de-ulm-trial", "fr-lyon", "kr-seoul"]
    static let header = "decision,centre_a,local_id_a,centre_b,local_id_b,reason\n"

    func problems(_ text: String) -> [ConfigProblem] {
        do {
            _ = try OverridesParser.parse(text: text, file: "linkage/overrides.csv", centres: Self.centres)
            return []
        } catch {
            return error.problems
        }
    }

    func at(_ line: Int) -> SourceLocation {
        SourceLocation(file: "linkage/overrides.csv", line: line, column: 1)
    }

    func testDecisionsCommentsQuotesAndLines() throws {
        let text =
            "\u{FEFF}" + Self.header.replacingOccurrences(of: "\n", with: "\r\n") + """
                # review of build 2025-03-02 (M. Janssens)\r
                force_link,be-gent,G-0042,de-ulm-trial,ULM-017,"same trial subject, confirmed by the trial office"\r
                \r
                force_separate, fr-lyon ,L-0007,kr-seoul,KS-3,"twins? no: ""different"" birth months"\r
                force_separate,fr-lyon,L-0008,fr-lyon,L-0009,"one centre, two patients"
                force_link,kr-seoul,KS-9,be-gent,G-0100,"reason over
                two lines"
                force_separate,de-ulm-trial,ULM-001,kr-seoul,KS-1,checked
                """
        let overrides = try OverridesParser.parse(text: text, file: "linkage/overrides.csv", centres: Self.centres)
        XCTAssertEqual(
            overrides,
            [
                LinkOverride(
                    decision: .forceLink, a: .init(centre: "be-gent", localID: "G-0042"),
                    b: .init(centre: "de-ulm-trial", localID: "ULM-017"),
                    reason: "same trial subject, confirmed by the trial office", location: at(3)),
                LinkOverride(
                    decision: .forceSeparate, a: .init(centre: "fr-lyon", localID: "L-0007"),
                    b: .init(centre: "kr-seoul", localID: "KS-3"),
                    reason: "twins? no: \"different\" birth months", location: at(5)),
                LinkOverride(
                    decision: .forceSeparate, a: .init(centre: "fr-lyon", localID: "L-0008"),
                    b: .init(centre: "fr-lyon", localID: "L-0009"), reason: "one centre, two patients", location: at(6)),
                LinkOverride(
                    decision: .forceLink, a: .init(centre: "kr-seoul", localID: "KS-9"),
                    b: .init(centre: "be-gent", localID: "G-0100"), reason: "reason over\ntwo lines", location: at(7)),
                LinkOverride(
                    decision: .forceSeparate, a: .init(centre: "de-ulm-trial", localID: "ULM-001"),
                    b: .init(centre: "kr-seoul", localID: "KS-1"), reason: "checked", location: at(9)),
            ])
    }

    func testAHeaderOnlyFileHasNoOverrides() throws {
        XCTAssertEqual(try OverridesParser.parse(text: Self.header, file: "o.csv", centres: Self.centres), [])
    }

    func testAWrongHeaderIsReportedAlone() {
        let found = problems("decision,centre_a,local_a,centre_b,local_id_b,reason\nforce_lnk,x,1,y,2,r\n")
        XCTAssertEqual(places(found), ["1:1"])
        guard found.count == 1 else { return }
        XCTAssertEqual(
            found[0].message,
            "the header must be exactly 'decision,centre_a,local_id_a,centre_b,local_id_b,reason', "
                + "found 'decision,centre_a,local_a,centre_b,local_id_b,reason'")
        XCTAssertEqual(found[0].hint, "column 'local_a' should be 'local_id_a'")
        XCTAssertEqual(places(problems("# nothing yet\n\n")), ["1:1"])
        XCTAssertEqual(problems("")[0].message, "the overrides file has no header line")
    }

    func testEveryMistakeIsReportedWithItsLineAndColumn() {
        let found = problems(
            Self.header + """
                force_lnk,be-gent,G-1,fr-lyon,L-1,typo in the decision
                force_link,be-gnet,G-2,fr-lyn,L-2,two centre typos
                force_link,be-gent,,fr-lyon,L-3,
                force_link,be-gent,G-4,fr-lyon,L-4,a reason, with a comma
                force_separate,kr-seoul,KS-1,kr-seoul, KS-1,same patient
                force_link,kr-seoul,KS-1,kr-seoul,KS-2,one centre
                force_link,be-gent,G-5,fr-lyon,L-5,first
                force_separate,fr-lyon,L-5,be-gent,G-5,contradicts line 8
                force_link,fr-lyon,L-5,be-gent,G-5,repeats line 8
                force_link,be-gent,G-6,fr-lyon,L-6,"never closed
                """)
        XCTAssertEqual(
            places(found), ["2:1", "3:12", "3:24", "4:20", "4:33", "5:1", "6:30", "7:26", "9:1", "10:1", "11:36"])
        guard found.count == 11 else { return }
        XCTAssertEqual(found[0].message, "'force_lnk' is not a decision; use force_link or force_separate")
        XCTAssertEqual(found[0].hint, "did you mean 'force_link'?")
        XCTAssertEqual(
            found[1].message,
            "'be-gnet' in centre_a is not a centre of this pipeline; centres: be-gent, de-ulm-trial, fr-lyon, kr-seoul")
        XCTAssertEqual(found[1].hint, "did you mean 'be-gent'?")
        XCTAssertEqual(found[2].hint, "did you mean 'fr-lyon'?")
        XCTAssertEqual(found[3].message, "local_id_a is empty")
        XCTAssertEqual(found[4].message, "reason is empty")
        XCTAssertEqual(
            found[5].message,
            "an override has 6 fields (decision,centre_a,local_id_a,centre_b,local_id_b,reason), found 7")
        XCTAssertEqual(found[5].hint, "put a reason that holds commas in quotes: \"checked, same patient\"")
        XCTAssertEqual(found[6].message, "both sides are the same patient kr-seoul:KS-1")
        XCTAssertEqual(
            found[7].message,
            "force_link joins two patients of centre kr-seoul; local patients of one centre are never linked")
        XCTAssertEqual(
            found[8].message,
            "the pair be-gent:G-5 – fr-lyon:L-5 is force_separate here but force_link at line 8")
        XCTAssertEqual(found[9].message, "the pair be-gent:G-5 – fr-lyon:L-5 is decided twice (first at line 8)")
        XCTAssertEqual(found[10].message, "a quoted field is never closed")
    }

    func testTextAfterAClosingQuoteIsNamed() {
        let found = problems(Self.header + "force_link,be-gent,G-1,fr-lyon,L-1,\"ok\" really\n")
        XCTAssertEqual(places(found), ["2:40"])
        XCTAssertEqual(found.map(\.message), ["text after the closing quote of a field"])
    }

    func testQuoteMistakesAndBytesThatAreNotUTF8() {
        var bytes = Array(
            (Self.header + "force_link,be-gent,G\"1,fr-lyon,L-1,\"ok\" really\nforce_link,be-gent,G-2,fr-lyon,L-2,caf")
                .utf8)
        bytes += [0xE9, 0x0A]
        do {
            _ = try OverridesParser.parse(bytes, file: "o.csv", centres: Self.centres)
            XCTFail("parsed")
        } catch {
            // libcsv stops a line at its first quoting mistake: one problem per line, then the next line.
            XCTAssertEqual(places(error.problems), ["2:21", "3:36"])
            XCTAssertEqual(
                error.problems.map(\.message),
                [
                    "a '\"' inside a field that does not start with one",
                    "this field is not valid UTF-8 text",
                ])
        }
    }

    func testLinkageDocsExampleParses() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/linkage.md"), encoding: .utf8)
        let start = try XCTUnwrap(text.range(of: "```csv\n")).upperBound
        let end = try XCTUnwrap(text.range(of: "```", range: start..<text.endIndex)).lowerBound
        let overrides = try OverridesParser.parse(
            text: String(text[start..<end]), file: "overrides.csv", centres: Self.centres)
        XCTAssertEqual(overrides.map(\.decision), [.forceLink, .forceSeparate])
        XCTAssertEqual(overrides.map(\.location.line), [3, 4])
        XCTAssertEqual(overrides[0].reason, "same trial subject, confirmed by the trial office")
    }
}
