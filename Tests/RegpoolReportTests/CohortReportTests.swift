import Foundation
import RegpoolModel
import XCTest

@testable import RegpoolReport

/// The report of a hand-made build: figures checked by hand, bytes stable, page safe and offline.
final class CohortReportRenderTests: XCTestCase {
    func json(_ input: ReportInput = ReportFixture.input()) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try CohortReport.render(input).json)) as? [String: Any])
    }

    func testFlowCountsRecordsAndPatients() throws {
        let flow = try XCTUnwrap(json()["flow"] as? [String: Any])
        XCTAssertEqual(flow["records_received"] as? Int, 9)
        XCTAssertEqual(flow["records_rejected"] as? Int, 1)
        XCTAssertEqual(flow["local_patients"] as? Int, 8, "A1-A4, A7, B5, B6, B1")
        XCTAssertEqual(flow["pooled_patients"] as? Int, 7)
        XCTAssertEqual(flow["excluded_total"] as? Int, 1)
        XCTAssertEqual(flow["analysed"] as? Int, 6)
        let excluded = try XCTUnwrap(flow["excluded"] as? [[String: Any]])
        XCTAssertEqual(excluded.count, 7, "every reason, in the contract's order, zero counts included")
        XCTAssertEqual(excluded.first?["reason"] as? String, "no_del5q")
        XCTAssertEqual(excluded.first?["patients"] as? Int, 1)
    }

    func testTableOneByHand() throws {
        let rows = try XCTUnwrap((json()["table1"] as? [String: Any])?["rows"] as? [[String: Any]])
        let age = try XCTUnwrap(rows.first { $0["variable"] as? String == "age_at_len_start" })
        // Known ages 59.5, 66, 71.5, 75, 80: median 71.5, range 59.5–80; one missing.
        XCTAssertEqual(age["median"] as? Double, 71.5)
        XCTAssertEqual(age["min"] as? Double, 59.5)
        XCTAssertEqual(age["max"] as? Int, 80)
        XCTAssertEqual(age["missing"] as? Int, 1)
        let sex = try XCTUnwrap(rows.first { $0["variable"] as? String == "sex" })
        let levels = try XCTUnwrap(sex["levels"] as? [[String: Any]])
        XCTAssertEqual(levels.map { $0["value"] as? String }, ["male", "female"])
        XCTAssertEqual(levels.map { $0["count"] as? Int }, [2, 3])
        XCTAssertEqual(levels[1]["percent"] as? Double, 60, "3 of the 5 known")
        let old = try XCTUnwrap(rows.first { $0["variable"] as? String == "age_75_plus" })
        XCTAssertEqual(old["count"] as? Int, 2)
        XCTAssertEqual(old["percent"] as? Double, 40)
        let tp53 = try XCTUnwrap(rows.first { $0["variable"] as? String == "tp53_status" })
        XCTAssertEqual(tp53["known"] as? Int, 2, "from the patients table, for analysed patients")
    }

    func testSurvivalGroupsAndCompletenessByHand() throws {
        let report = try json()
        let analyses = try XCTUnwrap((report["survival"] as? [String: Any])?["analyses"] as? [[String: Any]])
        let all = try XCTUnwrap((analyses[0]["groups"] as? [[String: Any]])?.first)
        // Deaths at 4, 10, 15, 30; censored at 8, 20. S drops to 5/6, then 5/6·3/4 = 0.625 at 10, then ·2/3 = 0.4167 at 15.
        XCTAssertEqual(all["median"] as? Int, 15)
        let karyotype = try XCTUnwrap(analyses.first { $0["by"] as? String == "karyotype_category" })
        XCTAssertEqual(karyotype["excluded_unknown"] as? Int, 1)
        let firstLine = try XCTUnwrap(analyses.first { $0["by"] as? String == "first_line_category" })
        XCTAssertEqual(
            (firstLine["groups"] as? [[String: Any]])?.compactMap { $0["group"] as? String },
            ["bsc", "hma", "esa", "unknown"])
        XCTAssertEqual(
            (firstLine["logrank"] as? [String: Any])?["degrees_of_freedom"] as? Int, 2, "unknown is not tested")
        let aml = try XCTUnwrap(report["aml_incidence"] as? [String: Any])
        XCTAssertEqual(aml["subjects"] as? Int, 5)
        XCTAssertEqual(aml["aml_events"] as? Int, 2)
        XCTAssertEqual(aml["competing_deaths"] as? Int, 1)
        // AML at 0 (1 of 5): 0.2, S = 0.8; censored at 8; death at 10 (1 of 3 at risk): S = 0.8·2/3;
        // AML at 12 (1 of 2 at risk): 0.2 + 0.8·2/3·1/2 = 0.2 + 0.2667 = 0.4667.
        XCTAssertEqual(
            ((aml["at"] as? [[String: Any]])?[0]["incidence"] as? Double) ?? 0, 0.2 + 0.8 * 2 / 3 / 2, accuracy: 1e-12)
        let centres = try XCTUnwrap(report["centres"] as? [[String: Any]])
        XCTAssertEqual(centres.map { $0["centre_id"] as? String }, ["a-centre", "b-centre"])
        XCTAssertEqual(centres.map { $0["patients"] as? Int }, [5, 3])
        XCTAssertEqual(centres.map { $0["analysed"] as? Int }, [4, 3])
        let bTP53 = (centres[1]["completeness"] as? [[String: Any]])?.first {
            $0["variable"] as? String == "tp53_status"
        }
        XCTAssertEqual(bTP53?["known"] as? Int, 1, "P1, seen by both centres, counts for b-centre too")
    }

    func testBytesAreStableAndIgnoreRowOrder() throws {
        let a = try CohortReport.render(ReportFixture.input())
        let b = try CohortReport.render(ReportFixture.input(shuffled: true))
        XCTAssertEqual(a.json, b.json)
        XCTAssertEqual(a.html, b.html)
    }

    func testPageIsOfflineEscapedAndComplete() throws {
        let html = String(
            decoding: try CohortReport.render(ReportFixture.input(centreA: "<b>&evil")).html, as: UTF8.self)
        for forbidden in ["<script", "http://", "https://", "@import", "<b>&evil"] {
            XCTAssertFalse(html.contains(forbidden), forbidden)
        }
        XCTAssertTrue(html.contains("&lt;b&gt;&amp;evil"))
        for section in [
            "id=\"flow\"", "id=\"table1\"", "id=\"survival\"", "id=\"aml\"", "id=\"centres\"", "@media print",
        ] {
            XCTAssertTrue(html.contains(section), section)
        }
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 6, "flow, 4 survival figures, AML")
        XCTAssertEqual(html.components(separatedBy: "<title").count - 1, 7, "the page's and one per figure")
    }

    func testMissingTableIsNamed() {
        let input = ReportInput(buildID: "b", regpoolVersion: "0", tables: [ReportFixture.patients()])
        XCTAssertThrowsError(try CohortReport.render(input)) { XCTAssertTrue("\($0)".contains("analysis_cohort")) }
    }

    func testEveryTokenAndColumnHasALabel() {
        for table in CDM.tables {
            for column in table.columns {
                XCTAssertFalse(CDM.columnLabel(column.name).isEmpty)
                for token in column.type.tokens ?? [] {
                    XCTAssertFalse(
                        CDM.tokenLabel(column: column.name, token: token).contains("_"), "\(column.name).\(token)")
                }
            }
        }
    }
}
