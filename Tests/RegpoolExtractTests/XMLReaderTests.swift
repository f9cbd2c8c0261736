import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

final class XMLReaderTests: XCTestCase {
    private let registry = """
        <?xml version="1.0" encoding="UTF-8"?>
        <registry centre="ULM" exported="2024-05-02">
          <source>MDS-Register Ulm</source>
          <patient id="P-001" sex="F">
            <birthDate>1948-03-02</birthDate>
            <diagnosis date="2019-04-01"><ipssr>low</ipssr><karyotype>46,XX,del(5q)</karyotype></diagnosis>
            <note></note>
            <lenalidomide start="2020-01-10">
              <course n="1"><dose unit="mg">10</dose></course>
              <course n="2"><dose unit="mg">5</dose><stopReason>failure</stopReason></course>
            </lenalidomide>
          </patient>
          <patient id="P-002" sex="M">
            <birthDate>1951-11-20</birthDate>
            <note/>
            <lenalidomide start="2021-03-01">
              <course n="1"><dose unit="mg">10</dose></course>
            </lenalidomide>
          </patient>
          <audit>skipped</audit>
          <patient id="P-003">
            <birthDate>1939-07-07</birthDate>
            <diagnosis><ipssr>very low</ipssr></diagnosis>
            <note>  spaced &amp; escaped <![CDATA[<raw>]]></note>
          </patient>
        </registry>

        """

    func testPatientRecordsWithChildrenAttributesAndAncestors() throws {
        let s = try Scratch()
        let spec = XMLRecordSpec(
            recordPath: "/registry/patient",
            fields: [
                "@id", "@sex", "birthDate", "diagnosis/ipssr", "diagnosis/@date", "note", "missing", "../@centre",
                "../source",
            ])
        let got = try readXML(try s.write("ulm.xml", registry), name: "ulm/registry.xml", spec: spec)
        XCTAssertEqual(got.records.count, 3)
        XCTAssertEqual(
            got.records.map(\.locator),
            ["/registry[1]/patient[1]", "/registry[1]/patient[2]", "/registry[1]/patient[3]"])
        XCTAssertEqual(got.records.map(\.line), [4, 13, 21])
        XCTAssertEqual(got.records.map(\.file), Array(repeating: "ulm/registry.xml", count: 3))
        XCTAssertEqual(got.records.map { $0.string("@id") }, ["P-001", "P-002", "P-003"])
        XCTAssertEqual(got.records.map { $0.string("@sex") }, ["F", "M", nil])
        XCTAssertEqual(got.records.map { $0.string("diagnosis/ipssr") }, ["low", nil, "very low"])
        XCTAssertEqual(got.records.map { $0.string("diagnosis/@date") }, ["2019-04-01", nil, nil])
        XCTAssertEqual(got.records.map { $0.string("note") }, ["", "", "  spaced & escaped <raw>"])
        XCTAssertEqual(got.records.map { $0.string("missing") }, [nil, nil, nil])
        XCTAssertEqual(got.records.map { $0.string("../@centre") }, ["ULM", "ULM", "ULM"])
        XCTAssertEqual(
            got.records.map { $0.string("../source") }, ["MDS-Register Ulm", "MDS-Register Ulm", "MDS-Register Ulm"])
        XCTAssertEqual(got.rejected.count, 0)
    }

    func testNestedRecordsWithAncestorAttributes() throws {
        let s = try Scratch()
        let spec = XMLRecordSpec(
            recordPath: "/registry/patient/lenalidomide/course",
            fields: [
                "@n", "dose", "dose/@unit", "stopReason", "../@start", "../../@id", "../../../@centre",
            ])
        let got = try readXML(try s.write("ulm.xml", registry), spec: spec)
        XCTAssertEqual(
            got.records.map(\.locator),
            [
                "/registry[1]/patient[1]/lenalidomide[1]/course[1]",
                "/registry[1]/patient[1]/lenalidomide[1]/course[2]",
                "/registry[1]/patient[2]/lenalidomide[1]/course[1]",
            ])
        XCTAssertEqual(got.records.map(\.line), [9, 10, 17])
        XCTAssertEqual(
            got.rows,
            [
                [
                    "@n": "1", "dose": "10", "dose/@unit": "mg", "stopReason": nil, "../@start": "2020-01-10",
                    "../../@id": "P-001", "../../../@centre": "ULM",
                ],
                [
                    "@n": "2", "dose": "5", "dose/@unit": "mg", "stopReason": "failure", "../@start": "2020-01-10",
                    "../../@id": "P-001", "../../../@centre": "ULM",
                ],
                [
                    "@n": "1", "dose": "10", "dose/@unit": "mg", "stopReason": nil, "../@start": "2021-03-01",
                    "../../@id": "P-002", "../../../@centre": "ULM",
                ],
            ])
    }

