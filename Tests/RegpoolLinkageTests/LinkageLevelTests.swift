import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// Comparison levels, their labels, the numbers linkage prints, and records built from merged patients.
final class LinkageLevelTests: XCTestCase {
    typealias L = LinkageFixtures

    func testDateLevelsAreTolerancesThenDisagreeAndNullIsNoLevel() {
        let spec = L.comparison(.diagnosisDate, [0, 7, 31])
        let d = { (iso: String) in Value.date(L.day(iso)) }
        XCTAssertEqual(spec.level(d("2011-03-14"), d("2011-03-14")), 0)
        XCTAssertEqual(spec.level(d("2011-03-14"), d("2011-03-09")), 1, "5 days")
        XCTAssertEqual(spec.level(d("2011-03-14"), d("2011-03-21")), 1, "7 days: the tolerance is inclusive")
        XCTAssertEqual(spec.level(d("2011-03-14"), d("2011-03-22")), 2, "8 days")
        XCTAssertEqual(spec.level(d("2011-02-28"), d("2011-03-31")), 2, "31 days")
        XCTAssertEqual(spec.level(d("2011-02-28"), d("2011-04-01")), 3, "32 days: disagree")
        XCTAssertNil(spec.level(.null, d("2011-03-14")))
        XCTAssertNil(spec.level(d("2011-03-14"), .null))
        XCTAssertNil(spec.level(.null, .null))
    }

    func testCategoryIntegerAndDoseLevels() {
        let sex = L.comparison(.sex)
        XCTAssertEqual(sex.level(.string("female"), .string("female")), 0)
        XCTAssertEqual(sex.level(.string("female"), .string("male")), 1)
        XCTAssertNil(sex.level(.string("female"), .null))
        let year = L.comparison(.birthYear, [0, 1])
        XCTAssertEqual(year.level(.int32(1944), .int32(1944)), 0)
        XCTAssertEqual(year.level(.int32(1944), .int32(1943)), 1)
        XCTAssertEqual(year.level(.int32(1944), .int32(1946)), 2)
        let dose = L.comparison(.lenInitialDose, [0, 0.1])
        XCTAssertEqual(dose.level(.double(2.5), .double(2.5)), 0)
        XCTAssertEqual(dose.level(.double(2.5), .double(2.4)), 1, "0.1 apart in decimal, 0.10000000000000009 in binary")
        XCTAssertEqual(dose.level(.double(10), .double(5)), 2)
    }

    func testLevelLabels() {
        let date = L.comparison(.lenStartDate, [0, 1, 7, 31])
        XCTAssertEqual(
            (0...4).map { date.label(level: $0) }, ["same day", "≤ 1 day", "≤ 7 days", "≤ 31 days", "disagree"])
        XCTAssertEqual(date.label(level: nil), "missing")
        let year = L.comparison(.birthYear, [0, 1, 2])
        XCTAssertEqual((0...3).map { year.label(level: $0) }, ["same year", "≤ 1 year", "≤ 2 years", "disagree"])
        XCTAssertEqual(L.comparison(.birthMonth).label(level: 0), "same month")
        XCTAssertEqual(L.comparison(.lenInitialDose, [0, 5]).label(level: 1), "≤ 5 mg")
        XCTAssertEqual(L.comparison(.lenInitialDose, [0, 2.5]).label(level: 1), "≤ 2.5 mg")
        XCTAssertEqual(
            [L.comparison(.whoClass).label(level: 0), L.comparison(.whoClass).label(level: 1)], ["agree", "disagree"])
    }

    func testFeaturePositionsFollowAllCases() {
        XCTAssertEqual(LinkageField.allCases.map(\.position), Array(0..<LinkageField.allCases.count))
    }

    func testCategoryCodesFollowTextBytesNotInputOrder() {
        XCTAssertEqual(
            FeatureTable.categories(["male", nil, "female", "male"]).map { $0.isNaN ? -1 : $0 }, [1, -1, 0, 1])
        XCTAssertEqual(FeatureTable.categories(["female", "male"]), [0, 1])
    }

    func testLog2InPureSwift() {
        for k in -30...30 {
            let x = Double(sign: .plus, exponent: k, significand: 1)
            XCTAssertEqual(LinkNumber.log2(x), Double(k), accuracy: 1e-13)
        }
        XCTAssertEqual(LinkNumber.log2(10), 3.321_928_094_887_362, accuracy: 1e-13)
        XCTAssertEqual(LinkNumber.log2(0.95 / 0.5), 0.925_999_418_556_223, accuracy: 1e-13)
        XCTAssertEqual(LinkNumber.log2(1e-6), -19.931_568_569_324_174, accuracy: 1e-12)
        XCTAssertEqual(LinkNumber.log2(1.414_213_562_373_095), 0.5, accuracy: 1e-13)
        XCTAssertEqual(LinkNumber.log2(0), -.infinity)
        XCTAssertTrue(LinkNumber.log2(-1).isNaN)
    }

