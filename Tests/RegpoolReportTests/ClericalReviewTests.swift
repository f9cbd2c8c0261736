import RegpoolReport
import XCTest

/// The clerical review files: CSV a reviewer can paste into the overrides file, HTML to read.
final class ClericalReviewTests: XCTestCase {
    static let pair = ClericalReview.Pair(
        centreA: "be-gent", localIDA: "GE-0023", centreB: "de-ulm-trial", localIDB: "ULM-009", probability: 0.512877,
        totalWeight: 0.0712,
        comparisons: [
            .init(field: "sex", valueA: "male", valueB: "male", level: "agree", weight: 0.9705),
            .init(field: "who_class", valueA: "ra", valueB: "rcmd", level: "disagree", weight: -2.2224),
            .init(field: "karyotype_iscn", valueA: "46,XY,del(5)(q31q35)", valueB: nil, level: nil, weight: nil),
        ])

    func testTheCSVStartsWithTheOverridesColumnsAndQuotesCommas() {
        let text = String(
            decoding: ClericalReview.csv([Self.pair], fields: ["sex", "who_class", "karyotype_iscn"]),
            as: UTF8.self)
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines[0],
            "decision,centre_a,local_id_a,centre_b,local_id_b,reason,match_probability,total_weight,"
                + "sex_a,sex_b,sex_level,sex_weight,who_class_a,who_class_b,who_class_level,who_class_weight,"
                + "karyotype_iscn_a,karyotype_iscn_b,karyotype_iscn_level,karyotype_iscn_weight")
        XCTAssertEqual(
            lines[1],
            ",be-gent,GE-0023,de-ulm-trial,ULM-009,,0.5129,0.07,male,male,agree,0.97,ra,rcmd,disagree,"
                + "-2.22,\"46,XY,del(5)(q31q35)\",,,")
        XCTAssertEqual(lines.count, 2)
    }

    func testTheHTMLShowsEachComparisonEscapedWithItsSign() throws {
        let html = String(
            decoding: try ClericalReview.html(
                [Self.pair], buildID: "b-1<2", linkThreshold: 0.95,
                reviewThreshold: 0.5), as: UTF8.self)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("b-1&lt;2"))
        XCTAssertTrue(html.contains("<h2>1. be-gent GE-0023 — de-ulm-trial ULM-009</h2>"))
        XCTAssertTrue(html.contains("class=\"pos\">+0.97</td>"))
        XCTAssertTrue(html.contains("class=\"neg\">-2.22</td>"))
        XCTAssertTrue(html.contains("missing: no evidence"))
        XCTAssertTrue(html.contains("Match probability <b>0.5129</b>"))
    }

    func testThePageShowsTheFirstThousandPairsAndPointsToTheCSVForTheRest() throws {
        let pairs = Array(repeating: Self.pair, count: ClericalReview.pagePairLimit + 7)
        let html = String(
            decoding: try ClericalReview.html(pairs, buildID: "b-1", linkThreshold: 0.95, reviewThreshold: 0.5),
            as: UTF8.self)
        XCTAssertEqual(html.components(separatedBy: "<h2>").count - 1, ClericalReview.pagePairLimit)
        XCTAssertTrue(html.contains("1007 pair(s) scored"))
        XCTAssertTrue(html.contains("<p>7 more pair(s) are not shown here"), "names the pairs left to the CSV")
        XCTAssertEqual(ClericalReview.csv(pairs, fields: ["sex"]).filter { $0 == 0x0A }.count, pairs.count + 1)
        let few = String(
            decoding: try ClericalReview.html([Self.pair], buildID: "b-1", linkThreshold: 0.95, reviewThreshold: 0.5),
            as: UTF8.self)
        XCTAssertFalse(few.contains("more pair(s)"))
        XCTAssertTrue(few.hasSuffix("</table>\n</body>\n</html>\n"), "nothing between the last pair and </body>")
    }
}
