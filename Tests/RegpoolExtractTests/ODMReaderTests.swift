import Foundation
import RegpoolExtract
import RegpoolModel
import XCTest

/// ODMReader on CDISC's and odmlib's ODM 1.3.2 files, checked against an independent xml.etree count.
final class ODMReaderTests: XCTestCase {
    /// One record as Tests/interop/odm_count.py counts it.
    private struct Counted: Decodable, Equatable {
        let subject: String?
        let event_repeat: String?
        let form_repeat: String?
        let group_repeat: String?
        let items: Int
        let nulls: Int
    }

    private let contextCount = 9

    func testEveryItemGroupMatchesAnIndependentCount() throws {
        guard let dir = sharedTestData("odm") else {
            throw XCTSkip("Tests/Fixtures/corpora/odm is absent; skipping ODM")
        }
        for name in ["cdisc-hypercholesterolemia-crf-1.3.2.xml", "odmlib-odm-data-snapshot.xml"] {
            let path = dir.appendingPathComponent(name).path
            let expected = try pythonCount(path)
            XCTAssertFalse(expected.isEmpty, name)
            var records = 0
            var values = 0
            for oid in expected.keys.sorted() {
                let got = try readODM(path, oid).map(counted)
                XCTAssertEqual(got, expected[oid], "\(name) \(oid)")
                records += got.count
                values += got.map(\.items).reduce(0, +)
            }
            print("ODM \(name): \(expected.count) item groups, \(records) records, \(values) ItemData values")
        }
    }

    func testCodedItemsCarryTheirDecode() throws {
        guard let dir = sharedTestData("odm") else {
            throw XCTSkip("Tests/Fixtures/corpora/odm is absent; skipping ODM")
        }
        let matrix = try readODM(
            dir.appendingPathComponent("cdisc-hypercholesterolemia-crf-1.3.2.xml").path,
            "IG.MH_TERM_FAMILY_RELATIONSHIP")
        let first = try XCTUnwrap(matrix.first)
        XCTAssertEqual(first.string("I.MHFATHER"), "Y")
        XCTAssertEqual(first.string("I.MHFATHER#decode"), "Yes")
        XCTAssertEqual(first.string("I.MHSONS"), "NA")
        XCTAssertEqual(first.string("@SubjectKey"), "001")
        XCTAssertEqual(first.string("@StudyOID"), "MATRIX EXAMPLE")
        XCTAssertNil(first.string("@FormOID"))
        XCTAssertEqual(
            first.locator,
            "/ODM[1]/Study[1]/ClinicalData[1]/SubjectData[1]/StudyEventData[1]/ItemGroupData[1]/ItemGroupData[1]")

        let snapshot = try readODM(dir.appendingPathComponent("odmlib-odm-data-snapshot.xml").path, "IG.DM")
        let dm = try XCTUnwrap(snapshot.first)
        XCTAssertEqual(dm.string("IT.SEX"), "Male")
        XCTAssertEqual(dm.string("IT.SEX#decode"), "Male")
        XCTAssertEqual(dm.string("IT.BRTHDAT"), "1966-02-10")
        XCTAssertNil(dm.names.index(of: "IT.BRTHDAT#decode"), "IT.BRTHDAT has no CodeList")
        XCTAssertEqual(dm.string("@SubjectKey"), "SS_0001")
        XCTAssertEqual(dm.string("@FormOID"), "DM")
        XCTAssertEqual(
            dm.locator, "/ODM[1]/ClinicalData[1]/SubjectData[1]/StudyEventData[1]/FormData[1]/ItemGroupData[1]")
    }

