import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// A REDCap source in a pipeline run: the data dictionary is read, never reported as ignored.
final class REDCapInboxTests: XCTestCase {
    private func build(dictionaries: [String]) throws -> (summary: RunSummary, audit: String, manifest: String) {
        let dir = try TestSupport.tempDir("redcap")
        try FileManager.default.createDirectory(atPath: dir + "/inbox", withIntermediateDirectories: true)
        try
            "record_id,redcap_repeat_instrument,redcap_repeat_instance,sex\nTOR-001,,,2\nTOR-002,,,1\nTOR-002,adverse_events,1,\n"
            .write(toFile: dir + "/inbox/P_DATA_2026-11-21_1200.csv", atomically: true, encoding: .utf8)
        for name in dictionaries {
            try "Variable / Field Name,Form Name,Field Type,Field Label,\"Choices, Calculations, OR Slider Labels\"\n"
                .appending("record_id,demographics,text,ID,\nsex,demographics,radio,Sex,\"1, Male | 2, Female\"\n")
                .write(toFile: dir + "/inbox/" + name, atomically: true, encoding: .utf8)
        }
        try """
        version: 1
        sources:
          - name: records
            files: ["P_*.csv"]
            format: redcap
            redcap: { dictionary: "P_DataDictionary_*.csv" }
            patient_key: record_id
            tables:
              patients:
                sex: { field: "sex#label", map: { Male: male, Female: female } }
        """.write(toFile: dir + "/m.yaml", atomically: true, encoding: .utf8)
        try TestSupport.writePipeline(
            in: dir, centre: "ca-x", region: "north_america", cohortSource: "compassionate_use",
            inbox: "inbox", mapping: "m.yaml")
        let summary = try PipelineRunner(pipelinePath: dir + "/p.yaml").checkedRun()
        let audit = try String(contentsOfFile: summary.buildPath + "/audit.jsonl", encoding: .utf8)
        let manifest = try String(contentsOfFile: summary.buildPath + "/manifest.json", encoding: .utf8)
        return (summary, audit, manifest)
    }

    func testDictionaryIsReadNotIgnoredAndInTheManifest() throws {
        let run = try build(dictionaries: ["P_DataDictionary_2026-11-21.csv"])
        XCTAssertEqual(
            run.summary.tables[0].column(CDM.Patients.sex).compactMap(\.stringValue).sorted(), ["female", "male"])
        XCTAssertFalse(run.audit.contains("\"P0002\"") || run.audit.contains("FileIgnored"), run.audit)
        XCTAssertFalse(run.audit.contains("FileRejected"), run.audit)
        XCTAssertTrue(run.audit.contains("gave 2 record(s) for source records"), run.audit)
        XCTAssertTrue(run.manifest.contains("inbox/P_DataDictionary_2026-11-21.csv"), run.manifest)
    }

    func testNoOrTwoDictionariesRejectTheFileNamingTheGlob() throws {
        for names in [[], ["P_DataDictionary_2026-11-20.csv", "P_DataDictionary_2026-11-21.csv"]] {
            let run = try build(dictionaries: names)
            let line = try XCTUnwrap(run.audit.split(separator: "\n").first { $0.contains("FileRejected") }, run.audit)
            XCTAssertTrue(line.contains("P_DataDictionary_*.csv"), String(line))
            XCTAssertTrue(line.contains("\"file\":\"P_DATA_2026-11-21_1200.csv\""), String(line))
            XCTAssertEqual(run.summary.tables[0].rows.count, 0)
        }
    }
}

/// `regpool inspect --mapping` on the ca-toronto REDCap sample: the dictionary beside the export decodes it.
final class REDCapInspectTests: XCTestCase {
    func testInspectReadsTheRepeatingInstrumentWithLabels() throws {
        var options = InspectionOptions(file: TestSupport.root + "/samples/ca-toronto/MDSLEN_DATA_2026-11-21_1200.csv")
        options.mapping = TestSupport.root + "/mappings/ca-toronto.yaml"
        options.source = "treatment_lines"
        var lines: [String] = []
        try Inspector(options).run { lines.append($0) }
        XCTAssertEqual(lines.count, 39, "38 treatment_lines rows and the summary")
        XCTAssertTrue(lines[0].contains("\"tl_agent#label\":\"Cytarabine, low dose\""), lines[0])
        XCTAssertEqual(lines.last, "{\"summary\":{\"records\":38,\"rejected\":0,\"unmapped\":[]}}")
    }
}
