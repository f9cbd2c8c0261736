import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

final class ValueMappingTests: XCTestCase {
    typealias F = Fixtures

    func testMapHitGivesTokenAndCountsValueMapped() {
        let rule = F.rule(
            "who_class", field: "OMS", map: [("AR", "ra"), ("5q-", "del5q_syndrome"), ("raeb1", "raeb1")])
        let names = FieldNames(["NUM_PATIENT", "OMS"])
        let src = F.source(tables: [("patients", [[rule]])])
        let records = [
            F.record("patients_2024.csv", line: 2, names, ["1", " 5q- "]),
            F.record("patients_2024.csv", line: 3, names, ["2", "5q-"]),
            F.record("patients_2024.csv", line: 4, names, ["3", "raeb1"]),
        ]
        let result = F.run(src, records)
        let who = CDM.patients.index(of: "who_class")!
        XCTAssertEqual(
            result.patients.map { $0.patients![who] },
            [.string("del5q_syndrome"), .string("del5q_syndrome"), .string("raeb1")])
        let mapped = F.events(result.audit, .valueMapped)
        XCTAssertEqual(mapped.count, 1, "identity map raeb1→raeb1 is not audited; 5q- is one summary line")
        XCTAssertEqual(mapped.first?.count, 2)
        XCTAssertEqual(mapped.first?.sourceValue, "5q-")
        XCTAssertEqual(mapped.first?.targetValue, "del5q_syndrome")
        XCTAssertEqual(mapped.first?.rule, "mappings/fr-lyon.yaml:20 patients.who_class")
    }

    func testUnmappedLabelIsNullAndAuditedOneByOne() {
        let rule = F.rule("sex", field: "SEXE", map: [("M", "male"), ("F", "female")], line: 24)
        let names = FieldNames(["NUM_PATIENT", "SEXE"])
        let src = F.source(tables: [("patients", [[rule, F.rule("birth_year", field: "NUM_PATIENT")]])])
        let result = F.run(
            src,
            [
                F.record("patients_2024.csv", line: 2, names, ["1001", "X"]),
                F.record("patients_2024.csv", line: 3, names, ["1002", "X"]),
            ])
        let sex = CDM.patients.index(of: "sex")!
        XCTAssertEqual(result.patients[0].patients?[sex], .null)
        let unmapped = F.events(result.audit, .valueUnmapped)
        XCTAssertEqual(unmapped.count, 2)
        let e = unmapped[0]
        XCTAssertEqual(e.centre, "fr-lyon")
        XCTAssertEqual(e.file, "patients_2024.csv")
        XCTAssertEqual(e.locator, "line 2")
        XCTAssertEqual(e.field, "SEXE")
        XCTAssertEqual(e.target, "patients.sex")
        XCTAssertEqual(e.sourceValue, "X")
        XCTAssertEqual(e.rule, "mappings/fr-lyon.yaml:24 patients.sex")
        XCTAssertTrue(e.message.contains("add \"X\" to the map in mappings/fr-lyon.yaml:24"), e.message)
    }

    func testNullMapTargetMeansUnknownWithoutAudit() {
        let r = F.mapOne(F.rule("therapy_related", field: "SEC", map: [("oui", "true"), ("inconnu", nil)]), "inconnu")
        XCTAssertEqual(r.value, .null)
        XCTAssertTrue(r.audit.events().filter { $0.code.stage == .transform }.isEmpty)
        XCTAssertEqual(
            F.mapOne(F.rule("therapy_related", field: "SEC", map: [("oui", "true")]), "oui").value, .bool(true))
    }

    func testMissingTokensAreSilentNulls() {
        for token in ["", "NA", " nd ", "   "] {
            let r = F.mapOne(F.rule("birth_year", field: "ANNEE"), token)
            XCTAssertEqual(r.value, .null, token)
            XCTAssertTrue(r.audit.events().isEmpty, "\(token): \(r.audit.events())")
        }
        XCTAssertEqual(F.mapOne(F.rule("birth_year", field: "ANNEE"), nil).value, .null, "absent field")
        // A rule's own list replaces the file's.
        let own = F.rule("birth_year", field: "ANNEE", missing: ["9999"])
        XCTAssertEqual(F.mapOne(own, "9999").value, .null)
        XCTAssertEqual(F.events(F.mapOne(own, "NA").audit, .valueInvalid).count, 1)
    }

    func testFieldNotInHeaderIsNull() {
        let names = FieldNames(["NUM_PATIENT", "SEXE"])
        let src = F.source(tables: [
            (
                "patients",
                [
                    [
                        F.rule("sex", field: "SEXE", map: [("M", "male")]),
                        F.rule("birth_year", field: "NOT_THERE"),
                    ]
                ]
            )
        ])
        let r = F.run(src, [F.record("p.csv", line: 2, names, ["1", "M"])])
        XCTAssertEqual(r.patients[0].patients?[CDM.patients.index(of: "birth_year")!], .null)
        XCTAssertEqual(
            r.audit.events().map(\.code), [.valueMapped], "only the sex label; nothing about the absent field")
    }