    func testSha256IsOfTheRecordSubtreeAndStable() throws {
        let s = try Scratch()
        let spec = XMLRecordSpec(recordPath: "/r/p", fields: ["@id"])
        let a = try readXML(try s.write("a.xml", "<r><p id=\"1\"><x>a</x></p><p id=\"2\"><x>a</x></p></r>"), spec: spec)
        let b = try readXML(try s.write("b.xml", "<r>\n  <p id=\"1\"><x>a</x></p>\n</r>\n"), spec: spec)
        let c = try readXML(try s.write("c.xml", "<r><p id=\"1\"><x>b</x></p></r>"), spec: spec)
        XCTAssertEqual(a.records[0].sha256, b.records[0].sha256)
        XCTAssertNotEqual(a.records[0].sha256, a.records[1].sha256)
        XCTAssertNotEqual(a.records[0].sha256, c.records[0].sha256)
        XCTAssertEqual(a.records[0].sha256, sha256Hex("<p id=\"1\"><x>a</x></p>"))
    }

    func testNamespacedDocumentMatchesLocalNames() throws {
        let s = try Scratch()
        let text = """
            <reg:registry xmlns:reg="urn:example:registry" xmlns="urn:example:default">
              <reg:patient reg:id="A"><name>Ada</name></reg:patient>
              <patient id="B"><name>Bea</name></patient>
            </reg:registry>
            """
        let spec = XMLRecordSpec(recordPath: "/registry/reg:patient", fields: ["@id", "name"])
        let got = try readXML(try s.write("ns.xml", text), spec: spec)
        XCTAssertEqual(got.rows, [["@id": "A", "name": "Ada"], ["@id": "B", "name": "Bea"]])
        XCTAssertEqual(got.records.map(\.locator), ["/registry[1]/patient[1]", "/registry[1]/patient[2]"])
    }

