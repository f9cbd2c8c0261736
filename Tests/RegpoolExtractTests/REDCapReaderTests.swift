import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// A REDCap export ("raw" codes) of an MDS programme, with its data dictionary.
final class REDCapReaderTests: XCTestCase {
    static let dictionaryHeader =
        "Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"
        + "\"Choices, Calculations, OR Slider Labels\",Field Note,Text Validation Type OR Show Slider Number\n"
    static let dictionary =
        dictionaryHeader
        + "record_id,demographics,,text,Record ID,,,\n"
        + "sex,demographics,,radio,Sex,\"1, Male | 2, Female\",,\n"
        + "len_combined,len_course,,radio,Another drug with LEN?,\"1, No | 2, Yes, with ESA | 3, Yes, with HMA\",,\n"
        + "rbc_td,baseline,,yesno,RBC transfusion dependent?,,,\n"
        + "anemia_ok,baseline,,truefalse,Anaemia confirmed,,,\n"
        + "prior_tx,baseline,,checkbox,Treatment before LEN,\"1, ESA | 2, HMA | 3, Other\",,\n"
        + "hb_g_dl,baseline,,text,Haemoglobin (g/dL),,,number\n"
        + "bmi_calc,baseline,,calc,BMI,\"[weight]/([height]*[height])\",,\n"
        + "tl_category,treatment_lines,,dropdown,Category,\"1, Best supportive care | 2, Hypomethylating agent\",,\n"
    static let data =
        "record_id,redcap_repeat_instrument,redcap_repeat_instance,sex,len_combined,rbc_td,anemia_ok,"
        + "prior_tx___1,prior_tx___2,prior_tx___3,hb_g_dl,tl_category\n"
        + "TOR-001,,,2,2,1,1,1,1,0,8.4,\n"  // line 2
        + "TOR-001,treatment_lines,1,,,,,,,,,2\n"  // line 3
        + "TOR-001,treatment_lines,2,,,,,,,,,1\n"  // line 4
        + "TOR-002,,,1,1,0,0,0,0,0,10.1,\n"  // line 5
        + "TOR-003,,,9,3,,,0,0,1,9.0,\n"  // line 6: sex code 9 is not in the dictionary
        + "TOR-003,adverse_events,1,,,,,,,,,\n"  // line 7: another instrument

    private func read(
        _ spec: REDCapSourceSpec, data: String = data, dictionary: String = dictionary
    )
        throws -> (Extracted, REDCapReadSummary)
    {
        let s = try Scratch()
        let dataPath = try s.write("MDSLEN_DATA_2026-11-21_1200.csv", data)
        let dictPath = try s.write("MDSLEN_DataDictionary_2026-11-21.csv", dictionary)
        var out = Extracted()
        let summary = try REDCapReader(
            path: dataPath, displayName: "MDSLEN_DATA_2026-11-21_1200.csv",
            dictionaryPath: dictPath, spec: spec
        ).read { out.add($0) }
        return (out, summary)
    }

    func testDictionaryChoicesKeepCommasInLabelsAndFixedTypes() throws {
        let s = try Scratch()
        let path = try s.write("dict.csv", Self.dictionary)
        let d = try REDCapDictionary.read(path: path, displayName: "dict.csv")
        XCTAssertEqual(
            d.variables.map(\.name),
            [
                "record_id", "sex", "len_combined", "rbc_td", "anemia_ok", "prior_tx",
                "hb_g_dl", "bmi_calc", "tl_category",
            ])
        XCTAssertEqual(
            d.variable("len_combined")?.choices,
            [
                REDCapChoice(code: "1", label: "No"), REDCapChoice(code: "2", label: "Yes, with ESA"),
                REDCapChoice(code: "3", label: "Yes, with HMA"),
            ])
        XCTAssertEqual(d.variable("rbc_td")?.label(of: "1"), "Yes")
        XCTAssertEqual(d.variable("rbc_td")?.label(of: "0"), "No")
        XCTAssertEqual(d.variable("anemia_ok")?.label(of: "0"), "False")
        XCTAssertEqual(d.variable("prior_tx")?.fieldType, "checkbox")
        XCTAssertEqual(d.variable("prior_tx")?.choices.map(\.label), ["ESA", "HMA", "Other"])
        XCTAssertEqual(d.variable("bmi_calc")?.choices, [], "a calculation is not a list of choices")
        XCTAssertNil(d.variable("weight"))
    }