    func testNullsTypedItemsLanguagesAndRepeatKeys() throws {
        let scratch = try Scratch()
        let path = try scratch.write("study.xml", Self.smallODM)
        var metaData: [String: ODMMetaData] = [:]
        var records: [SourceRecord] = []
        metaData = try ODMReader(path: path, displayName: "study.xml", spec: ODMSourceSpec(itemGroupOID: "IG.TX")).read
        {
            if case .record(let r) = $0 { records.append(r) }
        }
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records.map { $0.string("@ItemGroupRepeatKey") }, ["1", "2"])
        XCTAssertEqual(records[0].string("IT.RESP"), "2")
        XCTAssertEqual(records[0].string("IT.RESP#decode"), "partielle Remission")
        XCTAssertNotNil(records[1].names.index(of: "IT.RESP"))
        XCTAssertNil(records[1].string("IT.RESP"), "IsNull=Yes is absent")
        XCTAssertNil(records[1].string("IT.RESP#decode"))
        XCTAssertEqual(records[1].string("IT.DOSE"), "10")
        XCTAssertEqual(records[0].line, 20)
        XCTAssertTrue(records[0].names === records[0].names)
        XCTAssertEqual(metaData["MDV.1"]?.items["IT.DOSE"]?.dataType, "integer")
        XCTAssertEqual(metaData["MDV.1"]?.decode("1", item: "IT.RESP"), "komplette Remission")
    }

    func testSmallInternalEntitiesResolveInODM() throws {
        let scratch = try Scratch()
        let text = Self.smallODM
            .replacingOccurrences(
                of: "?>\n<ODM",
                with: "?>\n<!DOCTYPE ODM [<!ENTITY pr \"partielle Remission\"><!ENTITY ten \"10\">]>\n<ODM"
            )
            .replacingOccurrences(of: ">partielle Remission<", with: ">&pr;<")
            .replacingOccurrences(of: ">10</ItemDataInteger>", with: ">&ten;</ItemDataInteger>")
        XCTAssertTrue(text.contains("&pr;") && text.contains("&ten;") && text.contains("<!DOCTYPE"))
        let records = try readODM(try scratch.write("e.xml", text), "IG.TX")
        XCTAssertEqual(records.map { $0.string("IT.RESP#decode") }, ["partielle Remission", nil])
        XCTAssertEqual(records.map { $0.string("IT.DOSE") }, ["5", "10"])
    }

    func testDoctypeAndForeignRootFailTheFile() throws {
        let scratch = try Scratch()
        let doctype = try scratch.write(
            "d.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY % x \"y\">]>\n<ODM/>\n")
        XCTAssertThrowsError(try readODM(doctype, "IG.X")) {
            XCTAssertTrue("\($0)".contains("entity '%x' is a parameter entity"), "\($0)")
        }
        let harmless = try scratch.write(
            "h.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE ODM [<!ENTITY x \"y\">]>\n<ODM/>\n")
        XCTAssertEqual(try readODM(harmless, "IG.X").count, 0)
        let foreign = try scratch.write("f.xml", "<registry><patient/></registry>\n")
        XCTAssertThrowsError(try readODM(foreign, "IG.X")) {
            XCTAssertTrue("\($0)".contains("not a CDISC ODM"), "\($0)")
        }
        let cut = try scratch.write("c.xml", String(Self.smallODM.prefix(900)))
        XCTAssertThrowsError(try readODM(cut, "IG.TX")) { XCTAssertTrue("\($0)".contains("c.xml"), "\($0)") }
    }

    private func readODM(_ path: String, _ oid: String) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        try ODMReader(
            path: path, displayName: (path as NSString).lastPathComponent, spec: ODMSourceSpec(itemGroupOID: oid)
        )
        .read { if case .record(let r) = $0 { records.append(r) } }
        return records
    }

    /// The record as the Python script counts it: item fields are every name that is neither context nor decode.
    private func counted(_ r: SourceRecord) -> Counted {
        let items = r.names.names.indices.dropFirst(contextCount).filter { !r.names.names[$0].hasSuffix("#decode") }
        return Counted(
            subject: r.string("@SubjectKey"), event_repeat: r.string("@StudyEventRepeatKey"),
            form_repeat: r.string("@FormRepeatKey"), group_repeat: r.string("@ItemGroupRepeatKey"),
            items: items.count, nulls: items.filter { r.bytes(at: $0) == nil }.count)
    }

    private func pythonCount(_ path: String) throws -> [String: [Counted]] {
        let env = ProcessInfo.processInfo.environment
        let candidates = [env["REGPOOL_PYTHON"], "/usr/bin/python3"].compactMap { $0 }
        guard let python = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if env["REGPOOL_REQUIRE_INTEROP"] == "1" { XCTFail("no Python for Tests/interop/odm_count.py") }
            throw XCTSkip("no Python for Tests/interop/odm_count.py")
        }
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("interop/odm_count.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "odm_count.py failed")
        return try JSONDecoder().decode([String: [Counted]].self, from: data)
    }

    private static let smallODM = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2" FileType="Snapshot" FileOID="F1">
          <Study OID="S1">
            <MetaDataVersion OID="MDV.1" Name="v1">
              <ItemDef OID="IT.RESP" Name="Ansprechen" DataType="text"><CodeListRef CodeListOID="CL.RESP"/></ItemDef>
              <ItemDef OID="IT.DOSE" Name="Dosis" DataType="integer"/>
              <CodeList OID="CL.RESP" Name="Ansprechen" DataType="text">
                <CodeListItem CodedValue="1"><Decode><TranslatedText xml:lang="de">komplette Remission</TranslatedText></Decode></CodeListItem>
                <CodeListItem CodedValue="2"><Decode>
                  <TranslatedText xml:lang="fr">rémission partielle</TranslatedText>
                  <TranslatedText xml:lang="en">partielle Remission</TranslatedText>
                </Decode></CodeListItem>
              </CodeList>
            </MetaDataVersion>
          </Study>
          <ClinicalData StudyOID="S1" MetaDataVersionOID="MDV.1">
            <SubjectData SubjectKey="P01">
              <StudyEventData StudyEventOID="SE.FU" StudyEventRepeatKey="1">
                <FormData FormOID="F.TX">
                  <ItemGroupData ItemGroupOID="IG.TX" ItemGroupRepeatKey="1">
                    <ItemData ItemOID="IT.RESP" Value="2"/>
                    <ItemDataInteger ItemOID="IT.DOSE">5</ItemDataInteger>
                  </ItemGroupData>
                  <ItemGroupData ItemGroupOID="IG.OTHER"><ItemData ItemOID="IT.RESP" Value="1"/></ItemGroupData>
                  <ItemGroupData ItemGroupOID="IG.TX" ItemGroupRepeatKey="2">
                    <ItemData ItemOID="IT.RESP" IsNull="Yes"/>
                    <ItemDataInteger ItemOID="IT.DOSE">10</ItemDataInteger>
                  </ItemGroupData>
                </FormData>
              </StudyEventData>
            </SubjectData>
          </ClinicalData>
        </ODM>

        """
}
