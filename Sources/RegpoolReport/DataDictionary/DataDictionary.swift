import RegpoolModel

/// The data dictionary of the CDM, generated from the model (never written by hand): every
/// table and column with its type, Parquet storage, unit, meaning, label, and each enumeration
/// token with its label and its SPSS code (1…n in contract order).
public struct DataDictionary: Sendable {
    /// One column's entry.
    public struct Column: Sendable {
        public let table: String
        public let schema: ColumnSchema
        public var name: String { schema.name }
        public var label: String { CDM.columnLabel(schema.name) }
        public var unit: String? { CDM.unit(table: table, column: schema.name) }
        /// `(token, label, spssCode)` per token, in contract order.
        public var tokens: [(token: String, label: String, code: Int)] {
            (schema.type.tokens ?? []).enumerated().map { i, token in
                (token, CDM.tokenLabel(column: schema.name, token: token), i + 1)
            }
        }
        /// The Parquet physical type and logical annotation the writer uses.
        public var parquet: (physical: String, logical: String?) {
            switch schema.type {
            case .string, .enumeration: ("BYTE_ARRAY", "STRING")
            case .date: ("INT32", "DATE")
            case .int32: ("INT32", "INTEGER(32, signed)")
            case .double: ("DOUBLE", nil)
            case .bool: ("BOOLEAN", nil)
            }
        }
    }

    public let tables: [TableSchema]
    public let regpoolVersion: String

    /// The dictionary of `tables` (default: every CDM table, in build order).
    public init(tables: [TableSchema] = CDM.tables, regpoolVersion: String) {
        self.tables = tables
        self.regpoolVersion = regpoolVersion
    }

    /// The entries of one table.
    public func columns(of table: TableSchema) -> [Column] {
        table.columns.map { Column(table: table.name, schema: $0) }
    }

    /// `data_dictionary.json`: pretty, keys in a fixed order, the same bytes for the same model.
    public func json() -> [UInt8] {
        let document = JSON.object([
            ("cdm_version", .string(CDM.version)),
            ("regpool_version", .string(regpoolVersion)),
            ("months", .string("days / \(CDM.daysPerMonth)")),
            ("tables", .array(tables.map(tableJSON))),
        ])
        return Array((document.text() + "\n").utf8)
    }

    private func tableJSON(_ table: TableSchema) -> JSON {
        .object([
            ("name", .string(table.name)), ("meaning", .string(table.meaning)),
            ("natural_key", .array(table.naturalKey.map { .string($0) })),
            ("columns", .array(columns(of: table).map(columnJSON))),
        ])
    }

    private func columnJSON(_ c: Column) -> JSON {
        var members: [(String, JSON)] = [
            ("name", .string(c.name)), ("label", .string(c.label)), ("type", .string(c.schema.type.name)),
            ("parquet_physical", .string(c.parquet.physical)),
            ("parquet_logical", c.parquet.logical.map { .string($0) } ?? .null),
            ("required", .bool(c.schema.required)), ("unit", c.unit.map { .string($0) } ?? .null),
            ("meaning", .string(c.schema.meaning)),
        ]
        if c.schema.type.tokens != nil {
            members.append(("tokens", .array(c.tokens.map {
                .object([("token", .string($0.token)), ("label", .string($0.label)), ("spss_code", .int($0.code))])
            })))
        }
        return .object(members)
    }
}
