import Foundation
import RegpoolModel
import XCTest

/// The samples' planted bad records are in audit.jsonl with file, locator, field, value and
/// reason, and no record is missing from both the output and the audit.
final class AuditTrailTests: XCTestCase {
    func events() throws -> [[String: Any]] {
        let text = try String(contentsOfFile: SampleBuild.file("audit.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").map {
            try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    func find(_ code: String, centre: String, _ match: ([String: Any]) -> Bool) throws -> [String: Any]? {
        try events().first { $0["code"] as? String == code && $0["centre"] as? String == centre && match($0) }
    }

    func testRaggedCSVRowIsRejectedWithItsLine() throws {
        let e = try XCTUnwrap(try find("E1002", centre: "fr-lyon") { $0["locator"] as? String == "line 18" })
        XCTAssertEqual(e["file"] as? String, "patients_2026-11-21.csv")
        XCTAssertEqual(e["event"] as? String, "RecordRejected")
        XCTAssertEqual(e["source_value"] as? String, "LY0017")
        XCTAssertTrue((e["message"] as? String ?? "").contains("32"), "the message says how many fields: \(e)")
    }

    func testUnmappedCSVCodeIsListedWithItsRule() throws {
        let e = try XCTUnwrap(try find("T3001", centre: "fr-lyon") { $0["source_value"] as? String == "I" })
        XCTAssertEqual(e["file"] as? String, "patients_2026-11-21.csv")
        XCTAssertEqual(e["locator"] as? String, "line 22")
        XCTAssertEqual(e["field"] as? String, "SEXE")
        XCTAssertEqual(e["target"] as? String, "patients.sex")
        XCTAssertTrue((e["rule"] as? String ?? "").contains("fr-lyon.yaml:29"), "\(e)")
        XCTAssertTrue(e["target_value"] is NSNull)
    }

    func testUnmappedXMLCodeIsListedWithItsPath() throws {
        let e = try XCTUnwrap(try find("T3001", centre: "us-lakeside") { $0["source_value"] as? String == "CRi" })
        XCTAssertEqual(e["file"] as? String, "export_2026-11-21.xml")
        XCTAssertTrue((e["locator"] as? String ?? "").contains("patient[13]"), "\(e)")
        XCTAssertEqual(e["target"] as? String, "treatment_lines.best_response")
    }

    func testXMLRecordWithoutPatientKeyIsRejected() throws {
        let rejected = try events().filter {
            $0["code"] as? String == "T3005" && $0["centre"] as? String == "us-lakeside"
        }
        XCTAssertEqual(rejected.count, 3, "the patient, its course and its treatment line: \(rejected)")
        XCTAssertTrue(rejected.allSatisfy { ($0["locator"] as? String ?? "").contains("patient[14]") })
    }

    func testChildRowWithoutItsPatientIsRejectedWithItsLine() throws {
        let e = try XCTUnwrap(try find("T3009", centre: "fr-lyon") { $0["source_value"] as? String == "LY0240" })
        XCTAssertEqual(e["file"] as? String, "traitements_2026-11-21.csv")
        XCTAssertEqual(e["locator"] as? String, "line 33")
    }

    func testTruncatedXMLFileIsRejectedWholeWithLineAndColumn() throws {
        let e = try XCTUnwrap(
            try find("E1001", centre: "us-lakeside") { $0["file"] as? String == "export_2026-11-21_supplement.xml" })
        XCTAssertEqual(e["locator"] as? String, "line 68, column 13")
        XCTAssertTrue((e["message"] as? String ?? "").contains("Nothing from this file is in the build"), "\(e)")
        let lineage = try XCTUnwrap(try SampleBuild.shared().tables.first { $0.schema.name == "source_records" })
        XCTAssertFalse(
            lineage.column(CDM.SourceRecords.sourceFile).contains(.string("export_2026-11-21_supplement.xml")))
        XCTAssertEqual(try SampleBuild.shared().filesRejected, 1)
    }

    func testEveryRecordIsInTheOutputOrRejectedWithAReason() throws {
        let summary = try SampleBuild.shared()
        let lineage = try XCTUnwrap(summary.tables.first { $0.schema.name == "source_records" })
        let audit = try events()
        let extractRejects = audit.filter { $0["code"] as? String == "E1002" }.count
        XCTAssertEqual(
            lineage.rows.count, summary.recordsRead + extractRejects, "one lineage row per record read or rejected")
        let status = lineage.column(CDM.SourceRecords.status)
        let reason = lineage.column(CDM.SourceRecords.rejectReason)
        let file = lineage.column(CDM.SourceRecords.sourceFile)
        let locator = lineage.column(CDM.SourceRecords.sourceLocator)
        for i in lineage.rows.indices where status[i] == .string("rejected") {
            XCTAssertFalse(reason[i].isNull, "rejected row \(i) has a reason")
            let inAudit = audit.contains {
                ["E1002", "T3005", "T3009"].contains($0["code"] as? String ?? "")
                    && $0["file"] as? String == file[i].text && $0["locator"] as? String == locator[i].text
            }
            XCTAssertTrue(inAudit, "rejected \(file[i].text) \(locator[i].text) is in the audit")
        }
        let pooled = Set(lineage.column(CDM.SourceRecords.pooledID).compactMap(\.stringValue))
        let patients = Set(summary.tables[0].column(CDM.Patients.pooledID).compactMap(\.stringValue))
        XCTAssertEqual(pooled, patients, "every accepted record belongs to a patient in the output")
    }

    func testNoKeyOrNamesLeakIntoOutputs() throws {
        let summary = try SampleBuild.shared()
        let key = try String(
            contentsOfFile: TestSupport.root + "/samples/keys/TEST-KEY-NOT-FOR-REAL-DATA.txt", encoding: .utf8
        )
        .trimmingCharacters(in: .whitespacesAndNewlines)
        for file in try TestSupport.files(in: summary.buildPath) {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: summary.buildPath + "/" + file))
            XCTAssertNil(bytes.range(of: Data(key.utf8)), "\(file) contains the key")
        }
        for table in summary.tables where table.schema.name != "source_records" {
            for value in table.rows.joined() {
                if case .string(let s) = value {
                    XCTAssertFalse(s.hasPrefix("LY0") || s.hasPrefix("LS-0"), "\(table.schema.name): \(s)")
                }
            }
        }
    }
}
