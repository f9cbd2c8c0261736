import RegpoolModel

@testable import RegpoolParquet

/// Tables for the Parquet reader tests: realistic CDM rows with the awkward values a reader must
/// keep exactly (NFC vs NFD bytes, negative dates, -0.0, infinities, NaN bit patterns).
enum ParquetReaderFixtures {
    static let negativeNaN = Double(bitPattern: 0xFFF8_0000_0000_0000)
    static let payloadNaN = Double(bitPattern: 0x7FF4_0000_0000_0ABC)

    static let strings = [
        "P-7f3a9c21e0", "Hôpital Saint-Louis", ParquetFixtures.nfc, ParquetFixtures.nfd, ParquetFixtures.long,
        "46,XY,del(5)(q13q33)[20]", "東京大学病院", "", "Zürich 😀",
    ]
    /// 2023-01-01, 1969-12-31, 1900-01-01, 1970-01-01, 2024-10-04, 0001-01-01, 9999-12-31.
    static let dates: [Int32] = [19_358, -1, -25_567, 0, 20_000, -719_162, 2_932_896]
    static let ints: [Int32] = [1, 2, 0, -1, Int32.max, Int32.min, 1948]
    static let doubles: [Double] = [
        -0.0, 0.0, 9.8, 123.456, .infinity, -.infinity, .nan, negativeNaN, payloadNaN, 1e-300,
        .greatestFiniteMagnitude, -.leastNonzeroMagnitude,
    ]

    /// `count` rows for `schema`: optional columns null where (row + column) % 3 == 0, and the
    /// last optional column null in every row.
    static func cdmTable(_ schema: TableSchema, rows count: Int) -> TableData {
        let allNull = schema.columns.lastIndex { !$0.required }
        let rows = (0..<count).map { r in
            schema.columns.enumerated().map { c, column -> Value in
                if !column.required && (c == allNull || (r + c) % 3 == 0) { return .null }
                return value(column.type, r + 2 * c)
            }
        }
        return TableData(schema: schema, rows: rows)
    }

    private static func value(_ type: ColumnType, _ k: Int) -> Value {
        switch type {
        case .string: return .string(strings[k % strings.count])
        case .enumeration(let tokens): return .string(tokens[k % tokens.count])
        case .date: return .date(dates[k % dates.count])
        case .int32: return .int32(ints[k % ints.count])
        case .double: return .double(doubles[k % doubles.count])
        case .bool: return .bool(k % 3 != 1)
        }
    }

    /// Four patients as the pipeline would pool them, written out by hand.
    static let patients = TableData(
        schema: CDM.patients,
        rows: [
            [
                .string("P-03b1c9"), .string("female"), .int32(1948), .string("europe"), .string("registry"), .int32(2),
                .date(12_053), .string("del5q_syndrome"), .bool(false), .double(3.5), .string("karyotype"),
                .string("isolated_del5q"), .string("46,XX,del(5)(q13q33)[20]"), .string("low"), .string("wild_type"),
                .double(9.1), .double(312), .double(1.8), .bool(true), .bool(true), .bool(false),
            ],
            [
                .string("P-1d77e0"), .string("male"), .int32(1939), .string("north_america"), .string("clinical_trial"),
                .int32(1), .date(-1), .null, .null, .null, .string("fish"), .null, .null, .string("int1"), .null,
                .double(-0.0), .null, .null, .null, .null, .null,
            ],
            [
                .string("P-9a0f4b"), .null, .null, .string("asia"), .string("compassionate_use"), .int32(1),
                .date(-25_567), .string("raeb1"), .bool(true), .double(.nan), .string("none"), .null,
                .string(ParquetFixtures.nfd), .null, .string("mutated"), .double(.infinity), .double(-.infinity),
                .double(negativeNaN), .bool(false), .null, .bool(true),
            ],
            [
                .string(ParquetFixtures.nfc), .string("female"), .int32(Int32.max), .string("other"),
                .string("registry"),
                .int32(3), .null, .null, .null, .null, .null, .null, .string(ParquetFixtures.long), .null, .null,
                .null, .null, .null, .null, .null, .null,
            ],
        ])

    /// The interop table: every column type, 300 rows, with NaN payloads in `f_req`.
    static func interopTable() -> TableData {
        var table = ParquetFixtures.allTypes(rows: 300)
        let column = table.schema.index(of: "f_req")!
        for r in stride(from: 5, to: 300, by: 37) {
            table.rows[r][column] = .double(r % 2 == 0 ? negativeNaN : payloadNaN)
        }
        return table
    }
}
