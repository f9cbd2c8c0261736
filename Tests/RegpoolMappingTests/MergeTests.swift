import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

final class MergeTests: XCTestCase {
    typealias F = Fixtures

    static let patientNames = FieldNames(["NUM_PATIENT", "SEXE", "ANNEE", "OMS"])
    static let patientSource = F.source(tables: [
        (
            "patients",
            [
                [
                    F.rule("sex", field: "SEXE", map: [("M", "male"), ("F", "female")]),
                    F.rule("birth_year", field: "ANNEE"),
                    F.rule("who_class", field: "OMS"),
                ]
            ]
        )
    ])
    static let courseNames = FieldNames(["NUM_PATIENT", "CURE", "DEBUT", "DOSE"])
    static let courseSource = F.source(
        "courses",
        tables: [
            (
                "len_courses",
                [
                    [
                        F.rule("course_number", field: "CURE"), F.rule("start_date", field: "DEBUT"),
                        F.rule("initial_dose_mg", field: "DOSE"),
                    ]
                ]
            )
        ])

    private func mapper() -> CentreMapper {
        CentreMapper(centre: F.centre, mapping: F.mapping([Self.patientSource, Self.courseSource]))
    }

    func testLaterNonNullValueWinsAndChangesAreAudited() {
        var m = mapper()
        let n = Self.patientNames
        m.map(F.record("patients_2023.csv", line: 2, n, ["1001", "M", "1941", "ra"]), source: Self.patientSource)
        m.map(F.record("patients_2024.csv", line: 5, n, ["1001", "", "1942", "ra"]), source: Self.patientSource)
        let r = m.finish()
        let row = r.patients[0].patients!
        let s = CDM.patients
        XCTAssertEqual(row[s.index(of: "sex")!], .string("male"), "a null never replaces a value")
        XCTAssertEqual(row[s.index(of: "birth_year")!], .int32(1942))
        let superseded = F.events(r.audit, .valueSuperseded)
        XCTAssertEqual(superseded.count, 1, "who_class did not change: not audited")
        XCTAssertEqual(superseded.first?.target, "patients.birth_year")
        XCTAssertEqual(superseded.first?.sourceValue, "1941")
        XCTAssertEqual(superseded.first?.targetValue, "1942")
        XCTAssertEqual(superseded.first?.file, "patients_2024.csv")
        XCTAssertEqual(r.patients[0].patientRecordCount, 2)
    }

    func testChildRowWithSameNaturalKeyIsReplaced() {
        // Courses only: with no patients source, child records stand alone (no orphan check).
        var m = CentreMapper(centre: F.centre, mapping: F.mapping([Self.courseSource]))
        let n = Self.courseNames
        m.map(F.record("cures_2023.csv", line: 2, n, ["1001", "1", "2011-05-01", "10"]), source: Self.courseSource)
        m.map(F.record("cures_2023.csv", line: 3, n, ["1001", "2", "2012-05-01", "5"]), source: Self.courseSource)
        m.map(F.record("cures_2024.csv", line: 2, n, ["1001", "1", "2011-05-01", "15"]), source: Self.courseSource)
        let r = m.finish()
        let rows = r.patients[0].rows("len_courses")
        let dose = CDM.lenCourses.index(of: "initial_dose_mg")!
        XCTAssertEqual(rows.map { $0[dose] }, [.double(15), .double(5)], "replaced in place")
        let e = F.events(r.audit, .valueSuperseded)
        XCTAssertEqual(e.count, 1)
        XCTAssertEqual(e.first?.target, "len_courses")
        XCTAssertEqual(e.first?.sourceValue, "course_number=1")
        XCTAssertEqual(r.lineage.map(\.status), [.merged, .survivor, .survivor])
        XCTAssertEqual(r.lineage[0].matchProbability, 1.0)
    }

    func testLineageStatusesAndRecordsMerged() {
        var m = mapper()
        let n = Self.patientNames
        m.map(F.record("patients_2023.csv", line: 2, n, ["1001", "M", "1941", "ra"]), source: Self.patientSource)
        m.map(F.record("patients_2023.csv", line: 3, n, ["  ", "F", "1950", "ra"]), source: Self.patientSource)
        m.map(F.record("patients_2023.csv", line: 4, n, ["1002", "F", "1950", "ra"]), source: Self.patientSource)
        m.map(F.record("patients_2024.csv", line: 2, n, [" 1001 ", "M", "1941", "rcmd"]), source: Self.patientSource)
        m.map(F.record("patients_2024.csv", line: 3, n, ["1001", "M", "1941", "rcmd"]), source: Self.patientSource)
        m.map(
            F.record("cures_2024.csv", line: 2, Self.courseNames, ["1002", "1", "2011-05-01", "10"]),
            source: Self.courseSource)
        m.reject(
            RejectedRecord(
                file: "patients_2024.csv", locator: "line 9", line: 9, byteOffset: 210,
                reason: "5 fields, header has 4", sha256: "sha-bad", firstField: "1003"),
            source: Self.patientSource)
        let r = m.finish()
        XCTAssertEqual(r.patients.map(\.localID), ["1001", "1002"])
        XCTAssertEqual(
            r.lineage.map(\.status), [.merged, .rejected, .survivor, .merged, .survivor, .survivor, .rejected])
        XCTAssertEqual(r.lineage.map(\.matchProbability), [1.0, nil, nil, 1.0, nil, nil, nil])
        XCTAssertEqual(r.lineage[1].rejectReason, "no patient key in field NUM_PATIENT")
        XCTAssertEqual(r.lineage[1].localPatientID, "")
        XCTAssertEqual(r.lineage[3].localPatientID, "1001", "the key is trimmed")
        XCTAssertEqual(r.lineage[6].localPatientID, "1003")
        XCTAssertEqual(r.lineage[6].rejectReason, "5 fields, header has 4")
        let rejected = F.events(r.audit, .recordRejected)
        XCTAssertEqual(rejected.count, 1)
        XCTAssertEqual(rejected.first?.locator, "line 3")
        XCTAssertEqual(rejected.first?.field, "NUM_PATIENT")
        let merged = F.events(r.audit, .recordsMerged)
        XCTAssertEqual(merged.count, 1)
        XCTAssertEqual(merged.first?.file, "patients_2024.csv")
        XCTAssertEqual(merged.first?.locator, "line 3")
        XCTAssertTrue(merged.first?.message.contains("3 records") ?? false)
        XCTAssertEqual(r.patients[0].recordCount, 3)
        XCTAssertEqual(r.patients[1].recordCount, 2)
    }

    func testPatientsSortedByUTF8Bytes() {
        var m = mapper()
        for (i, key) in ["b", "B", "é", "a10", "a9"].enumerated() {
            m.map(
                F.record("p.csv", line: i + 2, Self.patientNames, [key, "M", "1940", "ra"]), source: Self.patientSource)
        }
        XCTAssertEqual(m.finish().patients.map(\.localID), ["B", "a10", "a9", "b", "é"])
    }
}
