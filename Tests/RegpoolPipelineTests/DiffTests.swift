import Foundation
import RegpoolPipeline
import XCTest

/// `regpool diff`: the sample build against a night with three planted changes — one patient's
/// follow-up moved on, one patient added, one code newly unmapped — reports exactly those.
final class DiffTests: XCTestCase {
    static let lyon = "samples/fr-lyon/patients_2026-11-21.csv"

    /// Edits fr-lyon's patients export (Latin-1, `;`, CRLF) line by line.
    private func editLyon(_ copy: SampleCopy, _ edit: (inout [String]) -> Void) throws {
        let path = copy.root + "/" + Self.lyon
        let text = try XCTUnwrap(String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .isoLatin1))
        var lines = text.components(separatedBy: "\r\n")
        edit(&lines)
        try XCTUnwrap(lines.joined(separator: "\r\n").data(using: .isoLatin1)).write(to: URL(fileURLWithPath: path))
    }

    private static func field(_ line: String, _ index: Int, _ value: String) -> String {
        var fields = line.components(separatedBy: ";")
        fields[index] = value
        return fields.joined(separator: ";")
    }

    func testThreePlantedChangesAreExactlyWhatTheDiffReports() throws {
        let copy = try SampleCopy("diff")
        let out = try TestSupport.tempDir("diff-out")
        let first = try copy.build(.configured, out: out + "/a")
        let ids = try PooledIDs.byMember(first)
        try editLyon(copy) { lines in
            func at(_ id: String) -> Int { lines.firstIndex { $0.hasPrefix(id + ";") }! }
            lines[at("LY0008")] = Self.field(lines[at("LY0008")], 32, "20/11/2026")  // last contact: follow-up moved on
            lines[at("LY0012")] = Self.field(lines[at("LY0012")], 1, "X")  // a sex code the map does not know
            var added = Self.field(lines[at("LY0006")], 0, "LY0099")  // a new patient
            added = Self.field(added, 2, "1944")
            lines.insert(added, at: lines.count - 1)
        }
        let second = try copy.build(.configured, out: out + "/b")
        let idsAfter = try PooledIDs.byMember(second)
        let (x, z) = (try XCTUnwrap(ids["fr-lyon:LY0008"]), try XCTUnwrap(ids["fr-lyon:LY0012"]))
        let y = try XCTUnwrap(idsAfter["fr-lyon:LY0099"])

        let r = try TestSupport.run(try CLITests.binary(), ["diff", first.buildPath, second.buildPath, "--json"])
        XCTAssertEqual(r.status, 0, r.err)
        let diff = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let patients = try XCTUnwrap(diff["patients"] as? [String: Any])
        XCTAssertEqual(patients["added"] as? [String], [y])
        XCTAssertEqual(patients["removed"] as? [String], [])
        let changed = try XCTUnwrap(patients["changed"] as? [[String: Any]])
        var changes: [String: Set<String>] = [:]
        for c in changed { changes[c["pooled_id"] as! String] = Set(c["changes"] as! [String]) }
        XCTAssertEqual(Set(changes.keys), [x, z], "only the two edited patients changed: \(changed)")
        // Follow-up: the last contact and what the cohort derives from it (time on study), nothing else.
        XCTAssertEqual(
            changes[x], ["outcomes.last_contact_date", "analysis_cohort.os_months", "analysis_cohort.aml_months"])
        // The unmapped code: sex became null, in patients and in analysis_cohort.
        XCTAssertEqual(changes[z], ["patients.sex", "analysis_cohort.sex"])

        let unmapped = try XCTUnwrap(diff["unmapped_new"] as? [[String: Any]])
        XCTAssertEqual(unmapped.count, 1, "\(unmapped)")
        XCTAssertEqual(unmapped.first?["source_value"] as? String, "X")
        XCTAssertEqual(unmapped.first?["target"] as? String, "patients.sex")
        XCTAssertEqual(unmapped.first?["centre"] as? String, "fr-lyon")

        // Source records: the two edited records are one vanished and one new each; the new patient one new.
        let records = try XCTUnwrap(diff["source_records"] as? [[String: Any]])
        XCTAssertEqual(records.map { $0["centre"] as? String }, ["fr-lyon"])
        XCTAssertEqual((records.first?["new"] as? [Any])?.count, 3)
        XCTAssertEqual((records.first?["vanished"] as? [Any])?.count, 2)

        let text = try TestSupport.run(try CLITests.binary(), ["diff", first.buildPath, second.buildPath])
        XCTAssertTrue(text.out.contains("Patients: 1 added, 0 removed, 2 changed"), text.out)
        XCTAssertTrue(text.out.contains("fr-lyon  SEXE → patients.sex  \"X\"  1×"), text.out)
    }

    func testABuildComparedWithItselfHasNoChange() throws {
        let summary = try SampleBuild.shared()
        let r = try TestSupport.run(try CLITests.binary(), ["diff", summary.buildPath, summary.buildPath])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.out.contains("no change"), r.out)
    }
}
