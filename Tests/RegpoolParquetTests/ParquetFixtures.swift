import RegpoolModel

@testable import RegpoolParquet

/// Tables for the Parquet tests: every column type, required and optional, awkward values.
enum ParquetFixtures {
    static let nfc = "caf\u{E9}"  // "café" with U+00E9
    static let nfd = "cafe\u{301}"  // "café" with e + U+0301 COMBINING ACUTE ACCENT

    /// A long non-ASCII string (> 10 KB of UTF-8).
    static let long = String(repeating: "Mø-δ5q ", count: 1500) + "end"

    static let typesSchema = TableSchema(
        name: "all_types", meaning: "Every CDM column type.", naturalKey: [],
        columns: [
            ColumnSchema("s_req", .string, required: true),
            ColumnSchema("s_opt", .string),
            ColumnSchema("e_req", .enumeration(["ja", "nein"]), required: true),
            ColumnSchema("e_opt", .enumeration(["low", "int_1", "int_2"])),
            ColumnSchema("d_req", .date, required: true),
            ColumnSchema("d_opt", .date),
            ColumnSchema("i_req", .int32, required: true),
            ColumnSchema("i_opt", .int32),
            ColumnSchema("f_req", .double, required: true),
            ColumnSchema("f_opt", .double),
            ColumnSchema("b_req", .bool, required: true),
            ColumnSchema("b_opt", .bool),
            ColumnSchema("null_s", .string),
            ColumnSchema("null_e", .enumeration(["x"])),
            ColumnSchema("null_d", .date),
            ColumnSchema("null_i", .int32),
            ColumnSchema("null_f", .double),
            ColumnSchema("null_b", .bool),
            ColumnSchema("f_nan_only", .double),
            ColumnSchema("f_zeros", .double),
            ColumnSchema("b_true_only", .bool),
        ])

    static let strings = [nfc, nfd, "", "日本語", "😀 emoji", long, "ASCII", "z", "Zürich", long + "!"]
    static let dates: [Int32] = [0, -1, -719_162, 2_932_896, 19_000, -25_567, 11_016, -3]
    static let ints: [Int32] = [0, -1, 1, Int32.min, Int32.max, 42, -700, 123_456_789]
    static let doubles: [Double] = [
        -0.0, 0.0, 1.5, -2.25, 1e308, -1e308, .leastNonzeroMagnitude, .nan, .infinity, -.infinity, 0.1, 70.2,
    ]

    /// `rows` rows cycling through the awkward values, with nulls in runs and scattered.
    static func allTypes(rows: Int) -> TableData {
        let table = (0..<rows).map { row(at: $0) }
        return TableData(schema: typesSchema, rows: table)
    }

    private static func row(at i: Int) -> [Value] {
        let nullRun = (i / 10) % 3 == 1  // ten nulls in a row, then twenty values
        let scattered = i % 7 == 3
        func opt(_ v: Value, _ isNull: Bool) -> Value { isNull ? .null : v }
        return [
            .string(strings[i % strings.count]),
            opt(.string(strings[(i * 3 + 1) % strings.count]), scattered),
            .string(i % 3 == 0 ? "ja" : "nein"),
            opt(.string(["low", "int_1", "int_2"][i % 3]), nullRun),
            .date(dates[i % dates.count]),
            opt(.date(dates[(i + 3) % dates.count]), scattered || nullRun),
            .int32(ints[i % ints.count]),
            opt(.int32(ints[(i + 5) % ints.count]), nullRun),
            .double(doubles[i % doubles.count]),
            opt(.double(doubles[(i + 4) % doubles.count]), scattered),
            .bool(i % 3 == 1),
            opt(.bool(i % 2 == 0), i % 5 == 0),
            .null, .null, .null, .null, .null, .null,
            opt(.double(.nan), i % 2 == 1),
            opt(.double(i % 2 == 0 ? 0.0 : -0.0), i % 3 == 2),
            opt(.bool(true), nullRun),
        ]
    }

    /// `count` rows of plausible values for any CDM table, with some nulls in optional columns.
    static func cdmTable(_ schema: TableSchema, rows count: Int) -> TableData {
        let rows = (0..<count).map { r in
            schema.columns.enumerated().map { c, column in
                column.required || (r + c) % 4 != 0 ? value(for: column.type, row: r, column: c) : .null
            }
        }
        return TableData(schema: schema, rows: rows)
    }

    private static func value(for type: ColumnType, row r: Int, column c: Int) -> Value {
        switch type {
        case .enumeration(let tokens): return .string(tokens[(r + c) % tokens.count])
        case .string: return .string(["P-000\(r)", "Hôpital \(r)", nfd, "46,XY,del(5)(q13q33)[20]"][(r + c) % 4])
        case .date: return .date(Int32(17_000 + r * 97 - c * 400))
        case .int32: return .int32(Int32(r * 3 - 1 + c))
        case .double: return .double(Double(r) * 1.25 - 2.5 + Double(c) / 8)
        case .bool: return .bool((r + c) % 2 == 0)
        }
    }
}
