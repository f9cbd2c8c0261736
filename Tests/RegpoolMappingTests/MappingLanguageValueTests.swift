import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// docs/mapping.md constructs about dates and numbers: patterns, two-digit years, partial dates,
/// thousands separators, ranges and unit conversion. Expected values are written by hand.
final class MappingLanguageValueTests: XCTestCase {
    typealias H = MappingHarness

    private func run(_ tables: String, header: [String], _ rows: [[String?]]) throws -> CentreResult {
        try H.run(
            H.oneSource("patients", tables: tables),
            [H.Input(source: "patients", file: "p_1.csv", header: header, rows: rows)])
    }

    private func date(_ pattern: String, _ text: String, pivot: String = "") throws -> Value {
        let extra = pivot.isEmpty ? "" : ", pivot: \(pivot)"
        let r = try run(
            """
                  patients:
                    diagnosis_date: { field: D, date: "\(pattern)"\(extra) }
            """, header: ["ID", "D"], [["1", text]])
        return H.value(r, "1", CDM.patients, "diagnosis_date")
    }

    func testDatePatternsOfEveryHabit() throws {
        let d = Value.date(Fixtures.day("2012-03-04"))
        XCTAssertEqual(try date("dd/MM/yyyy", "04/03/2012"), d)
        XCTAssertEqual(try date("MM/dd/yyyy", "03/04/2012"), d)
        XCTAssertEqual(try date("dd.MM.yyyy", "04.03.2012"), d)
        XCTAssertEqual(try date("yyyy.MM.dd", "2012.03.04"), d)
        XCTAssertEqual(try date("yyyy-MM-dd", "2012-03-04"), d)
        XCTAssertEqual(try date("yyyy년 M월 d일", "2012년 3월 4일"), d)
        XCTAssertEqual(try date("d/M/yyyy", "4/3/2012"), d)
    }

    func testTwoDigitYearsWithAPivot() throws {
        XCTAssertEqual(try date("dd.MM.yy", "04.03.12", pivot: "1930"), .date(Fixtures.day("2012-03-04")))
        XCTAssertEqual(try date("dd.MM.yy", "04.03.30", pivot: "1930"), .date(Fixtures.day("1930-03-04")))
        XCTAssertEqual(try date("dd.MM.yy", "31.12.29", pivot: "1930"), .date(Fixtures.day("2029-12-31")))
        XCTAssertEqual(try date("dd.MM.yy", "04.03.99", pivot: "1950"), .date(Fixtures.day("1999-03-04")))
    }

    func testPartialDatesAreImputedAsTheRuleSaysAndCountedPerValueInTheOutput() throws {
        let r = try run(
            """
                  patients:
                    diagnosis_date:
                      field: D
                      date: dd/MM/yyyy
                      partial: { "MM/yyyy": 15, "yyyy": "07-01" }
            """, header: ["ID", "D"],
            [["1", "04/03/2012"], ["2", "03/2012"], ["3", "2011"], ["4", "2011"], ["5", "13/2012"]])
        XCTAssertEqual(H.value(r, "1", CDM.patients, "diagnosis_date"), .date(Fixtures.day("2012-03-04")))
        XCTAssertEqual(H.value(r, "2", CDM.patients, "diagnosis_date"), .date(Fixtures.day("2012-03-15")))
        XCTAssertEqual(H.value(r, "3", CDM.patients, "diagnosis_date"), .date(Fixtures.day("2011-07-01")))
        XCTAssertEqual(H.value(r, "5", CDM.patients, "diagnosis_date"), .null, "month 13")
        let imputed = Fixtures.events(r.audit, .dateImputed)
        XCTAssertEqual(imputed.map(\.sourceValue), ["03/2012", "2011"])
        XCTAssertEqual(imputed.map(\.count), [1, 2])
        XCTAssertEqual(imputed.map(\.targetValue), ["2012-03-15", "2011-07-01"])
        XCTAssertEqual(imputed.compactMap(\.count).reduce(0, +), 3, "three imputed values in the output")
        XCTAssertEqual(Fixtures.events(r.audit, .valueInvalid).map(\.sourceValue), ["13/2012"])
    }

    func testAnImputedValueReplacedByALaterRecordIsNotCounted() throws {
        let r = try run(
            """
                  patients:
                    diagnosis_date: { field: D, date: yyyy-MM-dd, partial: { "yyyy-MM": 15 } }
            """, header: ["ID", "D"], [["1", "2012-03"], ["1", "2012-03-09"]])
        XCTAssertEqual(H.value(r, "1", CDM.patients, "diagnosis_date"), .date(Fixtures.day("2012-03-09")))
        XCTAssertTrue(Fixtures.events(r.audit, .dateImputed).isEmpty, "the imputed value is not in the output")
    }

    func testDecimalCommaAndThousandsSeparators() throws {
        let r = try run(
            """
                  lab_results:
                    sample_date: { value: "2012-01-01" }
                    analyte: { value: platelets }
                    value: { field: PLT, decimal: ",", thousands: ".", factor: 0.001, unit: "/µL" }
            """, header: ["ID", "PLT"], [["1", "150.000"], ["2", "1.250.000,5"], ["3", "15.00"], ["4", "95000"]])
        XCTAssertEqual(H.value(r, "1", CDM.labResults, "value"), .double(150))
        XCTAssertEqual(H.value(r, "2", CDM.labResults, "value"), .double(1250.0005))
        XCTAssertEqual(
            H.value(r, "3", CDM.labResults, "value"), .null, "a group of two digits is not a thousands group")
        XCTAssertEqual(H.value(r, "4", CDM.labResults, "value"), .double(95), "grouping is optional")
        XCTAssertEqual(H.value(r, "1", CDM.labResults, "source_value"), .string("150.000"))
        XCTAssertEqual(H.value(r, "1", CDM.labResults, "source_unit"), .string("/µL"))
    }

