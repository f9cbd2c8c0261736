import RegpoolModel

/// The footer key/value pairs that describe a table for readers without the data dictionary:
/// `regpool.table`, `regpool.table_meaning` and `regpool.columns` (a JSON array of
/// `{name, type, required, meaning, tokens}` in column order). No `ARROW:schema`: a stale or
/// foreign one misleads arrow-rs; readers take the types from the Parquet schema.
enum ParquetColumnDescriptions {
    /// The three pairs for `schema`.
    static func keyValues(_ schema: TableSchema) -> [(key: String, value: String)] {
        var json = JSONText()
        json.value(.array(schema.columns.map(describe)))
        return [
            (key: "regpool.table", value: schema.name),
            (key: "regpool.table_meaning", value: schema.meaning),
            (key: "regpool.columns", value: String(decoding: json.bytes, as: UTF8.self)),
        ]
    }

    /// One column as a JSON object.
    private static func describe(_ column: ColumnSchema) -> JSONValue {
        var pairs: [(String, JSONValue?)] = [
            ("name", .string(column.name)), ("type", .string(column.type.name)),
            ("required", .bool(column.required)), ("meaning", .string(column.meaning)),
        ]
        if let tokens = column.type.tokens { pairs.append(("tokens", .array(tokens.map { .string($0) }))) }
        return .object(pairs)
    }
}
