import Foundation
import XCTest

/// `regpool check` as a data manager runs it before the nightly build: every config problem at once,
/// then the to-do list of unmapped values and rejected records over the current inboxes.
final class CheckTests: XCTestCase {
    private static let sample = "pipelines/sample-nightly.yaml"

    /// Runs `regpool check ARGS` in the package root.
    private func check(
        _ args: [String], environment: [String: String]? = nil
    ) throws -> (status: Int32, out: String, err: String) {
        try TestSupport.run(try CLITests.binary(), ["check"] + args, environment: environment, cwd: TestSupport.root)
    }

    /// The folder's listing, or nil when it does not exist.
    private func listing(_ path: String) -> [String]? {
        (try? FileManager.default.contentsOfDirectory(atPath: path))?.sorted()
    }

    func testSamplePipelineListsThePlantedProblemsAndWritesNothing() throws {
        let before = listing(TestSupport.root + "/builds")
        let r = try check([Self.sample])
        XCTAssertEqual(r.status, 4, r.err)
        XCTAssertEqual(listing(TestSupport.root + "/builds"), before, "check writes no build")
        let lines = r.out.split(separator: "\n").map(String.init)
        let unmapped = lines.filter { $0.contains(" → ") }
        XCTAssertEqual(unmapped.count, 2, r.out)
        XCTAssertTrue(
            unmapped.contains("fr-lyon  SEXE → patients.sex  \"I\"  ×1  first at patients_2026-11-21.csv line 22"),
            r.out)
        XCTAssertTrue(
            unmapped.contains {
                $0.hasPrefix("us-lakeside  ")
                    && $0.contains(
                        "response → treatment_lines.best_response  \"CRi\"  ×1  first at export_2026-11-21.xml /registry[1]/patient[13]/treatments[1]/line[2]"
                    )
            }, r.out)
        let rejected = lines.filter {
            $0.range(of: #"^\S+  (E1001|E1002|T3005|T3009) "#, options: .regularExpression) != nil
        }
        // The record without a key is rejected by each of the three sources that read it.
        XCTAssertEqual(rejected.count, 6, r.out)
        XCTAssertTrue(
            rejected.contains { $0.hasPrefix("fr-lyon  E1002 RecordRejected  patients_2026-11-21.csv line 18") }, r.out)
        XCTAssertTrue(
            rejected.contains {
                $0.hasPrefix("fr-lyon  T3009 RecordOrphaned  traitements_2026-11-21.csv line 33")
                    && $0.contains("LY0240")
            }, r.out)
        XCTAssertTrue(
            rejected.contains {
                $0.hasPrefix("us-lakeside  E1001 FileRejected  export_2026-11-21_supplement.xml line 68, column 13")
            }, r.out)
        XCTAssertEqual(
            rejected.filter {
                $0.hasPrefix("us-lakeside  T3005 RecordRejected  export_2026-11-21.xml /registry[1]/patient[14]")
            }.count, 3, r.out)
        // The planted implausible Hb (79 sent as g/dL) is listed as a dropped value.
        XCTAssertTrue(
            lines.contains {
                $0.hasPrefix("be-gent  T3012 ValueOutOfRange  patienten_2026-11-20.csv line 13  patients.hb_g_dl: 79.0")
            }, r.out)
        for clean in ["kr-seoul", "de-ulm-trial", "ca-toronto"] {
            XCTAssertTrue(lines.contains("\(clean)  ok"), "\(clean): \(r.out)")
        }
        XCTAssertTrue(
            lines.last?.hasPrefix("check: 2 unmapped value(s), 6 rejected record(s) or file(s) and 1 dropped") == true,
            r.out)
    }

    func testJSONHasTheSameContent() throws {
        let text = try check([Self.sample])
        let r = try check([Self.sample, "--json"])
        XCTAssertEqual(r.status, 4, r.err)
        XCTAssertEqual(r.out.split(separator: "\n").count, 1, "one JSON object")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["ok"] as? Bool, false)
        XCTAssertEqual(object["unmapped_values"] as? Int, 2)
        XCTAssertEqual(object["rejections"] as? Int, 6)
        XCTAssertEqual(object["dropped"] as? Int, 1)
        let centres = try XCTUnwrap(object["centres"] as? [[String: Any]])
        XCTAssertEqual(
            centres.map { $0["centre"] as? String },
            ["fr-lyon", "us-lakeside", "be-gent", "kr-seoul", "de-ulm-trial", "ca-toronto"])
        // Every finding of the JSON is a line of the text, and the other way round.
        var rebuilt: [String] = []
        for centre in centres {
            let id = try XCTUnwrap(centre["centre"] as? String)
            for u in try XCTUnwrap(centre["unmapped"] as? [[String: Any]]) {
                rebuilt.append(
                    "\(id)  \(u["field"]!) → \(u["target"]!)  \"\(u["value"]!)\"  ×\(u["count"]!)  first at \(u["first_file"]!) \(u["first_locator"]!)"
                )
            }
            for e in try XCTUnwrap(centre["rejected"] as? [[String: Any]])
                + XCTUnwrap(centre["dropped"] as? [[String: Any]])
            {
                let place = [e["file"] as? String, e["locator"] as? String].compactMap { $0 }.joined(separator: " ")
                rebuilt.append("\(id)  \(e["code"]!) \(e["event"]!)  \(place)  \(e["message"]!)")
            }
        }
        let findings = text.out.split(separator: "\n").map(String.init)
            .filter { $0.contains(" → ") || $0.range(of: #"^\S+  [ET]\d{4} "#, options: .regularExpression) != nil }
        XCTAssertEqual(rebuilt, findings)
        let fr = try XCTUnwrap(centres.first)
        let sex = try XCTUnwrap((fr["unmapped"] as? [[String: Any]])?.first)
        XCTAssertEqual(sex["field"] as? String, "SEXE")
        XCTAssertEqual(sex["value"] as? String, "I")
        XCTAssertEqual(sex["first_locator"] as? String, "line 22")
    }

    func testFivePlantedMappingMistakesAreAllReportedWithLineAndColumn() throws {
        let dir = try TestSupport.tempDir("check-mapping")
        var text = try String(contentsOfFile: TestSupport.root + "/mappings/fr-lyon.yaml", encoding: .utf8)
        let plants = [
            ("centre: fr-lyon\n", "centre: fr-lyon\ncolour: blue\n", "colour: blue"),
            (
                "        birth_year:     { field: ANNEE_NAISSANCE }",
                "        birth_yr:       { field: ANNEE_NAISSANCE }", "birth_yr:"
            ),
            ("{ field: SEXE, map: { M: male, F: female } }", "{ field: SEXE, map: { M: male, F: femme } }", "F: femme"),
            ("{ field: DATE_DIAG, date: dd/MM/yyyy }", "{ field: DATE_DIAG, date: dd.MMM.yy }", "date: dd.MMM.yy"),
            (
                "bm_blasts_pct:   { field: BLASTES_MO_PCT, decimal",
                "bm_blasts_pct:   { field: BLASTES_MO_PCT, value: 3, decimal", "value: 3"
            ),
        ]
        for (old, new, _) in plants {
            XCTAssertEqual(text.components(separatedBy: old).count, 2, "planted once: \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try text.write(toFile: dir + "/fr-lyon.yaml", atomically: true, encoding: .utf8)
        try pipeline(in: dir, centre: "fr-lyon", mapping: dir + "/fr-lyon.yaml")
        let r = try check([dir + "/p.yaml"])
        XCTAssertEqual(r.status, 65, r.err)
        XCTAssertEqual(r.out, "", "nothing else is checked")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (_, _, marker) in plants {
            let line = try XCTUnwrap(lines.firstIndex { $0.contains(marker) }) + 1
            let pattern = NSRegularExpression.escapedPattern(for: dir + "/fr-lyon.yaml:\(line):") + #"\d+"#
            XCTAssertNotNil(
                r.err.range(of: pattern, options: .regularExpression), "\(marker) at line \(line): \(r.err)")
        }
        XCTAssertTrue(r.err.contains("5 problem(s)"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out"))

        let json = try check([dir + "/p.yaml", "--json"])
        XCTAssertEqual(json.status, 65)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["error"] as? String, "config")
        XCTAssertEqual(
            (object["problems"] as? [String])?.filter { $0.hasPrefix(dir + "/fr-lyon.yaml:") }.count, 5, json.out)
    }

    func testCleanCentreExitsZeroWithoutTheKey() throws {
        let dir = try TestSupport.tempDir("check-clean")
        try pipeline(
            in: dir, centre: "kr-seoul", mapping: TestSupport.root + "/mappings/kr-seoul.yaml",
            key: "env: REGPOOL_CHECK_TEST_KEY_THAT_IS_NOT_SET")
        var env = ProcessInfo.processInfo.environment
        env["REGPOOL_CHECK_TEST_KEY_THAT_IS_NOT_SET"] = nil
        let r = try check([dir + "/p.yaml"], environment: env)
        XCTAssertEqual(r.status, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("kr-seoul  ok"), r.out)
        XCTAssertTrue(r.out.hasSuffix("check: no problems in 1 centre(s); ready for a run.\n"), r.out)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out"), "check writes no build")
        let json = try check([dir + "/p.yaml", "--json"], environment: env)
        XCTAssertEqual(json.status, 0, json.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        XCTAssertEqual(object["ok"] as? Bool, true)
        // The same pipeline cannot be run without its key.
        let run = try TestSupport.run(try CLITests.binary(), ["run", dir + "/p.yaml"], environment: env)
        XCTAssertEqual(run.status, 66, run.err)
        XCTAssertTrue(run.err.contains("REGPOOL_CHECK_TEST_KEY_THAT_IS_NOT_SET"), run.err)
    }

    /// A one-centre pipeline in `dir` over the centre's sample inbox.
    private func pipeline(in dir: String, centre: String, mapping: String, key: String = TestSupport.testKey) throws {
        let (region, source) = centre == "kr-seoul" ? ("asia", "compassionate_use") : ("europe", "registry")
        try TestSupport.writePipeline(
            in: dir, centre: centre, region: region, cohortSource: source,
            inbox: "\(TestSupport.root)/samples/\(centre)", mapping: mapping, key: key)
    }
}
