import Foundation
import RegpoolExtract
import XCTest

/// Every csv-spectrum case must read to exactly its JSON array of header-keyed records.
final class CSVSpectrumTests: XCTestCase {
    func testEveryCaseMatchesItsJSON() throws {
        guard let corpus = sharedTestData("csv-spectrum") else {
            throw XCTSkip("Tests/Fixtures/corpora/csv-spectrum is absent; skipping the csv-spectrum corpus")
        }
        let csvs = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("csvs").path)
            .filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertGreaterThanOrEqual(csvs.count, 11)
        for name in csvs {
            let stem = String(name.dropLast(4))
            let csvPath = corpus.appendingPathComponent("csvs/\(name)").path
            let json = try Data(contentsOf: corpus.appendingPathComponent("json/\(stem).json"))
            let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [[String: String]], stem)
            let got = try readCSV(csvPath, name: "csvs/\(name)")
            XCTAssertEqual(got.rejected.map(\.reason), [], stem)
            let rows = got.rows.map { $0.mapValues { $0 ?? "<absent>" } }
            XCTAssertEqual(rows, expected, stem)
            XCTAssertTrue(got.records.allSatisfy { $0.file == "csvs/\(name)" }, stem)
        }
    }

    func testMultiLineRecordLocators() throws {
        guard let corpus = sharedTestData("csv-spectrum") else { throw XCTSkip("csv-spectrum absent") }
        for name in ["newlines.csv", "newlines_crlf.csv"] {
            let got = try readCSV(corpus.appendingPathComponent("csvs/\(name)").path)
            XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 3", "line 5"], name)
        }
    }
}
