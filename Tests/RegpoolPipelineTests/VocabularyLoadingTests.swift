import Foundation
import XCTest

/// Shared vocabularies are read with the mapping: problems of the files are reported with the
/// mapping's line and column, together, before anything is read; a good vocabulary is hashed into
/// the manifest.
final class VocabularyLoadingTests: XCTestCase {
    private func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    private func mapping(vocabularies: String) -> String {
        """
        version: 1
        vocabularies: { \(vocabularies) }
        sources:
          - name: lines
            files: ["t_*.csv"]
            format: csv
            patient_key: ID
            tables:
              len_courses:
                course_number: { value: "1" }
                start_date: { field: S }
                best_response: { field: R, vocabulary: iwg }

        """
    }

    func testMissingFileAndMisnamedVocabularyAreReportedAtTheDeclaration() throws {
        let dir = try TestSupport.tempDir("vocab-bad")
        try FileManager.default.createDirectory(atPath: dir + "/inbox", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/vocabularies", withIntermediateDirectories: true)
        try write("version: 1\nvocabulary: response\nlabels: { CR: cr }\n", dir + "/vocabularies/iwg.yaml")
        try write(mapping(vocabularies: "iwg: vocabularies/iwg.yaml, other: vocabularies/none.yaml"), dir + "/m.yaml")
        let pipeline = try TestSupport.writePipeline(in: dir, centre: "xx", inbox: "inbox", mapping: "m.yaml")
        let r = try TestSupport.run(try CLITests.binary(), ["check", pipeline])
        XCTAssertEqual(r.status, 65, r.out + r.err)
        XCTAssertTrue(r.err.contains("m.yaml:2:17: vocabulary 'iwg' names the file"), r.err)
        XCTAssertTrue(r.err.contains("which declares 'vocabulary: response'"), r.err)
        XCTAssertTrue(r.err.contains("m.yaml:2:45: vocabulary 'other': the file"), r.err)
    }

    func testAGoodVocabularyMapsAndIsInTheManifest() throws {
        let dir = try TestSupport.tempDir("vocab-good")
        try FileManager.default.createDirectory(atPath: dir + "/inbox", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/vocabularies", withIntermediateDirectories: true)
        try write(
            "version: 1\nvocabulary: iwg\nlabels: { CR: cr, \"complete remission\": cr }\n",
            dir + "/vocabularies/iwg.yaml")
        try write(mapping(vocabularies: "iwg: vocabularies/iwg.yaml"), dir + "/m.yaml")
        try write("ID,S,R\n1,2012-01-01,complete remission\n", dir + "/inbox/t_1.csv")
        let pipeline = try TestSupport.writePipeline(in: dir, centre: "xx", inbox: "inbox", mapping: "m.yaml")
        let r = try TestSupport.run(try CLITests.binary(), ["check", pipeline])
        XCTAssertEqual(r.status, 0, r.out + r.err)
        let run = try TestSupport.run(try CLITests.binary(), ["run", pipeline])
        XCTAssertEqual(run.status, 0, run.out + run.err)
        let manifest = try String(contentsOfFile: dir + "/out/current/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"vocabulary\"") && manifest.contains("vocabularies/iwg.yaml"), manifest)
        AuditSchemaCheck.check([dir + "/out/current"])
    }
}