    func testDecimalCommaAndFactorWithUnitConvertedCount() {
        let rule = F.rule("hb_g_dl", field: "HB_G_L", decimal: ",", factor: 0.1, unit: "g/L")
        XCTAssertEqual(F.mapOne(rule, "102,5").value.doubleValue!, 10.25, accuracy: 1e-12)
        XCTAssertEqual(F.events(F.mapOne(rule, "10.5").audit, .valueInvalid).count, 1, "dot with a comma rule")
        XCTAssertEqual(F.events(F.mapOne(rule, "1.002,5").audit, .valueInvalid).count, 1, "no thousands separators")
        let names = FieldNames(["NUM_PATIENT", "HB_G_L"])
        let src = F.source(tables: [("patients", [[rule]])])
        let values = ["95", "95", "110,0", "NA", "abc"]
        let records = values.enumerated().map {
            F.record("p.csv", line: $0.offset + 2, names, ["\($0.offset)", $0.element])
        }
        let result = F.run(src, records)
        let converted = F.events(result.audit, .unitConverted)
        XCTAssertEqual(converted.map { $0.count ?? 0 }.reduce(0, +), 3, "one per converted value")
        XCTAssertEqual(converted.count, 2, "one line per distinct source value")
        XCTAssertEqual(converted.first { $0.sourceValue == "95" }?.targetValue, "9.5")
        XCTAssertTrue(
            converted.allSatisfy {
                $0.message.contains("g/L") && $0.rule == "mappings/fr-lyon.yaml:20 patients.hb_g_dl"
            })
        XCTAssertEqual(F.events(result.audit, .valueInvalid).count, 1)
    }

    func testTypedParseFailures() {
        let int = F.mapOne(F.rule("birth_year", field: "ANNEE"), "19x4")
        XCTAssertEqual(int.value, .null)
        XCTAssertEqual(F.events(int.audit, .valueInvalid).first?.sourceValue, "19x4")
        XCTAssertEqual(F.mapOne(F.rule("birth_year", field: "ANNEE"), " 1944 ").value, .int32(1944))
        XCTAssertEqual(F.events(F.mapOne(F.rule("birth_year", field: "ANNEE"), "1944.0").audit, .valueInvalid).count, 1)
        let bool = F.mapOne(F.rule("prior_esa", field: "ESA"), "oui")
        XCTAssertEqual(bool.value, .null)
        XCTAssertEqual(F.events(bool.audit, .valueUnmapped).count, 1)
        XCTAssertEqual(F.mapOne(F.rule("prior_esa", field: "ESA"), "false").value, .bool(false))
        let token = F.mapOne(F.rule("ipss_risk", field: "IPSS"), "INT-1")
        XCTAssertEqual(token.value, .null)
        let e = F.events(token.audit, .valueUnmapped).first
        XCTAssertEqual(e?.target, "patients.ipss_risk")
        XCTAssertTrue(e?.message.contains("low, int1, int2, high") ?? false)
        XCTAssertEqual(F.mapOne(F.rule("ipss_risk", field: "IPSS"), "int1").value, .string("int1"))
        let mappedToBadToken = F.mapOne(F.rule("ipss_risk", field: "IPSS", map: [("1", "int-1")]), "1")
        XCTAssertEqual(mappedToBadToken.value, .null)
        XCTAssertEqual(F.events(mappedToBadToken.audit, .valueUnmapped).first?.sourceValue, "1")
    }

    func testStringIsKeptAsSentAfterTrim() {
        XCTAssertEqual(
            F.mapOne(F.rule("karyotype_iscn", field: "ISCN"), "  46,XX,del(5)(q13q33)[20] ").value,
            .string("46,XX,del(5)(q13q33)[20]"))
    }

    func testConstantsAreTypedAndNotAudited() {
        let names = FieldNames(["NUM_PATIENT", "DATE_LEN", "HB"])
        let src = F.source(tables: [
            (
                "lab_results",
                [
                    [
                        F.rule("sample_date", field: "DATE_LEN", date: "dd/MM/yyyy"), F.constant("analyte", "hb"),
                        F.rule("value", field: "HB", decimal: ","),
                    ]
                ]
            )
        ])
        let r = F.run(src, [F.record("p.csv", line: 2, names, ["7", "03/04/2012", "9,1"])])
        let row = r.patients[0].rows("lab_results")[0]
        XCTAssertEqual(row[CDM.labResults.index(of: "analyte")!], .string("hb"))
        XCTAssertTrue(r.audit.events().isEmpty)
    }
}
