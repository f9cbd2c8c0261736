import Foundation
import RegpoolPipeline
import XCTest

/// audit.html of the sample build: per centre the input files with the manifest's sizes and hashes,
/// the record counts, every decision line linking to events that exist and say the same.
final class AuditPageTests: XCTestCase {
    private func page() throws -> String {
        try String(contentsOfFile: try SampleBuild.file("audit.html"), encoding: .utf8)
    }

    private func auditLines() throws -> [[String: Any]] {
        try String(contentsOfFile: try SampleBuild.file("audit.jsonl"), encoding: .utf8).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func testEveryLinkLeadsToAnEventRowThatIsThatLineOfAuditJSONL() throws {
        let html = try page()
        let lines = try auditLines()
        let links = Set(Self.matches(##"href="#e(\d+)""##, in: html).compactMap(Int.init))
        let rows = Self.matches(#"<tr id="e(\d+)"><td class="num">\d+</td><td>([A-Z]\d{4})"#, in: html, groups: 2)
        XCTAssertFalse(links.isEmpty)
        XCTAssertEqual(Set(rows.map { Int($0[0])! }), links, "each linked event is listed once, and only those")
        for row in rows {
            let seq = Int(row[0])!
            XCTAssertEqual(lines[seq - 1]["code"] as? String, row[1], "line \(seq)")
        }
        // Every one-by-one decision of interest is reachable: each unmapped value, rejection, validation and link event.
        for (index, line) in lines.enumerated() {
            let code = line["code"] as? String ?? ""
            if ["T3001", "E1001", "E1002", "T3005", "T3009", "L4002", "L4004"].contains(code) || code.hasPrefix("V7") {
                XCTAssertTrue(links.contains(index + 1), "\(code) at line \(index + 1) is linked")
            }
        }
    }

    func testInputFilesCarryTheManifestsSizesAndHashes() throws {
        let html = try page()
        let manifest = try XCTUnwrap(
            JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: try SampleBuild.file("manifest.json")))) as? [String: Any])
        let inputs = try XCTUnwrap(manifest["inputs"] as? [[String: Any]])
        XCTAssertGreaterThan(inputs.count, 8)
        for input in inputs {
            let path = try XCTUnwrap(input["path"] as? String)
            let sha = try XCTUnwrap(input["sha256"] as? String)
            let bytes = try XCTUnwrap(input["bytes"] as? Int)
            XCTAssertTrue(
                html.contains(
                    "<code>\(path)</code></td><td class=\"num\">\(bytes)</td><td><code class=\"hash\">\(sha)</code>"),
                path)
        }
        for centre in ["fr-lyon", "us-lakeside", "be-gent", "kr-seoul", "de-ulm-trial", "ca-toronto"] {
            XCTAssertTrue(html.contains("<section id=\"centre-\(centre)\">"), centre)
        }
        // fr-lyon: the planted ragged row and the orphan are its two rejected records.
        let lyon = try XCTUnwrap(html.range(of: "<section id=\"centre-fr-lyon\">"))
        let section = html[lyon.lowerBound...].prefix(4000)
        XCTAssertTrue(section.contains("<b>2</b> rejected"), String(section))
        XCTAssertTrue(
            section.contains("<td>T3001 ValueUnmapped</td><td>SEXE</td><td>patients.sex</td><td>I</td>"),
            String(section))
    }

    func testTheAuditPageOpensInHeadlessChromiumWithoutErrors() throws {
        let python = try TestSupport.python()
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium") else {
            if ProcessInfo.processInfo.environment["REGPOOL_REQUIRE_INTEROP"] == "1" {
                return XCTFail("Debian's chromium is not installed; `make test` installs it")
            }
            throw XCTSkip("chromium is not installed; `make test` installs it")
        }
        let r = try TestSupport.run(
            python, [TestSupport.root + "/Tests/interop/chromium_check.py", try SampleBuild.file("audit.html")])
        XCTAssertEqual(r.status, 0, "Chromium reported errors: \(r.out) \(r.err)")
    }

    /// The capture groups of every match of `pattern`.
    static func matches(_ pattern: String, in text: String, groups: Int = 1) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { m in
            (1...groups).map { ns.substring(with: m.range(at: $0)) }
        }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        matches(pattern, in: text, groups: 1).map { $0[0] }
    }
}
