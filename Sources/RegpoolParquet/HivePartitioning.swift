import RegpoolModel

/// Hive-style partitions of a table: `TABLE/COLUMN=VALUE/part-0.parquet`, one file per value,
/// values percent-encoded, partitions in byte order of their encoded values.
package enum HivePartitioning {
    /// The folder name Hive, Spark and pyarrow read as a null partition value.
    package static let nullValue = "__HIVE_DEFAULT_PARTITION__"

    /// One partition: its folder segment (`centre_id=fr-lyon`) and its rows.
    package struct Part: Sendable {
        package let segment: String
        package let table: TableData
        /// `TABLE/SEGMENT/part-0.parquet`.
        package var path: String { "\(table.schema.name)/\(segment)/part-0.parquet" }
    }

    /// Splits `table` by `value(row)` (nil = null partition), keeping the row order inside each
    /// part; when the table has a column named `column` it is left out of the files (readers add
    /// it back from the folder name and refuse to merge a column present in both). An empty
    /// table gives one empty part in the null partition, so that its schema is still written.
    package static func split(_ table: TableData, column: String, value: ([Value]) -> String?) -> [Part] {
        let drop = table.schema.index(of: column)
        let schema =
            drop.map { index in
                TableSchema(
                    name: table.schema.name, meaning: table.schema.meaning, naturalKey: table.schema.naturalKey,
                    columns: table.schema.columns.enumerated().filter { $0.offset != index }.map(\.element))
            } ?? table.schema
        var rowsBySegment: [String: [[Value]]] = [:]
        for row in table.rows {
            let segment = "\(column)=\(value(row).map(encode) ?? nullValue)"
            var kept = row
            if let drop { kept.remove(at: drop) }
            rowsBySegment[segment, default: []].append(kept)
        }
        if rowsBySegment.isEmpty { rowsBySegment["\(column)=\(nullValue)"] = [] }
        return rowsBySegment.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map {
            Part(segment: $0, table: TableData(schema: schema, rows: rowsBySegment[$0]!))
        }
    }

    /// The bytes Hive and Spark escape in partition folder names (`FileUtils.escapePathName`),
    /// besides control characters.
    static let escaped = Set("\"#%'*/:=?\\{[]^".utf8)

    /// `value` with control bytes, DEL and ``"#%'*/:=?\{[]^`` written `%XX` (uppercase hex), as
    /// Hive and Spark escape them; every other byte, non-ASCII UTF-8 included, is kept: Spark
    /// decodes each `%XX` as one character, so escaping UTF-8 bytes would garble names such as
    /// "Genève". pyarrow, DuckDB and Spark all read the result back as the value.
    package static func encode(_ value: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in value.utf8 {
            if byte < 0x20 || byte == 0x7F || escaped.contains(byte) {
                out.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            } else {
                out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
