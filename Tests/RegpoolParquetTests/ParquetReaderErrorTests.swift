import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// Bad files and mismatched schemas: every error names the file, the byte offset, the column
/// when there is one, what is wrong and how to fix it.
final class ParquetReaderErrorTests: XCTestCase {
    let writer = ParquetTableWriter(createdBy: "regpool version 0.1.0 (build test)")
    lazy var patients: [UInt8] = try! writer.encode(ParquetReaderFixtures.patients)

    private func error(
        _ bytes: [UInt8], as schema: TableSchema = CDM.patients, file: String = "build/patients.parquet",
        line: UInt = #line
    ) -> ParquetReadError? {
        ParquetReaderCheck.error(line: line) { try ParquetFileReader(bytes: bytes, file: file).read(as: schema) }
    }

    func testBadMagicNamesTheFileAndOffsetZero() throws {
        var bytes = patients
        bytes[0...3] = [0x50, 0x4B, 0x03, 0x04]  // a ZIP file
        let e = try XCTUnwrap(error(bytes))
        XCTAssertEqual(e.file, "build/patients.parquet")
        XCTAssertEqual(e.offset, 0)
        XCTAssertNil(e.column)
        XCTAssertTrue(e.problem.contains("PAR1"), e.description)
        XCTAssertTrue(
            e.description.hasPrefix("cannot read Parquet file 'build/patients.parquet' at byte 0: "), e.description)
    }

    func testMissingTrailingMagicNamesTheLastFourBytes() throws {
        let bytes = Array(patients.dropLast(1))
        let e = try XCTUnwrap(error(bytes))
        XCTAssertEqual(e.offset, bytes.count - 4)
        XCTAssertTrue(e.problem.contains("does not end with"), e.description)
        XCTAssertTrue(e.fix.contains("rerun the build"), e.description)
    }

    func testFooterLengthPastTheFileNamesTheLengthField() throws {
        var bytes = patients
        bytes[bytes.count - 8..<bytes.count - 4] = [0x00, 0x00, 0x01, 0x00]  // 65,536 bytes
        let e = try XCTUnwrap(error(bytes))
        XCTAssertEqual(e.offset, bytes.count - 8)
        XCTAssertTrue(e.problem.contains("footer length 65536"), e.description)
    }

    func testTooShortFile() throws {
        let e = try XCTUnwrap(error(Array("PAR1PAR1".utf8)))
        XCTAssertEqual(e.offset, 0)
        XCTAssertTrue(e.problem.contains("8 bytes long"), e.description)
    }

    func testColumnNameMismatchNamesTheColumnAndTheTableToReadItAs() throws {
        let e = try XCTUnwrap(error(patients, as: CDM.lenCourses))
        XCTAssertEqual(e.column, "sex")
        XCTAssertNotNil(e.offset)
        XCTAssertEqual(e.problem, "column 2 is 'sex'; table 'len_courses' expects 'course_number' there")
        XCTAssertTrue(e.fix.contains("rebuild it with this regpool version"), e.description)
    }

    func testColumnTypeMismatchNamesStorageAndTheFix() throws {
        let doubled = TableSchema(
            name: "patients", meaning: "", naturalKey: [],
            columns: CDM.patients.columns.map {
                $0.name == "birth_year" ? ColumnSchema("birth_year", .double) : $0
            })
        let rows = ParquetReaderFixtures.patients.rows.map { row in
            row.enumerated().map { $0 == 2 ? Value.double(1948.5) : $1 }
        }
        let e = try XCTUnwrap(error(try writer.encode(TableData(schema: doubled, rows: rows))))
        XCTAssertEqual(e.column, "birth_year")
        XCTAssertEqual(e.problem, "the column is stored as DOUBLE; its CDM type in table 'patients' is int32")
        XCTAssertEqual(e.fix, "write it as INT32 (pyarrow: pa.int32())")
    }

