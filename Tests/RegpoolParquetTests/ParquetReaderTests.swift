import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// Files written by `ParquetTableWriter` read back by `ParquetFileReader`, value for value.
final class ParquetReaderTests: XCTestCase {
    let writer = ParquetTableWriter(
        createdBy: "regpool version 0.1.0 (build test)",
        keyValueMetadata: [(key: "regpool.cdm_version", value: "1")])

    private func roundTrip(_ table: TableData, file: StaticString = #filePath, line: UInt = #line) throws {
        let bytes = try writer.encode(table)
        let read = try ParquetReaderCheck.read(bytes, as: table.schema)
        ParquetReaderCheck.assertSame(read, table, file: file, line: line)
    }

    func testEveryCDMTableRoundTrips() throws {
        for schema in CDM.tables {
            try roundTrip(ParquetReaderFixtures.cdmTable(schema, rows: 40))
        }
    }

    func testEveryCDMTableRoundTripsEmpty() throws {
        for schema in CDM.tables {
            let read = try ParquetReaderCheck.read(try writer.encode(TableData(schema: schema)), as: schema)
            XCTAssertEqual(read.rows.count, 0, schema.name)
            XCTAssertEqual(read.schema, schema)
        }
    }

    func testHandWrittenPatientsKeepEveryValue() throws {
        let read = try ParquetReaderCheck.read(try writer.encode(ParquetReaderFixtures.patients), as: CDM.patients)
        ParquetReaderCheck.assertSame(read, ParquetReaderFixtures.patients)
        XCTAssertEqual(read.rows.count, 4)
        XCTAssertEqual(read.rows[0][2], .int32(1948))
        XCTAssertEqual(read.rows[0][6], .date(12_053))
        XCTAssertEqual(read.rows[1][6].dateValue.map { CivilDate(days: $0).iso }, "1969-12-31")
        XCTAssertEqual(read.rows[2][6].dateValue.map { CivilDate(days: $0).iso }, "1900-01-01")
        XCTAssertEqual(read.rows[1][15].doubleValue?.bitPattern, 0x8000_0000_0000_0000, "-0.0 stays negative")
        XCTAssertEqual(read.rows[2][17].doubleValue?.bitPattern, 0xFFF8_0000_0000_0000, "negative NaN keeps its sign")
        XCTAssertEqual(read.rows[2][15], .double(.infinity))
        XCTAssertEqual(read.rows[2][16], .double(-.infinity))
        XCTAssertEqual(read.rows[3][1], .string("female"))
        XCTAssertEqual(read.rows[3][20], .null)
        XCTAssertEqual(read.rows[3][12].stringValue?.utf8.count, ParquetFixtures.long.utf8.count)
    }

    func testNFCAndNFDSpellingsStayDistinctBytes() throws {
        let schema = TableSchema(
            name: "accents", meaning: "", naturalKey: [],
            columns: [ColumnSchema("name", .string, required: true), ColumnSchema("alias", .string)])
        let table = TableData(
            schema: schema,
            rows: [
                [.string(ParquetFixtures.nfc), .string(ParquetFixtures.nfd)],
                [.string(ParquetFixtures.nfd), .null],
            ])
        let read = try ParquetReaderCheck.read(try writer.encode(table), as: schema)
        XCTAssertEqual(read.rows[0][0].stringValue.map { Array($0.utf8) }, [0x63, 0x61, 0x66, 0xC3, 0xA9])
        XCTAssertEqual(read.rows[0][1].stringValue.map { Array($0.utf8) }, [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81])
        XCTAssertEqual(read.rows[1][0].stringValue.map { Array($0.utf8) }, [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81])
        XCTAssertEqual(read.rows[1][1], .null)
    }

    func testEveryTypeWithAwkwardValuesAndNullRuns() throws {
        try roundTrip(ParquetFixtures.allTypes(rows: 1))
        try roundTrip(ParquetFixtures.allTypes(rows: 97))
        try roundTrip(ParquetFixtures.allTypes(rows: 1200))
        try roundTrip(ParquetReaderFixtures.interopTable())
    }

    func testNaNBitPatternsAreKeptAsWritten() throws {
        let schema = TableSchema(name: "nans", meaning: "", naturalKey: [], columns: [ColumnSchema("x", .double)])
        let patterns: [UInt64] = [
            0x7FF8_0000_0000_0000, 0xFFF8_0000_0000_0000, 0x7FF4_0000_0000_0ABC, 0x7FF0_0000_0000_0001,
        ]
        let table = TableData(schema: schema, rows: patterns.map { [.double(Double(bitPattern: $0))] } + [[.null]])
        let read = try ParquetReaderCheck.read(try writer.encode(table), as: schema)
        XCTAssertEqual(read.rows.map { $0[0].doubleValue?.bitPattern }, patterns + [nil])
    }

    func testSchemaColumnsReportNamesAndStorageTypes() throws {
        let reader = ParquetFileReader(bytes: try writer.encode(TableData(schema: CDM.transplants)), file: "t.parquet")
        let columns = try reader.schemaColumns()
        XCTAssertEqual(
            columns.map(\.name),
            ["pooled_id", "transplant_date", "donor_type", "conditioning", "directly_after_len", "relapse_date"])
        XCTAssertEqual(columns.map(\.type), [.string, .date, .string, .string, .bool, .date])
    }

    func testEnumerationValuesAreNotRevalidated() throws {
        let schema = TableSchema(
            name: "t", meaning: "", naturalKey: [],
            columns: [ColumnSchema("sex", .enumeration(["male", "female"]), required: true)])
        let table = TableData(schema: schema, rows: [[.string("unknown-token")]])
        let read = try ParquetReaderCheck.read(try writer.encode(table), as: schema)
        XCTAssertEqual(read.rows[0][0], .string("unknown-token"))
    }

    func testOptionalFileColumnReadsIntoRequiredColumnWhenItHasNoNull() throws {
        let optional = TableSchema(name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("n", .int32)])
        let required = TableSchema(
            name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("n", .int32, required: true)])
        let full = try writer.encode(TableData(schema: optional, rows: [[.int32(4)], [.int32(-5)]]))
        XCTAssertEqual(try ParquetReaderCheck.read(full, as: required).rows, [[.int32(4)], [.int32(-5)]])
        let holed = try writer.encode(TableData(schema: optional, rows: [[.int32(4)], [.null]]))
        let error = ParquetReaderCheck.error { try ParquetReaderCheck.read(holed, as: required) }
        XCTAssertEqual(error?.column, "n")
        XCTAssertEqual(error?.row, 1)
    }
}
