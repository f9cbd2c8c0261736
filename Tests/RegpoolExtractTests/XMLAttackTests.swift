import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// The defusedxml attack corpus and hand-written DOCTYPEs: every attack refused quickly with a message
/// naming the reason; controls (and small internal text entities) parse.
final class XMLAttackTests: XCTestCase {
    private func corpus() throws -> URL {
        guard let url = sharedTestData("xml-attacks") else {
            throw XCTSkip("Tests/Fixtures/corpora/xml-attacks is absent; skipping the XML attack corpus")
        }
        return url
    }

    /// Each attack file and a phrase its refusal must hold.
    static let attacks = [
        ("xmlbomb.xml", "entity 'b' refers to other entities (entity expansion attack)"),
        ("quadratic.xml", "bytes long (more than 1024)"),
        ("cyclic.xml", "entity 'a' refers to other entities (entity expansion attack)"),
        ("external.xml", "entity 'ee' is an external entity (SYSTEM \"http://www.w3schools.com/xml/note.xml\")"),
        ("dtd.xml", "DOCTYPE with an external DTD (PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" SYSTEM"),
    ]

    func testAttacksAreRefusedQuicklyWithoutRecords() throws {
        let dir = try corpus()
        for (name, reason) in Self.attacks {
            let began = Date()
            let error = try refusal(dir.appendingPathComponent(name).path, name: "attacks/\(name)", record: "/bomb")
            XCTAssertEqual(error.file, "attacks/\(name)")
            XCTAssertTrue(error.message.contains(reason), "\(name): \(error.message)")
            XCTAssertTrue(error.message.contains("DOCTYPE"), "\(name): \(error.message)")
            XCTAssertEqual(error.hint, "export without a DOCTYPE, or with only small internal text entities", name)
            XCTAssertLessThan(Date().timeIntervalSince(began), 1.0, name)
        }
    }

    func testQuadraticEntityIsRefusedForItsLength() throws {
        let error = try refusal(
            try corpus().appendingPathComponent("quadratic.xml").path, name: "q.xml", record: "/bomb")
        XCTAssertTrue(error.message.hasPrefix("DOCTYPE not accepted: entity 'a' is "), error.message)
    }

    func testControlsParse() throws {
        let dir = try corpus()
        for name in ["simple.xml", "simple-ns.xml"] {
            let got = try readXML(
                dir.appendingPathComponent(name).path,
                spec: XMLRecordSpec(recordPath: "/root/element", fields: ["@key"]))
            XCTAssertEqual(got.records.map { $0.string("@key") }, ["value", nil], name)
            XCTAssertEqual(got.records.map(\.locator), ["/root[1]/element[1]", "/root[1]/element[2]"], name)
        }
    }

    func testSmallInternalEntityControlParsesAndResolves() throws {
        let path = try corpus().appendingPathComponent("xmlbomb2.xml").path
        let got = try readXML(path, spec: XMLRecordSpec(recordPath: "/root", fields: ["bomb", "tag"]))
        XCTAssertEqual(got.records.count, 1)
        XCTAssertEqual(got.records.first?.string("bomb"), "1234567890")
        XCTAssertEqual(got.records.first?.string("tag"), "")
    }

    func testEntitiesResolveInTextAndAttributes() throws {
        let s = try Scratch()
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE registry [
              <!ELEMENT registry ANY>
              <!ENTITY centre "Universitätsklinikum Ulm">
              <!ENTITY len "lenalidomide">
            ]>
            <registry><patient id="1" site="&centre;"><drug>&len; 10 mg</drug></patient></registry>
            """
        let got = try readXML(
            try s.write("e.xml", text),
            spec: XMLRecordSpec(
                recordPath: "/registry/patient",
                fields: ["@site", "drug"]))
        XCTAssertEqual(got.records.first?.string("@site"), "Universitätsklinikum Ulm")
        XCTAssertEqual(got.records.first?.string("drug"), "lenalidomide 10 mg")
    }

    func testHandWrittenDoctypesAreRefusedNamingTheReason() throws {
        let s = try Scratch()
        let many = (1...65).map { "<!ENTITY e\($0) \"x\">" }.joined(separator: "\n")
        let cases = [
            ("pe.xml", "<!DOCTYPE r [<!ENTITY % p \"<!ENTITY q 'x'>\">]>", "entity '%p' is a parameter entity"),
            (
                "amp.xml", "<!DOCTYPE r [<!ENTITY a \"x\"><!ENTITY b \"&a;&a;\">]>",
                "entity 'b' refers to other entities"
            ),
            ("charref.xml", "<!DOCTYPE r [<!ENTITY b \"&#38;#38;\">]>", "entity 'b' refers to other entities"),
            (
                "long.xml", "<!DOCTYPE r [<!ENTITY x \"\(String(repeating: "y", count: 2048))\">]>",
                "entity 'x' is 2048 bytes long (more than 1024)"
            ),
            ("many.xml", "<!DOCTYPE r [\n\(many)\n]>", "DOCTYPE declares 65 entities (more than 64)"),
            (
                "public.xml", "<!DOCTYPE r PUBLIC \"-//ACME//DTD Registry//EN\" \"registry.dtd\">",
                "DOCTYPE with an external DTD (PUBLIC \"-//ACME//DTD Registry//EN\" SYSTEM \"registry.dtd\") is not accepted"
            ),
            (
                "system.xml", "<!DOCTYPE r SYSTEM \"file:///etc/passwd\">",
                "DOCTYPE with an external DTD (SYSTEM \"file:///etc/passwd\")"
            ),
            (
                "file.xml", "<!DOCTYPE r [<!ENTITY f SYSTEM \"file:///etc/hostname\">]>",
                "entity 'f' is an external entity"
            ),
            (
                "ndata.xml", "<!DOCTYPE r [<!NOTATION n SYSTEM \"n\"><!ENTITY u SYSTEM \"u.bin\" NDATA n>]>",
                "entity 'u' is an external entity"
            ),
        ]
        for (name, doctype, reason) in cases {
            let path = try s.write(name, "<?xml version=\"1.0\"?>\n\(doctype)\n<r><p>text</p></r>\n")
            let error = try refusal(path, name: name, record: "/r/p")
            XCTAssertTrue(error.message.contains(reason), "\(name): \(error.message)")
            XCTAssertEqual(error.hint, "export without a DOCTYPE, or with only small internal text entities", name)
        }
    }

    func testSixtyFourSmallEntitiesAreAccepted() throws {
        let s = try Scratch()
        let decls = (1...64).map { "<!ENTITY e\($0) \"v\($0)\">" }.joined(separator: "\n")
        let longest = try s.write(
            "1024.xml", "<!DOCTYPE r [<!ENTITY m \"\(String(repeating: "z", count: 1024))\">]>\n<r><p>&m;</p></r>\n")
        XCTAssertEqual(
            try readXML(longest, spec: XMLRecordSpec(recordPath: "/r", fields: ["p"])).records.first?.string("p")?
                .count, 1024)
        let text64 = "<!DOCTYPE r [\n\(decls)\n]>\n<r><p>&e1;-&e64;</p></r>\n"
        let got = try readXML(try s.write("64.xml", text64), spec: XMLRecordSpec(recordPath: "/r", fields: ["p"]))
        XCTAssertEqual(got.records.first?.string("p"), "v1-v64")
    }

    func testTotalEntityExpansionIsBounded() throws {
        let s = try Scratch()
        // 1,100 references to a 1,000-byte entity: each is allowed, together they expand past 1 MiB.
        let refs = String(repeating: "&k;", count: 1100)
        let text = "<!DOCTYPE r [<!ENTITY k \"\(String(repeating: "k", count: 1000))\">]>\n<r><p>\(refs)</p></r>\n"
        let error = try refusal(try s.write("wide.xml", text), name: "wide.xml", record: "/r", fields: ["p"])
        XCTAssertTrue(error.message.contains("expand to more than 1048576 bytes"), error.message)
        let few = "<!DOCTYPE r [<!ENTITY k \"\(String(repeating: "k", count: 1000))\">]>\n<r><p>&k;&k;</p></r>\n"
        let got = try readXML(try s.write("few.xml", few), spec: XMLRecordSpec(recordPath: "/r", fields: ["p"]))
        XCTAssertEqual(got.records.first?.string("p")?.count, 2000)
    }

    /// Reads `path` expecting a refusal and no record; returns the error.
    private func refusal(_ path: String, name: String, record: String, fields: [String] = []) throws -> ExtractError {
        var seen = 0
        var caught: Error?
        do {
            try XMLReader(path: path, displayName: name, spec: XMLRecordSpec(recordPath: record, fields: fields))
                .read { _ in seen += 1 }
        } catch { caught = error }
        XCTAssertEqual(seen, 0, name)
        guard let e = caught as? ExtractError else {
            XCTFail("\(name): expected an ExtractError, got \(String(describing: caught))")
            return ExtractError(file: name, message: "", hint: "")
        }
        return e
    }
}
