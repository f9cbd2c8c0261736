import Foundation
import RegpoolPipeline
import XCTest

/// Pooled ids stay stable from build to build: a new record joining a patient (and becoming its
/// survivor) keeps the patient's pooled_id when the next build reads the previous crosswalk.
final class CrosswalkStabilityTests: XCTestCase {
    /// A Toronto compassionate-use record of be-gent's registry patient GE-0002 (same sex, birth
    /// year, diagnosis, LEN start, dose, karyotype and WHO class): it links by score and, being of a
    /// higher-priority source, becomes the patient's survivor.
    static let torontoRecordOfGE0002 =
        "TOR-030,,,1,1949,2,2021-09-06,1,0,3,1,2,\"46,XY,del(5)(q13q33),del(20)(q11q13)[12]/46,XY[8]\","
        + "1,2,10.7,222,0.9,0,1,0,0,2,2021-12-16,2022-04-09,10,1,1,1,4,3,2022-03-26,1,,2,,1,,2023-06-20,2,,,,,,"

    func testANewDuplicateRecordKeepsItsPatientsPooledIDAndNoOtherIDChanges() throws {
        let copy = try SampleCopy("crosswalk")
        let first = try copy.build(.none)
        let before = try PooledIDs.byMember(first)
        try copy.append("samples/ca-toronto/MDSLEN_DATA_2026-11-21_1200.csv", line: Self.torontoRecordOfGE0002)

        let second = try copy.build(.file(first.buildPath + "/crosswalk.csv"))
        let after = try PooledIDs.byMember(second)
        XCTAssertEqual(after["ca-toronto:TOR-030"], after["be-gent:GE-0002"], "the new record joined GE-0002's patient")
        XCTAssertEqual(after["be-gent:GE-0002"], before["be-gent:GE-0002"], "the patient kept its pooled_id")
        for (member, id) in before {
            XCTAssertEqual(after[member], id, "\(member) changed its pooled_id")
        }
        let audit = try String(contentsOfFile: second.buildPath + "/audit.jsonl", encoding: .utf8)
        XCTAssertTrue(audit.contains("\"code\":\"L4024\""), "the kept id is audited")
        let manifest = try String(contentsOfFile: second.buildPath + "/manifest.json", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"role\":\"crosswalk\""), "the crosswalk is an input of the build")

        let fresh = try PooledIDs.byMember(try copy.build(.none))
        XCTAssertNotEqual(
            fresh["be-gent:GE-0002"], before["be-gent:GE-0002"],
            "without the crosswalk the survivor (now the Toronto record) would name the patient")
    }

    func testRebuildingWithItsOwnCrosswalkChangesNoByteButTheBuildID() throws {
        let copy = try SampleCopy("crosswalk-same")
        let first = try copy.build(.none)
        let second = try copy.build(.file(first.buildPath + "/crosswalk.csv"))
        for table in first.tables.map(\.schema.name) {
            let a = try Data(contentsOf: URL(fileURLWithPath: first.buildPath + "/\(table).parquet"))
            let b = try Data(contentsOf: URL(fileURLWithPath: second.buildPath + "/\(table).parquet"))
            // The crosswalk is an input, so the build id in the footer differs; nothing else may.
            XCTAssertNotEqual(first.buildID, second.buildID)
            let same = ShuffleDeterminismTests.replacing(
                Data(second.buildID.utf8), with: Data(first.buildID.utf8), in: b)
            XCTAssertEqual(a, same, table)
        }
    }

    func testACrosswalkOfAnotherKeyStopsTheRun() throws {
        let copy = try SampleCopy("crosswalk-key")
        let other = copy.root + "/other-crosswalk.csv"
        try Data("member_key,pooled_id\nM-0000000000000000,P-0000000000000000\n".utf8)
            .write(to: URL(fileURLWithPath: other))
        XCTAssertThrowsError(try copy.build(.file(other))) { error in
            XCTAssertTrue("\(error)".contains("another pseudonym key"), "\(error)")
        }
        XCTAssertThrowsError(try copy.build(.file(copy.root + "/missing.csv"))) { error in
            XCTAssertTrue("\(error)".contains("--no-crosswalk"), "\(error)")
        }
    }
}
