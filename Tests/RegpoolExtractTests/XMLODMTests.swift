import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// A real CDISC ODM 1.3.2 snapshot (default namespace, deep nesting): every ItemData with its keys.
final class XMLODMTests: XCTestCase {
    private let itemDataPath = "/ODM/ClinicalData/SubjectData/StudyEventData/FormData/ItemGroupData/ItemData"
    private let fields = [
        "@ItemOID", "@Value", "../@ItemGroupOID", "../@ItemGroupRepeatKey", "../../@FormOID",
        "../../../@StudyEventOID", "../../../@StudyEventRepeatKey", "../../../../@SubjectKey",
        "../../../../../@StudyOID",
    ]

    func testEveryItemDataArrivesWithItsKeys() throws {
        guard let dir = sharedTestData("odm") else {
            throw XCTSkip("Tests/Fixtures/corpora/odm is absent; skipping ODM")
        }
        let url = dir.appendingPathComponent("odmlib-odm-data-snapshot.xml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let itemLines = lines.indices.filter { lines[$0].contains("<ItemData ") }.map { $0 + 1 }

        let got = try readXML(
            url.path, name: "virus/odm.xml",
            spec: XMLRecordSpec(recordPath: itemDataPath, fields: fields))
        XCTAssertEqual(got.records.count, itemLines.count)
        XCTAssertEqual(got.records.map(\.line), itemLines)
        for record in got.records {
            for name in fields where name != "@Value" && name != "../@ItemGroupRepeatKey" {
                XCTAssertNotNil(record.string(name), "\(record.locator) \(name)")
            }
            XCTAssertTrue(lines[record.line - 1].contains("ItemOID=\"\(record.string("@ItemOID") ?? "?")\""))
        }
        let first = try XCTUnwrap(got.records.first)
        XCTAssertEqual(first.string("@ItemOID"), "IT.AGE")
        XCTAssertEqual(first.string("@Value"), "56")
        XCTAssertEqual(first.string("../@ItemGroupOID"), "IG.DM")
        XCTAssertEqual(first.string("../../@FormOID"), "DM")
        XCTAssertEqual(first.string("../../../@StudyEventOID"), "SE.SCREENING")
        XCTAssertEqual(first.string("../../../../@SubjectKey"), "SS_0001")
        XCTAssertEqual(first.string("../../../../../@StudyOID"), "1001_virus")
        XCTAssertEqual(
            first.locator,
            "/ODM[1]/ClinicalData[1]/SubjectData[1]/StudyEventData[1]/FormData[1]/ItemGroupData[1]/ItemData[1]")
    }
}