    func testBaseRowsGetLabelsAndCheckboxJoin() throws {
        let (got, summary) = try read(REDCapSourceSpec(dictionary: "*_DataDictionary_*.csv"))
        XCTAssertEqual(got.records.map { $0.string("record_id") }, ["TOR-001", "TOR-002", "TOR-003"])
        XCTAssertEqual(got.records.map(\.locator), ["line 2", "line 5", "line 6"])
        let first = got.rows[0]
        XCTAssertEqual(first["sex"], "2", "the code as sent stays")
        XCTAssertEqual(first["sex#label"], "Female")
        XCTAssertEqual(first["len_combined#label"], "Yes, with ESA")
        XCTAssertEqual(first["rbc_td#label"], "Yes")
        XCTAssertEqual(first["anemia_ok#label"], "True")
        XCTAssertEqual(first["prior_tx"], "ESA; HMA")
        XCTAssertEqual(first["prior_tx___1"], "1")
        XCTAssertEqual(first["hb_g_dl"], "8.4")
        XCTAssertNil(first["hb_g_dl#label"] ?? nil, "a text field gets no label")
        XCTAssertEqual(first["tl_category#label"], "", "an empty code gives an empty label")
        XCTAssertEqual(got.rows[1]["prior_tx"], "", "nothing checked")
        XCTAssertEqual(got.rows[1]["rbc_td#label"], "No")
        XCTAssertEqual(got.rows[2]["prior_tx"], "Other")
        XCTAssertEqual(summary.skippedRows, 3, "two treatment_lines rows and one adverse_events row")
    }

    func testUnknownCodeKeepsTheCodeAndIsCounted() throws {
        let (got, summary) = try read(REDCapSourceSpec(dictionary: "*_DataDictionary_*.csv"))
        XCTAssertEqual(got.rows[2]["sex"], "9")
        XCTAssertEqual(got.rows[2]["sex#label"], "9", "the mapping will not find the code among its labels: T3001")
        XCTAssertEqual(got.rows[2]["len_combined#label"], "Yes, with HMA")
        XCTAssertEqual(summary.unknownCodes, 1)
        XCTAssertEqual(summary.firstUnknownCode, "line 6, sex = 9")
    }

    func testRepeatingInstrumentRowsOnly() throws {
        let (got, summary) = try read(
            REDCapSourceSpec(dictionary: "*_DataDictionary_*.csv", instrument: "treatment_lines"))
        XCTAssertEqual(got.records.map(\.locator), ["line 3", "line 4"])
        XCTAssertEqual(got.rows.map { $0["redcap_repeat_instance"] }, ["1", "2"])
        XCTAssertEqual(got.rows.map { $0["tl_category#label"] }, ["Hypomethylating agent", "Best supportive care"])
        XCTAssertEqual(
            got.records[0].sha256, sha256Hex("TOR-001,treatment_lines,1,,,,,,,,,2"), "hash of the row as sent")
        XCTAssertEqual(summary.skippedRows, 4)
    }

    func testInstrumentWithoutRepeatColumnIsAnError() throws {
        let data = "record_id,sex\nTOR-001,1\n"
        XCTAssertThrowsError(try read(REDCapSourceSpec(dictionary: "x", instrument: "treatment_lines"), data: data)) {
            error in
            let e = error as? ExtractError
            XCTAssertEqual(e?.file, "MDSLEN_DATA_2026-11-21_1200.csv")
            XCTAssertTrue(e?.message.contains("redcap_repeat_instrument") ?? false, "\(error)")
        }
        let (got, _) = try read(REDCapSourceSpec(dictionary: "x"), data: data)
        XCTAssertEqual(got.rows.map { $0["sex#label"] }, ["Male"], "without the column every row is a base row")
    }

