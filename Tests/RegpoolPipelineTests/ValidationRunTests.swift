import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// A run reads the pipeline's `validation:` and the mapping's `derive:` and applies them.
final class ValidationRunTests: XCTestCase {
    func testPipelineActionsAndMappingDerivationsReachTheBuild() throws {
        let dir = try TestSupport.tempDir("validation-run")
        try FileManager.default.createDirectory(atPath: dir + "/inbox", withIntermediateDirectories: true)
        try """
        id;cure;debut;fin;echec;ligne;type;ligne_debut
        A1;1;2011-01-10;2010-12-01;2012-03-01;1;allo;2013-04-02
        A2;1;2011-02-10;2011-08-01;2011-01-01;;;

        """.write(toFile: dir + "/inbox/cures.csv", atomically: true, encoding: .utf8)
        try """
        version: 1
        sources:
          - name: courses
            files: ["*.csv"]
            format: csv
            csv: { delimiter: ";" }
            patient_key: id
            tables:
              len_courses:
                course_number: { field: cure }
                start_date: { field: debut }
                end_date: { field: fin }
                failure_date: { field: echec }
              treatment_lines:
                line_number: { field: ligne }
                category: { field: type, map: { allo: allo_sct } }
                start_date: { field: ligne_debut }
        derive: [transplants_from_treatment_lines, directly_after_len]
        """.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        let path = try TestSupport.writePipeline(in: dir, centre: "fr-x", inbox: "inbox", mapping: "m.yaml")
        try (String(contentsOfFile: path, encoding: .utf8) + "validation:\n  V7010: keep\n  V7005: drop_row\n")
            .write(toFile: path, atomically: true, encoding: .utf8)

        let summary = try PipelineRunner(pipelinePath: path).checkedRun()
        let audit = try String(contentsOfFile: summary.buildPath + "/audit.jsonl", encoding: .utf8)
        let lines = audit.split(separator: "\n").map(String.init)
        let v7010 = try XCTUnwrap(lines.first { $0.contains("\"V7010\"") })
        XCTAssertTrue(
            v7010.contains("\"rule\":\"V7010 keep (p.yaml:13)\""), "pipeline file relative to its folder: " + v7010)
        XCTAssertTrue(v7010.contains("\"stage\":\"validate\""), v7010)
        XCTAssertTrue(v7010.contains("\"locator\":\"line 2\""), v7010)
        XCTAssertTrue(v7010.contains("\"target_value\":\"2010-12-01\""), v7010)
        let v7005 = try XCTUnwrap(lines.first { $0.contains("\"V7005\"") })
        XCTAssertTrue(v7005.contains("\"locator\":\"line 3\""), v7005)
        XCTAssertEqual(lines.filter { $0.contains("\"T3020\"") }.count, 1)
        XCTAssertEqual(lines.filter { $0.contains("\"T3021\"") }.count, 1)

        let courses = try XCTUnwrap(summary.tables.first { $0.schema.name == "len_courses" })
        XCTAssertEqual(courses.rows.count, 1, "A2's course fails before it starts and the pipeline drops such rows")
        XCTAssertEqual(
            courses.rows[0][CDM.lenCourses.index(of: "end_date")!],
            .date(CivilDate(year: 2010, month: 12, day: 1)!.days))
        let transplants = try XCTUnwrap(summary.tables.first { $0.schema.name == "transplants" })
        XCTAssertEqual(
            transplants.rows.map { [$0[1], $0[4]] },
            [[.date(CivilDate(year: 2013, month: 4, day: 2)!.days), .bool(true)]])
    }
}