    func testUnitColumnConvertsEachValueByItsUnitAndKeepsSourceValueAndUnit() throws {
        let r = try run(
            """
                  lab_results:
                    - sample_date: { value: "2012-01-01" }
                      analyte: { value: hb }
                      value:
                        field: HB
                        decimal: ","
                        unit_field: HB_UNIT
                        unit: g/dL
                        units: { "g/dL": 1, "g/L": 0.1, "mmol/L": 1.611 }
                    - sample_date: { value: "2012-01-01" }
                      analyte: { value: platelets }
                      value: { field: PLT, unit_field: PLT_UNIT, units: { "K/µL": 1, "/nL": 1, "G/L": 1, "/µL": 0.001 } }
            """, header: ["ID", "HB", "HB_UNIT", "PLT", "PLT_UNIT"],
            [
                ["1", "95", "g/L", "120", "K/µL"],
                ["2", "6,2", "mmol/L", "80", "/nL"],
                ["3", "9,8", "", "150000", "/µL"],
                ["4", "9,8", "mg/dL", "90", "G/L"],
            ])
        let hb = { (id: String) in H.rows(r, id, CDM.labResults).first { $0["analyte"] == "hb" } ?? [:] }
        let plt = { (id: String) in H.rows(r, id, CDM.labResults).first { $0["analyte"] == "platelets" } ?? [:] }
        XCTAssertEqual(
            hb("1"),
            [
                "sample_date": "2012-01-01", "analyte": "hb", "value": "9.5", "unit": "g_dl",
                "source_value": "95", "source_unit": "g/L",
            ])
        XCTAssertEqual(Double(hb("2")["value"] ?? "")!, 9.9882, accuracy: 1e-9)
        XCTAssertEqual(hb("2")["source_unit"], "mmol/L")
        XCTAssertEqual(hb("3")["value"], "9.8", "an empty unit takes the rule's unit: g/dL")
        XCTAssertEqual(hb("3")["source_unit"], "g/dL")
        XCTAssertEqual(hb("4"), [:], "mg/dL is not in units: no value, no row")
        XCTAssertEqual(plt("1")["value"], "120.0")
        XCTAssertEqual(plt("2")["value"], "80.0")
        XCTAssertEqual(plt("3")["value"], "150.0")
        let unmapped = Fixtures.events(r.audit, .valueUnmapped)
        XCTAssertEqual(unmapped.map(\.sourceValue), ["mg/dL"])
        XCTAssertEqual(unmapped.first?.field, "HB_UNIT")
        // Converted = factor ≠ 1 and in the output: hb 1 (g/L), hb 2 (mmol/L), platelets 3 (/µL).
        let converted = Fixtures.events(r.audit, .unitConverted)
        XCTAssertEqual(converted.compactMap(\.count).reduce(0, +), 3)
        XCTAssertEqual(Set(converted.compactMap(\.sourceValue)), ["95 g/L", "6,2 mmol/L", "150000 /µL"])
    }

    func testRangesNullImplausibleValuesAfterConversion() throws {
        let r = try run(
            """
                  patients:
                    hb_g_dl: { field: HB, factor: 0.1, unit: g/L }
                    bm_blasts_pct: { field: BL, range: [0, 30] }
                  lab_results:
                    sample_date: { value: "2012-01-01" }
                    analyte: { field: A, map: { HB: hb, PLT: platelets } }
                    value: { field: V }
            """, header: ["ID", "HB", "BL", "A", "V"],
            [
                ["1", "95", "4", "HB", "9.5"],
                ["2", "9.5", "45", "HB", "95"],
                ["3", "250", "", "PLT", "95"],
            ])
        XCTAssertEqual(H.value(r, "1", CDM.patients, "hb_g_dl"), .double(9.5))
        XCTAssertEqual(H.value(r, "2", CDM.patients, "hb_g_dl"), .null, "0.95 g/dL: a g/dL value sent as g/L")
        XCTAssertEqual(H.value(r, "2", CDM.patients, "bm_blasts_pct"), .null, "the rule's range [0, 30]")
        XCTAssertEqual(H.value(r, "3", CDM.patients, "hb_g_dl"), .null, "25 g/dL")
        XCTAssertEqual(H.rows(r, "2", CDM.labResults), [], "hb 95 g/dL is out of the analyte's range: no value, no row")
        XCTAssertEqual(H.rows(r, "3", CDM.labResults).first?["value"], "95.0", "95 is a plausible platelet count")
        let out = Fixtures.events(r.audit, .valueOutOfRange)
        XCTAssertEqual(
            out.map(\.target),
            [
                "lab_results.value", "patients.bm_blasts_pct", "patients.hb_g_dl",
                "patients.hb_g_dl",
            ], "audit order: line 3's three, then line 4's")
        XCTAssertTrue(
            Fixtures.events(r.audit, .unitConverted).allSatisfy { $0.sourceValue == "95" },
            "only the converted value that stayed is counted")
    }
}