    func testMalformedChoiceNamesDictionaryLineAndColumn() throws {
        let bad =
            Self.dictionaryHeader
            + "record_id,demographics,,text,Record ID,,,\n"
            + "sex,demographics,,radio,Sex,\"1, Male | 2 Female\",,\n"
        XCTAssertThrowsError(try read(REDCapSourceSpec(dictionary: "x"), dictionary: bad)) { error in
            let e = error as? ExtractError
            XCTAssertEqual(e?.file, "MDSLEN_DataDictionary_2026-11-21.csv")
            XCTAssertEqual(e?.line, 3)
            XCTAssertEqual(e?.column, 6)
            XCTAssertEqual(e?.message, "variable 'sex' (radio): choice '2 Female' has no comma between code and label")
            XCTAssertTrue(e?.hint.contains("1, Male | 2, Female") ?? false)
        }
    }

    func testDuplicateCodeAndEmptyChoicesAreErrors() throws {
        let dup = Self.dictionaryHeader + "sex,demographics,,radio,Sex,\"1, Male | 1, Female\",,\n"
        XCTAssertThrowsError(try read(REDCapSourceSpec(dictionary: "x"), dictionary: dup)) { error in
            XCTAssertEqual((error as? ExtractError)?.message, "variable 'sex' (radio): code '1' is listed twice")
        }
        let empty = Self.dictionaryHeader + "prior_tx,baseline,,checkbox,Prior,,,\n"
        XCTAssertThrowsError(try read(REDCapSourceSpec(dictionary: "x"), dictionary: empty)) { error in
            XCTAssertEqual((error as? ExtractError)?.line, 2)
            XCTAssertEqual((error as? ExtractError)?.message, "variable 'prior_tx' (checkbox): no choices are listed")
        }
    }

    func testMissingDictionaryColumnAndFile() throws {
        let noType =
            "Variable / Field Name,Form Name,Field Label,\"Choices, Calculations, OR Slider Labels\"\n"
            + "sex,demographics,Sex,\"1, Male | 2, Female\"\n"
        XCTAssertThrowsError(try read(REDCapSourceSpec(dictionary: "x"), dictionary: noType)) { error in
            let e = error as? ExtractError
            XCTAssertEqual(e?.file, "MDSLEN_DataDictionary_2026-11-21.csv")
            XCTAssertEqual(e?.line, 1)
            XCTAssertTrue(e?.message.hasPrefix("the data dictionary has no column 'Field Type'") ?? false, "\(error)")
        }
        let s = try Scratch()
        let dataPath = try s.write("data.csv", Self.data)
        let reader = REDCapReader(
            path: dataPath, displayName: "data.csv", dictionaryPath: s.directory.path + "/gone.csv",
            spec: REDCapSourceSpec(dictionary: "gone.csv"))
        XCTAssertThrowsError(try reader.read { _ in }) { error in
            XCTAssertEqual((error as? ExtractError)?.file, "gone.csv")
        }
    }

    func testRaggedDictionaryRowIsAnError() throws {
        let ragged = Self.dictionaryHeader + "sex,demographics,,radio,Sex,\"1, Male | 2, Female\"\n"
        XCTAssertThrowsError(try read(REDCapSourceSpec(dictionary: "x"), dictionary: ragged)) { error in
            let e = error as? ExtractError
            XCTAssertEqual(e?.line, 2)
            XCTAssertTrue(
                e?.message.hasPrefix("data dictionary: line 2: 6 fields where the header has 8") ?? false, "\(error)")
        }
    }
}
