import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// Bytes the declared encoding cannot decode are replaced and audited, never dropped silently.
final class EncodingAuditTests: XCTestCase {
    func testUndefinedWindows1252BytesAreCountedInTheAudit() throws {
        let dir = try TestSupport.tempDir("cp1252")
        try FileManager.default.createDirectory(atPath: dir + "/inbox", withIntermediateDirectories: true)
        var csv = Array("id;sexe;caryotype\r\nA1;M;46,XY,del(5)(q13q33)\r\nA2;F;46,XX \u{2013} ".utf8)
        csv = Array(String(decoding: csv, as: UTF8.self).replacingOccurrences(of: "\u{2013}", with: "~").utf8)
        csv[csv.count - 2] = 0x96  // en dash in cp1252
        csv.append(contentsOf: [0x81, 0x0D, 0x0A])  // undefined in cp1252
        try Data(csv).write(to: URL(fileURLWithPath: dir + "/inbox/p.csv"))
        try """
        version: 1
        sources:
          - name: patients
            files: ["*.csv"]
            format: csv
            csv: { delimiter: ";", encoding: windows-1252 }
            patient_key: id
            tables:
              patients:
                sex: { field: sexe, map: { M: male, F: female } }
                karyotype_iscn: { field: caryotype }
        """.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        try TestSupport.writePipeline(
            in: dir, centre: "be-x", region: "europe", cohortSource: "registry",
            inbox: "inbox", mapping: "m.yaml")
        let summary = try PipelineRunner(pipelinePath: dir + "/p.yaml").checkedRun()
        let audit = try String(contentsOfFile: summary.buildPath + "/audit.jsonl", encoding: .utf8)
        let line = try XCTUnwrap(audit.split(separator: "\n").first { $0.contains("\"E1004\"") })
        XCTAssertTrue(line.contains("\"locator\":\"line 3\""), String(line))
        XCTAssertTrue(line.contains("\"count\":1"), String(line))
        let iscn = summary.tables[0].column(CDM.Patients.karyotypeISCN).compactMap(\.stringValue).sorted()
        XCTAssertEqual(iscn, ["46,XX \u{2013} \u{FFFD}", "46,XY,del(5)(q13q33)"])
    }
}
