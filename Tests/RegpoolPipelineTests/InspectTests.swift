import Foundation
import XCTest

/// `regpool inspect` as a data manager uses it: one export in, JSON Lines out.
final class InspectTests: XCTestCase {
    private static let frPatients = "samples/fr-lyon/patients_2026-11-21.csv"
    private static let usExport = "samples/us-lakeside/export_2026-11-21.xml"

    /// Runs `regpool inspect ARGS` in the package root; stdout parsed as one JSON object per line.
    private func inspect(_ args: [String]) throws -> (status: Int32, lines: [[String: Any]], out: String, err: String) {
        let r = try TestSupport.run(try CLITests.binary(), ["inspect"] + args, cwd: TestSupport.root)
        let lines = try r.out.split(separator: "\n").map { line -> [String: Any] in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try XCTUnwrap(object as? [String: Any], "not a JSON object: \(line)")
        }
        return (r.status, lines, r.out, r.err)
    }

    /// The corpus `Tests/Fixtures/corpora/<sub>`, or nil when missing.
    private func shared(_ sub: String) -> String? {
        let path = TestSupport.root + "/Tests/Fixtures/corpora/" + sub
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    func testCSVSpectrumFieldsEqualTheirJSON() throws {
        guard let corpus = shared("csv-spectrum") else {
            throw XCTSkip("Tests/Fixtures/corpora/csv-spectrum is absent; skipping the csv-spectrum corpus")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus + "/csvs")
            .filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 11)
        for name in names {
            let stem = String(name.dropLast(4))
            let expected = try XCTUnwrap(
                JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: "\(corpus)/json/\(stem).json"))) as? [[String: String]],
                stem)
            let r = try inspect(["\(corpus)/csvs/\(name)"])
            XCTAssertEqual(r.status, 0, "\(stem): \(r.err)")
            XCTAssertEqual(r.lines.compactMap { $0["rejected"] as? String }, [], stem)
            XCTAssertEqual(r.lines.compactMap { $0["fields"] as? [String: String] }, expected, stem)
            XCTAssertTrue(r.lines.allSatisfy { ($0["sha256"] as? String)?.count == 64 }, stem)
        }
    }

    func testPlainCSVKeepsHeaderOrderAndHonoursSkipAndLimit() throws {
        let r = try inspect([Self.frPatients, "--delimiter", ";", "--skip", "15", "--limit", "3"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.lines.map { $0["locator"] as? String }, ["line 17", "line 18", "line 19"])
        XCTAssertNotNil(r.lines[1]["rejected"], "line 18 is the planted ragged row")
        XCTAssertTrue(
            r.out.hasPrefix(
                #"{"file":"samples/fr-lyon/patients_2026-11-21.csv","locator":"line 17","line":17,"sha256":""#), r.out)
        XCTAssertTrue(
            r.out.contains(#""fields":{"NUM_PATIENT":"LY0016","SEXE":"F","ANNEE_NAISSANCE":"1931","DATE_DIAG""#), r.out)
    }

    func testSniffProposesTheDialectOfEachSampleCSV() throws {
        let cases: [(String, String, String, String)] = [
            ("samples/be-gent/patienten_2026-11-20.csv", "windows-1252", ";", "crlf"),
            ("samples/fr-lyon/traitements_2026-11-21.csv", "latin-1", ";", "crlf"),
            ("samples/kr-seoul/seoul_mds_20261120.csv", "utf-8", ",", "lf"),
        ]
        for (file, encoding, delimiter, lineEnd) in cases {
            let r = try inspect([TestSupport.root + "/" + file, "--sniff"])
            XCTAssertEqual(r.status, 0, r.err)
            let proposal = try XCTUnwrap(r.lines.first?["proposal"] as? [String: [String: Any]], r.out)
            XCTAssertEqual(proposal["encoding"]?["value"] as? String, encoding, file)
            XCTAssertEqual(proposal["delimiter"]?["value"] as? String, delimiter, file)
            XCTAssertEqual(proposal["line_end"]?["value"] as? String, lineEnd, file)
            XCTAssertFalse((proposal["encoding"]?["reason"] as? String ?? "").isEmpty, file)
            XCTAssertTrue((r.lines.first?["mapping"] as? String ?? "").contains("encoding: \(encoding)"), file)
        }
    }

    func testWrongDelimiterGetsAHint() throws {
        let r = try inspect([Self.frPatients, "--limit", "2"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.lines.compactMap { $0["rejected"] as? String }.count, 2)
        XCTAssertTrue(r.err.contains("--delimiter ';'"), r.err)
    }

    func testFrLyonThroughItsMappingListsThePlantedUnmappedValue() throws {
        let r = try inspect([Self.frPatients, "--mapping", "mappings/fr-lyon.yaml"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.lines.count, 25, "24 records and the summary")
        let ragged = try XCTUnwrap(r.lines.first { $0["locator"] as? String == "line 18" })
        XCTAssertTrue((ragged["rejected"] as? String ?? "").contains("fields where the header has 33"), "\(ragged)")
        let summary = try XCTUnwrap(r.lines.last?["summary"] as? [String: Any])
        XCTAssertEqual(summary["records"] as? Int, 24)
        XCTAssertEqual(summary["rejected"] as? Int, 1)
        let unmapped = try XCTUnwrap(summary["unmapped"] as? [[String: Any]])
        XCTAssertEqual(unmapped.count, 1, "\(unmapped)")
        XCTAssertEqual(unmapped.first?["field"] as? String, "SEXE")
        XCTAssertEqual(unmapped.first?["target"] as? String, "patients.sex")
        XCTAssertEqual(unmapped.first?["value"] as? String, "I")
        XCTAssertEqual(unmapped.first?["count"] as? Int, 1)
        XCTAssertEqual(unmapped.first?["first"] as? String, "line 22")

        let first = r.lines[0]
        XCTAssertEqual(first["patient_key"] as? String, "LY0001")
        let cdm = try XCTUnwrap(first["cdm"] as? [String: [[String: [String: Any]]]])
        let sex = try XCTUnwrap(cdm["patients"]?.first?["sex"])
        XCTAssertEqual(sex["value"] as? String, "female")
        XCTAssertEqual(sex["source"] as? String, "F")
        XCTAssertEqual(sex["field"] as? String, "SEXE")
        XCTAssertEqual(sex["rule"] as? String, "mappings/fr-lyon.yaml:29")
        XCTAssertEqual(try XCTUnwrap(cdm["patients"]?.first?["hb_g_dl"]?["value"] as? Double), 9.7, accuracy: 1e-9)
        XCTAssertEqual(cdm["len_courses"]?.first?["course_number"]?["value"] as? Int, 1)
        XCTAssertEqual(cdm["lab_results"]?.count, 4)
        XCTAssertEqual(cdm["lab_results"]?.first?["unit"]?["derived"] as? Bool, true)
        XCTAssertEqual((first["issues"] as? [Any])?.count, 0)

        let planted = try XCTUnwrap(r.lines.first { $0["locator"] as? String == "line 22" })
        let issues = try XCTUnwrap(planted["issues"] as? [[String: Any]])
        XCTAssertEqual(issues.map { $0["code"] as? String }, ["T3001"])
        XCTAssertEqual(issues.first?["source_value"] as? String, "I")
        let plantedSex = (planted["cdm"] as? [String: [[String: [String: Any]]]])?["patients"]?.first?["sex"]
        XCTAssertTrue(plantedSex?["value"] is NSNull, "\(String(describing: plantedSex))")
        XCTAssertEqual(plantedSex?["source"] as? String, "I")
    }

    func testMappedFieldsEqualPlainFields() throws {
        let plain = try inspect([Self.frPatients, "--delimiter", ";", "--encoding", "latin-1", "--limit", "5"])
        let mapped = try inspect([Self.frPatients, "--mapping", "mappings/fr-lyon.yaml", "--limit", "5"])
        XCTAssertEqual(plain.status, 0, plain.err)
        XCTAssertEqual(mapped.status, 0, mapped.err)
        XCTAssertEqual(
            plain.lines.map { $0["fields"] as? [String: String] },
            mapped.lines.dropLast().map { $0["fields"] as? [String: String] })
        XCTAssertEqual(
            plain.lines.map { $0["sha256"] as? String }, mapped.lines.dropLast().map { $0["sha256"] as? String })
    }

    func testXMLRecordsShowEveryAttributeAndLeaf() throws {
        let r = try inspect([Self.usExport, "--record", "/registry/patient"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.lines.count, 22)
        let fields = r.lines.map { $0["fields"] as? [String: String] ?? [:] }
        XCTAssertEqual(fields.filter { $0["@id"] != nil }.count, 21)
        XCTAssertNil(fields[13]["@id"], "the 14th patient has no id")
        XCTAssertEqual(r.lines[13]["locator"] as? String, "/registry[1]/patient[14]")
        XCTAssertEqual(fields[0]["@id"], "LS-001")
        XCTAssertEqual(fields[0]["cytogenetics/@category"], "isolated del(5q)")
        XCTAssertEqual(fields[0]["lenalidomide/course/failure/@type"], "relapse")
        XCTAssertNil(fields[0]["birth"], "an empty element with attributes gives only its attributes")
        XCTAssertTrue(
            r.out.hasPrefix(
                #"{"file":"samples/us-lakeside/export_2026-11-21.xml","locator":"/registry[1]/patient[1]","line":3,"#),
            r.out)
        // LS-001 was diagnosed elsewhere: the trial knows the month only (mapped with `partial:`).
        XCTAssertTrue(
            r.out.contains(
                #""fields":{"@id":"LS-001","sex":"Female","birth/@year":"1948","diagnosis/@date":"2005-09","diagnosis/who_class":"5q- syndrome""#
            ), r.out)
    }

    func testXMLThroughTheCoursesSourceShowsLenCourses() throws {
        let r = try inspect([Self.usExport, "--mapping", "mappings/us-lakeside.yaml", "--source", "courses"])
        XCTAssertEqual(r.status, 0, r.err)
        let summary = try XCTUnwrap(r.lines.last?["summary"] as? [String: Any])
        XCTAssertEqual(summary["records"] as? Int, 22)
        XCTAssertEqual(summary["rejected"] as? Int, 1, "the course of the patient without id")
        let first = r.lines[0]
        XCTAssertEqual(first["patient_key"] as? String, "LS-001")
        XCTAssertEqual((first["fields"] as? [String: String])?["../../@id"], "LS-001")
        let course = try XCTUnwrap((first["cdm"] as? [String: [[String: [String: Any]]]])?["len_courses"]?.first)
        XCTAssertEqual(course["course_number"]?["value"] as? Int, 1)
        XCTAssertEqual(course["best_response"]?["value"] as? String, "cr")
        XCTAssertEqual(course["best_response"]?["source"] as? String, "CR")
        XCTAssertEqual(course["responded"]?["value"] as? Bool, true)
        XCTAssertEqual(course["failure_type"]?["value"] as? String, "loss_of_response")
        XCTAssertEqual(course["failure_type"]?["field"] as? String, "failure/@type")
        let orphan = try XCTUnwrap(r.lines.first { $0["patient_key"] is NSNull })
        XCTAssertEqual(orphan["line"] as? Int, 617)
        XCTAssertEqual((orphan["issues"] as? [[String: Any]])?.map { $0["code"] as? String }, ["T3005"])
    }

    func testODMThroughTheTreatmentLinesSourceShowsDecodedLines() throws {
        let r = try inspect([
            "samples/de-ulm-trial/ulm_mds07_odm_2026-11-21.xml", "--mapping", "mappings/de-ulm-trial.yaml",
            "--source", "treatment_lines",
        ])
        XCTAssertEqual(r.status, 0, r.err)
        let summary = try XCTUnwrap(r.lines.last?["summary"] as? [String: Any])
        XCTAssertEqual(summary["records"] as? Int, 22)
        XCTAssertEqual(summary["rejected"] as? Int, 0)
        XCTAssertEqual((summary["unmapped"] as? [Any])?.count, 0)
        let first = r.lines[0]
        XCTAssertEqual(first["patient_key"] as? String, "ULM-001")
        XCTAssertEqual(
            first["locator"] as? String,
            "/ODM[1]/ClinicalData[1]/SubjectData[1]/StudyEventData[3]/FormData[2]/ItemGroupData[1]")
        let fields = try XCTUnwrap(first["fields"] as? [String: String])
        XCTAssertEqual(fields["IT.TXWIRK"], "ARAC")
        XCTAssertEqual(fields["IT.TXWIRK#decode"], "Cytarabin")
        let line = try XCTUnwrap((first["cdm"] as? [String: [[String: [String: Any]]]])?["treatment_lines"]?.first)
        XCTAssertEqual(line["line_number"]?["value"] as? Int, 1)
        XCTAssertEqual(line["category"]?["value"] as? String, "chemotherapy_intensive")
        XCTAssertEqual(line["agent"]?["value"] as? String, "cytarabine")
        XCTAssertEqual(line["agent"]?["field"] as? String, "IT.TXWIRK#decode")
    }

    func testMissingFileExits66WithOneParagraph() throws {
        let r = try inspect(["samples/fr-lyon/no-such-export.csv"])
        XCTAssertEqual(r.status, 66, r.err)
        XCTAssertTrue(r.err.contains("samples/fr-lyon/no-such-export.csv"), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
        XCTAssertEqual(r.out, "")
    }

    func testFileMatchingNoSourceListsTheMappingsSources() throws {
        let r = try inspect([Self.frPatients, "--mapping", "mappings/us-lakeside.yaml"])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("patients_2026-11-21.csv matches no source"), r.err)
        XCTAssertTrue(r.err.contains("courses (files: export_*.xml)"), r.err)
        XCTAssertEqual(r.err.split(separator: "\n").count, 1, r.err)
    }

    func testSeveralMatchingSourcesAskForSource() throws {
        let r = try inspect([Self.usExport, "--mapping", "mappings/us-lakeside.yaml"])
        XCTAssertEqual(r.status, 64, r.err)
        XCTAssertTrue(r.err.contains("matches 4 sources"), r.err)
        XCTAssertTrue(r.err.contains("--source"), r.err)
    }

    func testXMLWithoutRecordPrintsTheStructureAndExitsNonZero() throws {
        let r = try inspect([Self.usExport])
        XCTAssertEqual(r.status, 64, r.err)
        let counts = Dictionary(
            uniqueKeysWithValues: r.lines.map { ($0["element"] as? String ?? "", $0["count"] as? Int ?? 0) })
        XCTAssertEqual(r.lines.first?["element"] as? String, "/registry/patient")
        XCTAssertEqual(counts["/registry/patient"], 22)
        XCTAssertEqual(counts["/registry/patient/treatments/line"], 28)
        XCTAssertNil(counts["/registry/patient/sex"], "one per patient: not a repeating path")
        XCTAssertTrue(r.err.contains("--record /registry/patient"), r.err)
    }

    func testBadArgumentsExit64() throws {
        XCTAssertEqual(try inspect([Self.frPatients, "--delimiter", ";;"]).status, 64)
        XCTAssertEqual(try inspect([Self.frPatients, "--encoding", "ebcdic"]).status, 64)
        XCTAssertEqual(try inspect(["mappings/fr-lyon.yaml"]).status, 64, "no format for .yaml")
        XCTAssertEqual(try inspect([Self.usExport, "--record", "registry/patient"]).status, 64, "relative record path")
        XCTAssertEqual(try inspect([Self.frPatients, "--record", "/registry/patient"]).status, 64, "--record on CSV")
        XCTAssertEqual(
            try inspect([Self.frPatients, "--mapping", "mappings/fr-lyon.yaml", "--delimiter", ";"]).status, 64)
        let invalid = try inspect([Self.frPatients, "--mapping", "samples/README.md"])
        XCTAssertEqual(invalid.status, 65, invalid.err)
    }
}