    func testTruncatedFileFailsWithLineAndColumn() throws {
        let s = try Scratch()
        let truncated = String(registry.prefix(while: { $0 != "a" || true }).prefix(420))
        let spec = XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id"])
        var seen = 0
        XCTAssertThrowsError(
            try XMLReader(path: try s.write("cut.xml", truncated), displayName: "ulm/cut.xml", spec: spec)
                .read { _ in seen += 1 }
        ) { error in
            guard let e = error as? ExtractError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.file, "ulm/cut.xml")
            XCTAssertNotNil(e.line)
            XCTAssertTrue(e.message.hasPrefix("not well-formed XML: "), e.message)
            XCTAssertTrue(e.description.hasPrefix("ulm/cut.xml:\(e.line!)"), e.description)
        }
        XCTAssertLessThanOrEqual(seen, 1)
    }

    func testMismatchedTagReportsItsLine() throws {
        let s = try Scratch()
        let text = "<registry>\n<patient id=\"1\"/>\n<patient id=\"2\">\n</patinet>\n</registry>\n"
        XCTAssertThrowsError(
            try readXML(
                try s.write("bad.xml", text), spec: XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id"]))
        ) {
            let e = $0 as? ExtractError
            XCTAssertEqual(e?.line, 4)
            XCTAssertNotNil(e?.column)
            XCTAssertTrue(e?.message.contains("patient") ?? false, "\($0)")
        }
    }

    func testRecoverableParserErrorsStillFailTheFile() throws {
        let s = try Scratch()
        // libxml2 reports an undefined namespace prefix as an error but keeps returning nodes.
        let text = "<registry>\n<patient id=\"1\"/>\n<x:patient id=\"2\"/>\n</registry>\n"
        XCTAssertThrowsError(
            try readXML(
                try s.write("ns.xml", text), spec: XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id"]))
        ) {
            let e = $0 as? ExtractError
            XCTAssertEqual(e?.line, 3)
            XCTAssertTrue(e?.message.contains("prefix x") ?? false, "\($0)")
        }
    }

    func testAncestorChildAfterTheRecordIsAbsent() throws {
        let s = try Scratch()
        let text = "<r><p id=\"1\"/><meta>late</meta><p id=\"2\"/></r>"
        let got = try readXML(
            try s.write("late.xml", text), spec: XMLRecordSpec(recordPath: "/r/p", fields: ["@id", "../meta"]))
        XCTAssertEqual(got.rows, [["@id": "1", "../meta": nil], ["@id": "2", "../meta": "late"]])
    }

    func testUnsupportedFieldPathIsAClearError() throws {
        let s = try Scratch()
        let path = try s.write("a.xml", "<r><p/></r>")
        for bad in ["../../@x", "a//b", "@", "a/@b/c", ""] {
            XCTAssertThrowsError(try readXML(path, spec: XMLRecordSpec(recordPath: "/r/p", fields: [bad])), bad) {
                XCTAssertTrue(($0 as? ExtractError)?.message.contains("field path") ?? false, "\($0)")
            }
        }
        XCTAssertThrowsError(try readXML(path, spec: XMLRecordSpec(recordPath: "r/p", fields: [])))
    }

    func testHarmlessDoctypeIsAcceptedAndHarmfulOneRefused() throws {
        let s = try Scratch()
        let text = "<?xml version=\"1.0\"?>\n<!DOCTYPE registry>\n<registry><patient id=\"1\"/></registry>\n"
        let got = try readXML(
            try s.write("dt.xml", text), spec: XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id"]))
        XCTAssertEqual(got.records.map { $0.string("@id") }, ["1"])
        let bad =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE registry SYSTEM \"registry.dtd\">\n<registry><patient id=\"1\"/></registry>\n"
        var seen = 0
        XCTAssertThrowsError(
            try XMLReader(
                path: try s.write("bad.xml", bad), displayName: "bad.xml",
                spec: XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id"])
            ).read { _ in seen += 1 }
        ) {
            XCTAssertEqual(
                ($0 as? ExtractError)?.message, "DOCTYPE with an external DTD (SYSTEM \"registry.dtd\") is not accepted"
            )
            XCTAssertEqual(
                ($0 as? ExtractError)?.hint, "export without a DOCTYPE, or with only small internal text entities")
        }
        XCTAssertEqual(seen, 0)
    }

    func testRecordsOutsideTheRecordPathAreIgnoredAndEmptyDocumentsGiveNone() throws {
        let s = try Scratch()
        let spec = XMLRecordSpec(recordPath: "/registry/patient", fields: ["@id"])
        let other = try readXML(try s.write("o.xml", "<export><patient id=\"1\"/></export>"), spec: spec)
        XCTAssertEqual(other.records.count, 0)
        let deep = try readXML(
            try s.write("d.xml", "<registry><group><patient id=\"1\"/></group><patient id=\"2\"/></registry>"),
            spec: spec)
        XCTAssertEqual(deep.records.map { $0.string("@id") }, ["2"])
        XCTAssertEqual(deep.records.map(\.locator), ["/registry[1]/patient[1]"])
        XCTAssertThrowsError(try readXML(try s.write("e.xml", ""), spec: spec)) { XCTAssertTrue($0 is ExtractError) }
    }

    func testMissingFileThrows() throws {
        XCTAssertThrowsError(
            try readXML("/nonexistent/x.xml", name: "x.xml", spec: XMLRecordSpec(recordPath: "/a/b", fields: []))
        ) {
            XCTAssertTrue(($0 as? ExtractError)?.message.contains("cannot open") ?? false)
        }
    }
}
