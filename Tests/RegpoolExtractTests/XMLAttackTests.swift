import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// The defusedxml attack corpus: every attack refused quickly with a clear message; controls parse.
final class XMLAttackTests: XCTestCase {
    private func corpus() throws -> URL {
        guard let url = sharedTestData("xml-attacks") else {
            throw XCTSkip("../shared/testdata/xml-attacks is absent; skipping the XML attack corpus")
        }
        return url
    }

    func testAttacksAreRefusedQuicklyWithoutRecords() throws {
        let dir = try corpus()
        for name in ["xmlbomb.xml", "quadratic.xml", "cyclic.xml", "external.xml", "dtd.xml", "xmlbomb2.xml"] {
            let path = dir.appendingPathComponent(name).path
            let began = Date()
            var seen = 0
            XCTAssertThrowsError(try XMLReader(path: path, displayName: "attacks/\(name)",
                                               spec: XMLRecordSpec(recordPath: "/bomb", fields: []))
                .read { _ in seen += 1 }, name) { error in
                guard let e = error as? ExtractError else { return XCTFail("\(name): \(error)") }
                XCTAssertEqual(e.file, "attacks/\(name)")
                XCTAssertEqual(e.message, "DOCTYPE declarations are not accepted (entity and DTD attacks)", name)
            }
            XCTAssertLessThan(Date().timeIntervalSince(began), 1.0, name)
            XCTAssertEqual(seen, 0, name)
        }
    }

    func testControlsParse() throws {
        let dir = try corpus()
        for name in ["simple.xml", "simple-ns.xml"] {
            let got = try readXML(dir.appendingPathComponent(name).path,
                                  spec: XMLRecordSpec(recordPath: "/root/element", fields: ["@key"]))
            XCTAssertEqual(got.records.map { $0.string("@key") }, ["value", nil], name)
            XCTAssertEqual(got.records.map(\.locator), ["/root[1]/element[1]", "/root[1]/element[2]"], name)
        }
    }
}