    func testFixedPointText() {
        XCTAssertEqual(LinkNumber.fixed(0.97314, 4), "0.9731")
        XCTAssertEqual(LinkNumber.fixed(0.97315, 4), "0.9732")
        XCTAssertEqual(LinkNumber.fixed(-0.5, 2), "-0.50")
        XCTAssertEqual(LinkNumber.fixed(-0.001, 2), "0.00", "no negative zero")
        XCTAssertEqual(LinkNumber.fixed(12, 0), "12")
        XCTAssertEqual(LinkNumber.fixed(0.000025, 6), "0.000025")
        XCTAssertEqual(LinkNumber.signed(1.906, 2), "+1.91")
        XCTAssertEqual(LinkNumber.signed(-3.17, 2), "-3.17")
        XCTAssertEqual(LinkNumber.probability(0.272727272), "0.272727")
        XCTAssertEqual(LinkNumber.probability(0.000024787), "2.48e-05")
        XCTAssertEqual(LinkNumber.probability(0.00099999), "1.00e-03")
        XCTAssertEqual(LinkNumber.probability(3.1e-7), "3.10e-07")
        XCTAssertEqual(LinkNumber.plain(10), "10")
        XCTAssertEqual(LinkNumber.plain(2.5), "2.5")
    }

    func testRecordFromMergedPatientAndCentre() {
        let patients = TestRows.build(
            CDM.patients,
            [
                ("sex", .string("female")), ("birth_year", .int32(1944)),
                ("diagnosis_date", .date(L.day("2011-03-14"))),
                ("who_class", .string("del5q_syndrome")), ("karyotype_category", .string("isolated_del5q")),
            ])
        let second = TestRows.build(
            CDM.lenCourses,
            [
                ("course_number", .int32(2)), ("start_date", .date(L.day("2013-05-02"))),
                ("initial_dose_mg", .double(5)),
            ])
        let first = TestRows.build(
            CDM.lenCourses,
            [
                ("course_number", .int32(1)), ("start_date", .date(L.day("2012-01-09"))),
                ("initial_dose_mg", .double(10)),
            ])
        var patient = LocalPatient(
            localID: "1007", patients: patients, outcomes: nil, outcomesOrigin: nil,
            childRows: ["len_courses": [second, first]], recordCount: 3, patientRecordCount: 1)
        patient.linkKeys = ["birth_month": "03", "trial_id": "ULM-0042"]
        let record = LinkRecord(patient: patient, centre: Fixtures.centre)
        XCTAssertEqual(record.reference, PatientReference(centre: "fr-lyon", localID: "1007"))
        XCTAssertEqual(record.cohortSource, "registry")
        XCTAssertEqual(record.region, "europe")
        XCTAssertEqual(record.sex, "female")
        XCTAssertEqual(record.birthYear, 1944)
        XCTAssertEqual(record.birthMonth, 3)
        XCTAssertEqual(record.diagnosisDate, L.day("2011-03-14"))
        XCTAssertEqual(record.lenStartDate, L.day("2012-01-09"), "the lowest course number, not the first row")
        XCTAssertEqual(record.lenInitialDose, 10)
        XCTAssertEqual(record.karyotypeCategory, "isolated_del5q")
        XCTAssertEqual(record.whoClass, "del5q_syndrome")
        XCTAssertEqual(record.key("trial_id"), "ULM-0042")
        XCTAssertEqual(record.key("local_id"), "1007", "local_id is implicit")
        XCTAssertNil(record.key("registry_no"))
        XCTAssertEqual(record.text(.lenInitialDose), "10")
        XCTAssertEqual(record.text(.diagnosisDate), "2011-03-14")

        patient.linkKeys = ["birth_month": "13"]
        XCTAssertNil(LinkRecord(patient: patient, centre: Fixtures.centre).birthMonth, "13 is no month")
        let bare = LocalPatient(
            localID: "1008", patients: nil, outcomes: nil, outcomesOrigin: nil, childRows: [:],
            recordCount: 1, patientRecordCount: 0)
        let empty = LinkRecord(patient: bare, centre: Fixtures.centre)
        XCTAssertEqual(LinkageField.allCases.filter { empty.value($0) != .null }, [.region], "only the centre's region")
    }
}
