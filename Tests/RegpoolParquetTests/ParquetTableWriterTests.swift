import RegpoolModel
import XCTest

@testable import RegpoolParquet

/// File layout, determinism and errors of `ParquetTableWriter` (no external reader needed).
final class ParquetTableWriterTests: XCTestCase {
    let writer = ParquetTableWriter(createdBy: "regpool version 0.1.0 (build test)")

    func testFileStartsAndEndsWithMagicAndFooterLength() throws {
        let bytes = try writer.encode(ParquetFixtures.allTypes(rows: 20))
        XCTAssertEqual(Array(bytes.prefix(4)), Array("PAR1".utf8))
        XCTAssertEqual(Array(bytes.suffix(4)), Array("PAR1".utf8))
        let lengthBytes = bytes[(bytes.count - 8)..<(bytes.count - 4)]
        let footerLength = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
        XCTAssertGreaterThan(footerLength, 100)
        XCTAssertLessThan(footerLength, bytes.count - 12)
        // The footer is a struct whose first field is version (i32 field 1) = 1 → 0x15 0x02.
        let footerStart = bytes.count - 8 - footerLength
        XCTAssertEqual(Array(bytes[footerStart..<(footerStart + 2)]), [0x15, 0x02])
        XCTAssertEqual(bytes[bytes.count - 9], 0x00, "footer ends with STOP")
    }

    func testIdenticalInputGivesIdenticalBytes() throws {
        let table = ParquetFixtures.allTypes(rows: 300)
        let first = try writer.encode(table)
        let second = try ParquetTableWriter(createdBy: "regpool version 0.1.0 (build test)").encode(table)
        XCTAssertEqual(first, second)
        let other = try writer.encode(ParquetFixtures.allTypes(rows: 301))
        XCTAssertNotEqual(first, other)
    }

    func testRequiredColumnPageHasNoDefinitionLevels() throws {
        let schema = TableSchema(
            name: "t", meaning: "", naturalKey: [],
            columns: [ColumnSchema("n", .int32, required: true), ColumnSchema("m", .int32)])
        let table = TableData(schema: schema, rows: [[.int32(1), .int32(2)], [.int32(3), .null]])
        var required = ParquetColumnEncoder(table: table, columnIndex: 0)
        XCTAssertEqual(try required.encode().pageBody, [1, 0, 0, 0, 3, 0, 0, 0])
        var optional = ParquetColumnEncoder(table: table, columnIndex: 1)
        let page = try optional.encode()
        // Levels [1, 0]: 4-byte length 2, bit-packed header 0x03, bits 0b01; then the one value.
        XCTAssertEqual(page.pageBody, [2, 0, 0, 0, 0x03, 0x01, 2, 0, 0, 0])
        XCTAssertEqual(
            page.statistics,
            ParquetStatistics(nullCount: 1, minValue: [2, 0, 0, 0], maxValue: [2, 0, 0, 0], signedOrder: true))
    }

    func testBooleansAreBitPackedLSBFirst() throws {
        let schema = TableSchema(
            name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("b", .bool, required: true)])
        let values: [Bool] = [true, false, true, true, false, false, false, false, true]
        let table = TableData(schema: schema, rows: values.map { [.bool($0)] })
        var encoder = ParquetColumnEncoder(table: table, columnIndex: 0)
        let page = try encoder.encode()
        XCTAssertEqual(page.pageBody, [0b0000_1101, 0b0000_0001])
        XCTAssertEqual(page.statistics.minValue, [0])
        XCTAssertEqual(page.statistics.maxValue, [1])
    }

    func testNullInRequiredColumnNamesTableColumnAndRow() {
        let schema = CDM.patients
        var table = ParquetFixtures.cdmTable(schema, rows: 4)
        table.rows[2][0] = .null
        XCTAssertThrowsError(try writer.encode(table)) { error in
            let e = error as? ParquetWriteError
            XCTAssertEqual(e?.table, "patients")
            XCTAssertEqual(e?.column, "pooled_id")
            XCTAssertEqual(e?.row, 2)
            XCTAssertTrue("\(error)".contains("null in required column"), "\(error)")
        }
    }

    func testValueOfWrongCaseIsRejected() {
        var table = ParquetFixtures.allTypes(rows: 5)
        table.rows[3][4] = .string("2020-01-01")  // d_req is a date column
        XCTAssertThrowsError(try writer.encode(table)) { error in
            XCTAssertEqual(
                "\(error)",
                "cannot write Parquet for table 'all_types', column 'd_req', row index 3: value string "
                    + "\"2020-01-01\" does not fit column type date; the transform must produce .date values "
                    + "for this column")
        }
        var ints = ParquetFixtures.allTypes(rows: 5)
        ints.rows[1][9] = .int32(3)  // f_opt is double: no silent widening
        XCTAssertThrowsError(try writer.encode(ints)) { error in
            XCTAssertEqual((error as? ParquetWriteError)?.column, "f_opt")
        }
    }

    func testRowWithWrongWidthIsRejected() {
        var table = ParquetFixtures.allTypes(rows: 3)
        table.rows[1].removeLast()
        XCTAssertThrowsError(try writer.encode(table)) { error in
            XCTAssertEqual((error as? ParquetWriteError)?.row, 1)
        }
    }

    func testDoubleStatisticsIgnoreNaNAndWidenZeros() throws {
        let schema = TableSchema(name: "t", meaning: "", naturalKey: [], columns: [ColumnSchema("x", .double)])
        func stats(_ values: [Value]) throws -> ParquetStatistics {
            var encoder = ParquetColumnEncoder(
                table: TableData(schema: schema, rows: values.map { [$0] }), columnIndex: 0)
            return try encoder.encode().statistics
        }
        XCTAssertEqual(
            try stats([.double(.nan), .null]),
            ParquetStatistics(nullCount: 1, minValue: nil, maxValue: nil, signedOrder: true))
        let zeros = try stats([.double(0.0)])
        XCTAssertEqual(zeros.minValue, ParquetBytes.doubleLE(-0.0))
        XCTAssertEqual(zeros.maxValue, ParquetBytes.doubleLE(0.0))
        let mixed = try stats([.double(.nan), .double(3), .double(-1.5), .null])
        XCTAssertEqual(mixed.minValue, ParquetBytes.doubleLE(-1.5))
        XCTAssertEqual(mixed.maxValue, ParquetBytes.doubleLE(3))
    }
}
