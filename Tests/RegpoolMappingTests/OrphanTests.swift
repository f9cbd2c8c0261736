import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// A child record whose key names no patient record of the centre is rejected with its locator.
final class OrphanTests: XCTestCase {
    typealias F = Fixtures

    func testChildRecordWithoutItsPatientIsRejected() {
        var m = CentreMapper(centre: F.centre, mapping: F.mapping([MergeTests.patientSource, MergeTests.courseSource]))
        m.map(
            F.record("patients.csv", line: 2, MergeTests.patientNames, ["1001", "M", "1941", "ra"]),
            source: MergeTests.patientSource)
        m.map(
            F.record("cures.csv", line: 2, MergeTests.courseNames, ["1001", "1", "2010-03-01", "10"]),
            source: MergeTests.courseSource)
        m.map(
            F.record("cures.csv", line: 3, MergeTests.courseNames, ["9999", "1", "2011-05-02", "10"]),
            source: MergeTests.courseSource)
        let r = m.finish()
        XCTAssertEqual(r.patients.map(\.localID), ["1001"], "no patient is made up from a child record")
        let orphan = r.lineage.first { $0.locator == "line 3" }
        XCTAssertEqual(orphan?.status, .rejected)
        XCTAssertTrue(orphan?.rejectReason?.contains("9999") ?? false)
        let events = F.events(r.audit, .recordOrphaned)
        XCTAssertEqual(events.count, 1)
        XCTAssertEqual(events.first?.file, "cures.csv")
        XCTAssertEqual(events.first?.locator, "line 3")
        XCTAssertEqual(events.first?.sourceValue, "9999")
    }

    func testWithoutAPatientSourceChildRecordsStandAlone() {
        var m = CentreMapper(centre: F.centre, mapping: F.mapping([MergeTests.courseSource]))
        m.map(
            F.record("cures.csv", line: 2, MergeTests.courseNames, ["9999", "1", "2011-05-02", "10"]),
            source: MergeTests.courseSource)
        let r = m.finish()
        XCTAssertEqual(r.patients.map(\.localID), ["9999"])
        XCTAssertTrue(F.events(r.audit, .recordOrphaned).isEmpty)
    }
}