    func testEnumerationStoredAsDateIsRefused() throws {
        let schema = TableSchema(name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("sex", .date)])
        let bytes = try writer.encode(TableData(schema: schema, rows: [[.date(3)]]))
        let wanted = TableSchema(
            name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("sex", .enumeration(["male"]))])
        let e = try XCTUnwrap(error(bytes, as: wanted))
        XCTAssertEqual(e.problem, "the column is stored as INT32 (DATE); its CDM type in table 't' is enum")
        XCTAssertTrue(e.fix.contains("pa.string()"), e.description)
    }

    func testMissingAndExtraColumns() throws {
        let shorter = TableSchema(
            name: "patients", meaning: "", naturalKey: [], columns: Array(CDM.patients.columns.dropLast()))
        let extra = try XCTUnwrap(error(patients, as: shorter))
        XCTAssertEqual(extra.column, "prior_hma")
        XCTAssertTrue(extra.problem.contains("'prior_hma' is extra"), extra.description)
        let longer = TableSchema(
            name: "patients", meaning: "", naturalKey: [],
            columns: CDM.patients.columns + [ColumnSchema("ecog", .int32)])
        let missing = try XCTUnwrap(error(patients, as: longer))
        XCTAssertEqual(missing.column, "ecog")
        XCTAssertTrue(missing.problem.contains("the file has 21 columns"), missing.description)
    }

    // MARK: hand-made files

    let riskSchema = TableSchema(name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("x", .string)])
    let countSchema = TableSchema(name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("x", .int32)])

    /// A dictionary ["low", "high", "café"] and two RLE_DICTIONARY pages: bit-packed, then one RLE run.
    func dictionaryFile() -> ParquetHandMadeFile {
        ParquetHandMadeFile(
            physical: 6, convertedType: 0, rows: 9,
            pages: [
                .dictionary(ParquetHandMadeFile.plainStrings(["low", "high", "caf\u{E9}"]), values: 3),
                // levels 1,1,0,1,1,1 bit-packed; indexes 2,0,1,1,0 at bit width 2.
                .v1([2, 0, 0, 0, 0x03, 0x3B, 0x02, 0x03, 0x52, 0x00], values: 6, encoding: 8),
                // levels: an RLE run of three 1s; indexes: an RLE run of three 1s.
                .v1([2, 0, 0, 0, 0x06, 0x01, 0x02, 0x06, 0x01], values: 3, encoding: 8),
            ])
    }

    func testDictionaryPagesDecodeToTheHandWrittenValues() throws {
        let read = try ParquetReaderCheck.read(dictionaryFile().bytes(), as: riskSchema)
        XCTAssertEqual(
            read.rows.map { $0[0] },
            [
                .string("caf\u{E9}"), .string("low"), .null, .string("high"), .string("high"), .string("low"),
                .string("high"), .string("high"), .string("high"),
            ])
    }

    func testDataPageV2DecodesLevelsAndValues() throws {
        let body: [UInt8] = [0x03, 0x05] + ParquetHandMadeFile.plainInt32([7, -3])
        let file = ParquetHandMadeFile(rows: 3, pages: [.v2(body, values: 3, nulls: 1, levelsLength: 2)])
        XCTAssertEqual(
            try ParquetReaderCheck.read(file.bytes(), as: countSchema).rows, [[.int32(7)], [.null], [.int32(-3)]])
        let lying = ParquetHandMadeFile(rows: 3, pages: [.v2(body, values: 3, nulls: 2, levelsLength: 2)])
        let e = try XCTUnwrap(error(lying.bytes(), as: countSchema))
        XCTAssertTrue(e.problem.contains("hold 1 nulls, the header says 2"), e.description)
    }

    func testUnsupportedCodecNamesItAndSaysHowToAvoidIt() throws {
        var file = dictionaryFile()
        file.codec = 4
        let e = try XCTUnwrap(error(file.bytes(), as: riskSchema))
        XCTAssertEqual(e.column, "x")
        XCTAssertEqual(e.problem, "the column is compressed with BROTLI, which this reader does not support")
        XCTAssertTrue(e.fix.contains("ZSTD, SNAPPY, GZIP"), e.description)
        XCTAssertNotNil(e.offset)
    }

    func testUnsupportedEncodingNamesIt() throws {
        let file = ParquetHandMadeFile(
            repetition: 0, rows: 2, pages: [.v1([0x80, 0x01, 0x04, 0x02, 0x0E], values: 2, encoding: 5)])
        let e = try XCTUnwrap(error(file.bytes(), as: countSchema))
        XCTAssertEqual(e.problem, "values encoded DELTA_BINARY_PACKED are not supported")
        XCTAssertEqual(e.offset, file.bytes().count - 8 - footerLength(file.bytes()) - 5)
        XCTAssertTrue(e.fix.contains("PLAIN or dictionary"), e.description)
    }

    func testPageChecksumsAreVerified() throws {
        let body = ParquetHandMadeFile.plainInt32([1, 2])
        var page = ParquetHandMadeFile.Page.v1(body, values: 2)
        page.crc = ParquetCRC32.checksum(body[...])
        XCTAssertEqual(ParquetCRC32.checksum(Array("123456789".utf8)[...]), 0xCBF4_3926)  // the standard check value
        let good = ParquetHandMadeFile(repetition: 0, rows: 2, pages: [page])
        XCTAssertEqual(try ParquetReaderCheck.read(good.bytes(), as: countSchema).rows, [[.int32(1)], [.int32(2)]])
        page.crc = page.crc! ^ 1
        let bad = ParquetHandMadeFile(repetition: 0, rows: 2, pages: [page])
        let e = try XCTUnwrap(error(bad.bytes(), as: countSchema))
        XCTAssertEqual(e.offset, 4)
        XCTAssertTrue(e.problem.contains("CRC-32"), e.description)
    }

    func testDictionaryIndexPastTheDictionary() throws {
        let file = ParquetHandMadeFile(
            physical: 6, convertedType: 0, rows: 1,
            pages: [
                .dictionary(ParquetHandMadeFile.plainStrings(["low"]), values: 1),
                .v1([2, 0, 0, 0, 0x02, 0x01, 0x02, 0x02, 0x03], values: 1, encoding: 8),
            ])
        let e = try XCTUnwrap(error(file.bytes(), as: riskSchema))
        XCTAssertEqual(e.problem, "dictionary index 3 past the dictionary's 1 values")
    }

    func testStringsMustBeUTF8() throws {
        let body: [UInt8] = [3, 0, 0, 0, 0x63, 0xC3, 0x28]
        let file = ParquetHandMadeFile(
            physical: 6, repetition: 0, convertedType: 0, rows: 1, pages: [.v1(body, values: 1)])
        let e = try XCTUnwrap(error(file.bytes(), as: riskSchema))
        XCTAssertEqual(e.problem, "a string value is not valid UTF-8")
        XCTAssertEqual(e.offset, 4 + ParquetHandMadeFile.Page.v1(body, values: 1).header().count + 4)
    }

    func testNestedAndRepeatedColumnsAreRefused() throws {
        var nested = ParquetHandMadeFile(rows: 0, pages: [])
        nested.group = "address"
        let e = try XCTUnwrap(error(nested.bytes(), as: countSchema))
        XCTAssertEqual(e.column, "address")
        XCTAssertTrue(e.fix.contains("flat tables only"), e.description)
        let repeated = ParquetHandMadeFile(repetition: 2, rows: 0, pages: [])
        let r = try XCTUnwrap(error(repeated.bytes(), as: countSchema))
        XCTAssertEqual(r.column, "x")
        XCTAssertTrue(r.problem.contains("repetition is 2"), r.description)
    }

    func testPagesMustMatchTheRowCount() throws {
        let tooMany = ParquetHandMadeFile(
            repetition: 0, rows: 1, pages: [.v1(ParquetHandMadeFile.plainInt32([1, 2]), values: 2)])
        XCTAssertNotNil(error(tooMany.bytes(), as: countSchema))
        let tooFew = ParquetHandMadeFile(
            repetition: 0, rows: 3, pages: [.v1(ParquetHandMadeFile.plainInt32([1, 2]), values: 2)])
        let e = try XCTUnwrap(error(tooFew.bytes(), as: countSchema))
        XCTAssertTrue(e.problem.contains("ends after 2 of its 3 values"), e.description)
    }

    func testSecondDictionaryPageIsRefused() throws {
        var file = dictionaryFile()
        file.pages.insert(file.pages[0], at: 1)
        let e = try XCTUnwrap(error(file.bytes(), as: riskSchema))
        XCTAssertTrue(e.problem.contains("a second dictionary page"), e.description)
    }

    func testAbsurdRowCountIsRefusedBeforeAllocating() throws {
        let file = ParquetHandMadeFile(rows: 1 << 40, pages: [.v1([2, 0, 0, 0, 0x80, 0x01], values: 0)])
        let e = try XCTUnwrap(error(file.bytes(), as: countSchema))
        XCTAssertTrue(e.problem.contains("more than this reader accepts"), e.description)
    }

    private func footerLength(_ bytes: [UInt8]) -> Int {
        let n = bytes.count
        return Int(bytes[n - 8]) | Int(bytes[n - 7]) << 8 | Int(bytes[n - 6]) << 16 | Int(bytes[n - 5]) << 24
    }
}
