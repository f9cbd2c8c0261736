import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// The inspection side of the XML reader: every field of a record, and the repeating paths of a file.
final class XMLInspectionTests: XCTestCase {
    private var scratch: Scratch!

    override func setUpWithError() throws { scratch = try Scratch() }
    override func tearDown() { scratch = nil }

    private let export = """
        <?xml version="1.0" encoding="UTF-8"?>
        <odm:registry xmlns:odm="urn:x" centre="ULM">
          <odm:patient id="P-001">
            <sex>F</sex>
            <birth year="1948"/>
            <diagnosis date="2019-04-01"><ipss>low</ipss><note>  mixed <b>bold</b> text </note></diagnosis>
            <empty/>
            <lines>
              <line n="1"><agent>aza</agent></line>
              <line n="2"><agent>dec</agent><end>2021</end></line>
            </lines>
            <comment><![CDATA[<raw> & more]]></comment>
          </odm:patient>
          <odm:patient>
            <sex>M</sex>
          </odm:patient>
        </odm:registry>

        """

    private func readAll(_ path: String) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        try XMLReader(
            path: path, displayName: "inbox/x.xml",
            spec: XMLRecordSpec(recordPath: "/registry/patient", fields: ["ignored"])
        )
        .readAllFields { event in
            if case .record(let r) = event { records.append(r) }
        }
        return records
    }

    func testEveryAttributeAndLeafInDocumentOrderWithFirstValueOfARepeatedPath() throws {
        let path = try scratch.write("x.xml", export)
        let records = try readAll(path)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(
            records[0].names.names,
            [
                "@id", "sex", "birth/@year", "diagnosis/@date", "diagnosis/ipss", "diagnosis/note/b", "empty",
                "lines/line/@n", "lines/line/agent", "lines/line/end", "comment",
            ])
        let values = records[0].names.names.indices.map { records[0].string(at: $0) }
        XCTAssertEqual(
            values, ["P-001", "F", "1948", "2019-04-01", "low", "bold", "", "1", "aza", "2021", "<raw> & more"])
        XCTAssertEqual(records[1].names.names, ["sex"], "each record has its own names")
        XCTAssertEqual(records[1].locator, "/registry[1]/patient[2]")
    }

    func testAllFieldsRecordHasTheSameHashAndLocatorAsThePipelinesRead() throws {
        let path = try scratch.write("x.xml", export)
        var planned: [SourceRecord] = []
        try XMLReader(
            path: path, displayName: "inbox/x.xml",
            spec: XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id", "sex"])
        )
        .read { if case .record(let r) = $0 { planned.append(r) } }
        let all = try readAll(path)
        XCTAssertEqual(planned.map(\.sha256), all.map(\.sha256))
        XCTAssertEqual(planned.map(\.locator), all.map(\.locator))
        XCTAssertEqual(
            planned.map { $0.names.names }, [["@id", "sex"], ["@id", "sex"]], "read keeps the spec's fields")
        XCTAssertNil(planned[1].string("@id"))
    }

    func testSurveyListsPathsThatRepeatUnderOneParent() throws {
        let path = try scratch.write("x.xml", export)
        let survey = try XMLStructureSurvey.repeatedElements(path: path, displayName: "inbox/x.xml")
        XCTAssertEqual(
            survey,
            [
                XMLElementCount(path: "/registry/patient", count: 2),
                XMLElementCount(path: "/registry/patient/lines/line", count: 2),
            ])
    }

    func testSurveyRefusesDoctypeAndBrokenXML() throws {
        let s = scratch!
        let harmless = try s.write(
            "h.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"x\">]>\n<r><p>&a;</p><p/></r>\n")
        XCTAssertEqual(
            try XMLStructureSurvey.repeatedElements(path: harmless, displayName: "h.xml"),
            [XMLElementCount(path: "/r/p", count: 2)])
        let doctype = try s.write(
            "d.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"x\"><!ENTITY b \"&a;&a;\">]>\n<r><p/><p/></r>\n")
        XCTAssertThrowsError(try XMLStructureSurvey.repeatedElements(path: doctype, displayName: "d.xml")) { error in
            XCTAssertTrue("\(error)".contains("entity 'b' refers to other entities"), "\(error)")
        }
        let broken = try s.write("b.xml", "<r><p></r>\n")
        XCTAssertThrowsError(try XMLStructureSurvey.repeatedElements(path: broken, displayName: "b.xml")) { error in
            XCTAssertEqual((error as? ExtractError)?.line, 1, "\(error)")
        }
    }
}
