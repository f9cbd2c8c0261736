import RegpoolModel

/// A table as RFC 4180 CSV: UTF-8 without BOM, comma, CRLF line ends, a header of column names;
/// tokens as in Parquet, dates ISO 8601, booleans true/false, doubles in shortest round-trip
/// form, null as an empty field. A field is quoted only when it holds a comma, quote, CR or LF.
public enum CSVExport {
    /// The CSV bytes of `table`.
    public static func encode(_ table: TableData) -> [UInt8] {
        var out: [UInt8] = []
        append(table.schema.columns.map(\.name), to: &out)
        for row in table.rows { append(row.map(field), to: &out) }
        return out
    }

    static func field(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .double(let d): d.isFinite ? "\(d)" : (d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"))
        default: value.text
        }
    }

    private static func append(_ fields: [String], to out: inout [UInt8]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            let bytes = Array(field.utf8)
            let quote = bytes.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 13 || $0 == 10 }
            guard quote else {
                out.append(contentsOf: bytes)
                continue
            }
            out.append(UInt8(ascii: "\""))
            for b in bytes {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: [13, 10])
    }
}
