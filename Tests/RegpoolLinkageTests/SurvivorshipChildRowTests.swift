import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// Survivorship of child rows: the union over the members, one row per natural key with dates
/// within the tolerance, the higher-priority row kept and its gaps filled.
final class SurvivorshipChildRowTests: XCTestCase {
    private func d(_ iso: String) -> Value { SV.d(iso) }
    private func s(_ text: String) -> Value { .string(text) }

    private let trialTransplant: [String: Value] = [
        "transplant_date": SV.d("2013-04-02"), "donor_type": SV.s("matched_unrelated"),
    ]

    private func registryTransplant(_ date: String) -> [String: Value] {
        ["transplant_date": d(date), "donor_type": s("matched_unrelated"), "conditioning": s("reduced_intensity")]
    }

    func testTransplantThreeDaysApartIsOneRow() {
        let out = Survivorship.merge(
            [
                SV.member(SV.registry, "1001", p: 0.97, transplants: [registryTransplant("2013-04-05")]),
                SV.member(SV.trial, "A-7", transplants: [trialTransplant]),
            ], settings: SV.settings)
        XCTAssertEqual(
            SV.rows(out.patient, CDM.transplants, ["transplant_date", "donor_type", "conditioning"]),
            [
                "transplant_date=2013-04-02 donor_type=matched_unrelated conditioning=reduced_intensity"
            ])
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 transplant_date=2013-04-05 transplants.conditioning reduced_intensity→reduced_intensity",
                "L4023 fr-lyon local_id=1001 transplant_date=2013-04-05 transplants.transplant_date "
                    + "transplant_date=2013-04-05→transplant_date=2013-04-02",
            ])
        let dedup = out.audit.events()[1]
        XCTAssertEqual(dedup.rule, "survivorship: child rows one by natural key, dates within 7 days")
        XCTAssertEqual(
            dedup.message,
            "transplants row transplant_date=2013-04-05 of fr-lyon:1001 is the row "
                + "transplant_date=2013-04-02 of de-ulm:A-7 (same natural key, dates within 7 days); de-ulm:A-7's row is "
                + "kept (filled: conditioning)")
    }

    func testTransplantTwentyDaysApartIsTwoRowsUnlessTheToleranceIsWider() {
        let members = [
            SV.member(SV.registry, "1001", p: 0.97, transplants: [registryTransplant("2013-04-22")]),
            SV.member(SV.trial, "A-7", transplants: [trialTransplant]),
        ]
        let out = Survivorship.merge(members, settings: SV.settings)
        XCTAssertEqual(
            SV.rows(out.patient, CDM.transplants, ["transplant_date", "conditioning"]),
            [
                "transplant_date=2013-04-02 conditioning=", "transplant_date=2013-04-22 conditioning=reduced_intensity",
            ])
        XCTAssertEqual(SV.lines(out.audit), [])
        let wide = SurvivorshipSettings(sourcePriority: SV.settings.sourcePriority, dateToleranceDays: 21)
        XCTAssertEqual(
            SV.rows(Survivorship.merge(members, settings: wide).patient, CDM.transplants, ["transplant_date"]),
            ["transplant_date=2013-04-02"])
    }

    func testTheNearestRowAbsorbsAndEachRowAtMostOnce() {
        let out = Survivorship.merge(
            [
                SV.member(
                    SV.trial, "A-7",
                    transplants: [
                        ["transplant_date": d("2013-04-02")],
                        ["transplant_date": d("2013-04-09")],
                    ]),
                SV.member(
                    SV.registry, "1001", p: 1.0,
                    transplants: [
                        ["transplant_date": d("2013-04-08")],
                        ["transplant_date": d("2013-04-07")],
                    ]),
            ], settings: SV.settings)
        XCTAssertEqual(
            SV.rows(out.patient, CDM.transplants, ["transplant_date"]),
            ["transplant_date=2013-04-02", "transplant_date=2013-04-09"],
            "04-07 is nearest 04-09 but sorts first and takes it; 04-08 is then within 7 days of 04-02")
        XCTAssertEqual(
            SV.lines(out.audit).map { $0.components(separatedBy: " ").last! },
            [
                "transplant_date=2013-04-07→transplant_date=2013-04-09",
                "transplant_date=2013-04-08→transplant_date=2013-04-02",
            ])
    }

    func testCoursesOneByNumberWithGapsFilledAndConflictsAudited() {
        let out = Survivorship.merge(
            [
                SV.member(
                    SV.trial, "A-7",
                    courses: [
                        [
                            "course_number": .int32(1), "start_date": d("2011-01-10"), "initial_dose_mg": .double(10),
                            "best_response": s("hi_e"), "failure_date": d("2012-03-01"),
                            "failure_type": s("loss_of_response"),
                        ]
                    ]),
                SV.member(
                    SV.registry, "1001", p: 0.98,
                    courses: [
                        [
                            "course_number": .int32(2), "start_date": d("2012-09-03"), "initial_dose_mg": .double(5),
                        ],
                        [
                            "course_number": .int32(1), "start_date": d("2011-01-12"), "end_date": d("2012-02-20"),
                            "initial_dose_mg": .double(10), "best_response": s("pr"), "failure_date": d("2012-03-01"),
                            "failure_type": s("loss_of_response"),
                        ],
                    ]),
            ], settings: SV.settings)
        XCTAssertEqual(
            SV.rows(out.patient, CDM.lenCourses, ["course_number", "start_date", "end_date", "best_response"]),
            [
                "course_number=1 start_date=2011-01-10 end_date=2012-02-20 best_response=hi_e",
                "course_number=2 start_date=2012-09-03 end_date= best_response=",
            ])
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 course_number=1 len_courses.end_date 2012-02-20→2012-02-20",
                "L4021 fr-lyon local_id=1001 course_number=1 len_courses.best_response pr→hi_e",
                "L4021 fr-lyon local_id=1001 course_number=1 len_courses.start_date 2011-01-12→2011-01-10",
                "L4023 fr-lyon local_id=1001 course_number=1 len_courses.course_number course_number=1→course_number=1",
            ])
    }

    func testTreatmentLinesOneByNumber() {
        let out = Survivorship.merge(
            [
                SV.member(
                    SV.compassionate, "CU-12",
                    lines: [
                        [
                            "line_number": .int32(1), "category": s("hma"), "agent": s("azacitidine"),
                            "start_date": d("2012-04-02"),
                        ]
                    ]),
                SV.member(
                    SV.registry, "1001", p: 0.98,
                    lines: [
                        [
                            "line_number": .int32(1), "category": s("hma"), "agent": s("azacitidine"),
                            "start_date": d("2012-04-02"),
                            "best_response": s("hi"),
                        ],
                        [
                            "line_number": .int32(2), "category": s("allo_sct"), "start_date": d("2013-04-05"),
                        ],
                    ]),
            ], settings: SV.settings)
        XCTAssertEqual(
            SV.rows(out.patient, CDM.treatmentLines, ["line_number", "category", "best_response"]),
            [
                "line_number=1 category=hma best_response=hi", "line_number=2 category=allo_sct best_response=",
            ])
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "L4020 fr-lyon local_id=1001 line_number=1 treatment_lines.best_response hi→hi",
                "L4023 fr-lyon local_id=1001 line_number=1 treatment_lines.line_number line_number=1→line_number=1",
            ])
    }

    func testLabResultsOneByAnalyteAndSampleDate() {
        func hb(_ date: String, _ value: Double, _ sent: String, _ unit: String) -> [String: Value] {
            [
                "sample_date": d(date), "analyte": s("hb"), "value": .double(value), "unit": s("g_dl"),
                "source_value": s(sent), "source_unit": s(unit),
            ]
        }
        let out = Survivorship.merge(
            [
                SV.member(SV.trial, "A-7", labs: [hb("2011-01-10", 9.1, "9.1", "g/dL")]),
                SV.member(
                    SV.registry, "1001", p: 0.98,
                    labs: [
                        hb("2011-03-01", 10.4, "104", "g/L"),
                        [
                            "sample_date": d("2011-01-12"), "analyte": s("platelets"), "value": .double(210),
                            "unit": s("g_l_10e9"),
                            "source_value": s("210"),
                        ],
                        hb("2011-01-12", 9.3, "93", "g/L"),
                    ]),
            ], settings: SV.settings)
        XCTAssertEqual(
            SV.rows(out.patient, CDM.labResults, ["sample_date", "analyte", "value"]),
            [
                "sample_date=2011-01-10 analyte=hb value=9.1", "sample_date=2011-01-12 analyte=platelets value=210.0",
                "sample_date=2011-03-01 analyte=hb value=10.4",
            ])
        let at = "L4021 fr-lyon local_id=1001 sample_date=2011-01-12 analyte=hb"
        XCTAssertEqual(
            SV.lines(out.audit),
            [
                "\(at) lab_results.source_unit g/L→g/dL", "\(at) lab_results.source_value 93→9.1",
                "\(at) lab_results.value 9.3→9.1",
                "L4023 fr-lyon local_id=1001 sample_date=2011-01-12 analyte=hb lab_results.sample_date "
                    + "sample_date=2011-01-12 analyte=hb→sample_date=2011-01-10 analyte=hb",
            ])
    }

    func testRowsOfOneMemberAreNeverMergedWithEachOther() {
        let out = Survivorship.merge(
            [
                SV.member(SV.trial, "A-7", transplants: [["transplant_date": d("2013-04-02")]]),
                SV.member(SV.registry, "1001", p: 1.0, labs: []),
                SV.member(
                    SV.compassionate, "CU-12", p: 1.0,
                    transplants: [
                        ["transplant_date": d("2013-11-02")],
                        ["transplant_date": d("2013-11-05")],
                    ]),
            ], settings: SV.settings)
        XCTAssertEqual(
            SV.rows(out.patient, CDM.transplants, ["transplant_date"]),
            [
                "transplant_date=2013-04-02", "transplant_date=2013-11-02", "transplant_date=2013-11-05",
            ], "a second transplant three days after the first, both from it-pavia, stays two rows")
        XCTAssertEqual(SV.lines(out.audit), [])
    }
}
