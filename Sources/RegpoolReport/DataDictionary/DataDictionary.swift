import RegpoolModel

/// The data dictionary of the CDM, generated from the model (never written by hand): every
/// table and column with its type, Parquet storage, unit, meaning, label, and each enumeration
/// token with its label and its SPSS code (1…n in contract order).
package struct DataDictionary: Sendable {
    /// One column's entry.
    package struct Column: Sendable {
        package let table: String
        package let schema: ColumnSchema
        package var name: String { schema.name }
        package var label: String { CDM.columnLabel(schema.name) }
        package var unit: String? { CDM.unit(table: table, column: schema.name) }
        /// `(token, label, spssCode)` per token, in contract order.
        package var tokens: [(token: String, label: String, code: Int)] {
            (schema.type.tokens ?? []).enumerated().map { i, token in
                (token, CDM.tokenLabel(column: schema.name, token: token), i + 1)
            }
        }
        /// The Parquet physical type and logical annotation the writer uses.
        package var parquet: (physical: String, logical: String?) {
            switch schema.type {
            case .string, .enumeration: ("BYTE_ARRAY", "STRING")
            case .date: ("INT32", "DATE")
            case .int32: ("INT32", "INTEGER(32, signed)")
            case .double: ("DOUBLE", nil)
            case .bool: ("BOOLEAN", nil)
            }
        }
    }

    package let tables: [TableSchema]
    package let regpoolVersion: String

    /// The dictionary of `tables` (default: every CDM table, in build order).
    package init(tables: [TableSchema] = CDM.tables, regpoolVersion: String) {
        self.tables = tables
        self.regpoolVersion = regpoolVersion
    }

    /// The entries of one table.
    package func columns(of table: TableSchema) -> [Column] {
        table.columns.map { Column(table: table.name, schema: $0) }
    }

    /// `data_dictionary.json`: pretty, keys in a fixed order, the same bytes for the same model.
    package func json() -> [UInt8] {
        let document = JSONValue.object([
            ("cdm_version", .string(CDM.version)),
            ("regpool_version", .string(regpoolVersion)),
            ("months", .string("days / \(CDM.daysPerMonth)")),
            ("tables", .array(tables.map(tableJSON))),
        ])
        return Array((document.prettyText() + "\n").utf8)
    }

    private func tableJSON(_ table: TableSchema) -> JSONValue {
        .object([
            ("name", .string(table.name)), ("meaning", .string(table.meaning)),
            ("natural_key", .array(table.naturalKey.map { .string($0) })),
            ("columns", .array(columns(of: table).map(columnJSON))),
        ])
    }

    private func columnJSON(_ c: Column) -> JSONValue {
        var members: [(String, JSONValue?)] = [
            ("name", .string(c.name)), ("label", .string(c.label)), ("type", .string(c.schema.type.name)),
            ("parquet_physical", .string(c.parquet.physical)),
            ("parquet_logical", c.parquet.logical.map { .string($0) } ?? .null),
            ("required", .bool(c.schema.required)), ("unit", c.unit.map { .string($0) } ?? .null),
            ("meaning", .string(c.schema.meaning)),
        ]
        if c.schema.type.tokens != nil {
            members.append(
                (
                    "tokens",
                    .array(
                        c.tokens.map {
                            .object([
                                ("token", .string($0.token)), ("label", .string($0.label)),
                                ("spss_code", .int($0.code)),
                            ])
                        })
                ))
        }
        return .object(members)
    }
}
