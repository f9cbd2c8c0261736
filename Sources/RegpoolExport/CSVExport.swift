import RegpoolModel

/// A table as RFC 4180 CSV: UTF-8 without BOM, comma, CRLF line ends, a header of column names;
/// tokens as in Parquet, dates ISO 8601, booleans true/false, doubles in shortest round-trip
/// form, null as an empty field. A field is quoted only when it holds a comma, quote, CR or LF.
package enum CSVExport {
    /// The CSV bytes of `table`.
    package static func encode(_ table: TableData) -> [UInt8] {
        var out: [UInt8] = []
        append(table.schema.columns.map(\.name), to: &out)
        for row in table.rows { append(row.map(field), to: &out) }
        return out
    }

    package static func field(_ value: Value) -> String {
        switch value {
        case .null: ""
        case .double(let d): d.isFinite ? "\(d)" : (d.isNaN ? "NaN" : (d > 0 ? "Infinity" : "-Infinity"))
        default: value.text
        }
    }

    private static func append(_ fields: [String], to out: inout [UInt8]) {
        out.append(contentsOf: CSVText.line(fields, ending: "\r\n").utf8)
    }
}
