import RegpoolModel

/// One leaf column of a flat file schema, as the reader uses it.
struct ParquetLeafColumn: Sendable {
    /// Where its `SchemaElement` starts in the file.
    let offset: Int
    let name: String
    let physical: ParquetFormat.PhysicalType?
    let physicalRaw: Int32
    /// OPTIONAL (definition levels of width 1) rather than REQUIRED.
    let optional: Bool
    /// The CDM type stored like this, or nil.
    let columnType: ColumnType?
    /// The storage for messages, e.g. `INT32 (DATE)`.
    let storage: String
}

extension ParquetFileReader {
    /// The leaves of a flat schema: a root group whose children are all leaf columns.
    func leafColumns(_ footer: ParquetFooter) throws -> [ParquetLeafColumn] {
        guard let root = footer.schema.first else { throw error(at: dataRange.upperBound, "the schema is empty") }
        let leaves = footer.schema.dropFirst()
        guard root.numChildren.map(Int.init) == leaves.count else {
            let nested = leaves.first { ($0.numChildren ?? 0) > 0 }
            throw error(
                at: (nested ?? root).offset, column: nested?.name,
                "the schema is not flat: \(nested.map { "'\($0.name)' is a group of columns" } ?? "the root group's child count is wrong")",
                fix: "regpool reads flat tables only; write the table without nested (struct, list or map) columns")
        }
        return try leaves.map(leafColumn)
    }

    /// One schema element as a leaf column; a group or a repeated field is refused.
    private func leafColumn(_ element: ParquetFooter.SchemaElement) throws -> ParquetLeafColumn {
        guard (element.numChildren ?? 0) == 0, let physical = element.type else {
            throw error(
                at: element.offset, column: element.name, "the column is a group, not a leaf",
                fix: "regpool reads flat tables only; write the table without nested columns")
        }
        guard let repetition = element.repetition, repetition == 0 || repetition == 1 else {
            throw error(
                at: element.offset, column: element.name,
                "the column's repetition is \(element.repetition.map(String.init) ?? "missing"), not REQUIRED or OPTIONAL",
                fix: "regpool reads flat tables only; write the column as a plain (non-list) column")
        }
        return ParquetLeafColumn(
            offset: element.offset, name: element.name, physical: ParquetFormat.PhysicalType(rawValue: physical),
            physicalRaw: physical, optional: repetition == 1, columnType: Self.columnType(of: element),
            storage: Self.storage(of: element))
    }

    /// The CDM type stored as `element`: the logical type decides, else the converted type.
    static func columnType(of element: ParquetFooter.SchemaElement) -> ColumnType? {
        typealias C = ParquetReadFormat.ConvertedType
        let logical = element.logicalType
        let converted = logical == nil ? element.convertedType : nil
        switch ParquetFormat.PhysicalType(rawValue: element.type ?? -1) {
        case .boolean? where logical == nil && converted == nil:
            return .bool
        case .double? where logical == nil && converted == nil:
            return .double
        case .int32?:
            if logical == .date || converted == C.date { return .date }
            if logical == .integer(bitWidth: 32, signed: true) || converted == C.int32 { return .int32 }
            return logical == nil && converted == nil ? .int32 : nil
        case .byteArray?:
            if logical == .string || logical == .enumeration || converted == C.utf8 || converted == C.enumeration {
                return .string
            }
            return nil
        default:
            return nil
        }
    }

    /// The physical type and annotation, for messages.
    static func storage(of element: ParquetFooter.SchemaElement) -> String {
        let physical = ParquetReadFormat.physicalName(element.type ?? -1)
        switch element.logicalType {
        case .string?: return physical + " (STRING)"
        case .enumeration?: return physical + " (ENUM)"
        case .date?: return physical + " (DATE)"
        case .integer(let width, let signed)?:
            return physical + " (INTEGER(\(width), \(signed ? "signed" : "unsigned")))"
        case .other(let id)?: return physical + " (logical type \(id))"
        case nil: return element.convertedType.map { physical + " (converted type \($0))" } ?? physical
        }
    }

    /// Names in order and storage must be those of `schema` (an enumeration is stored as a string).
    func check(_ leaves: [ParquetLeafColumn], against schema: TableSchema) throws {
        for (index, expected) in schema.columns.enumerated() {
            guard index < leaves.count else {
                throw error(
                    at: dataRange.upperBound, column: expected.name,
                    "the file has \(leaves.count) columns; table '\(schema.name)' expects '\(expected.name)' as column \(index + 1)",
                    fix: Self.rebuildFix(schema))
            }
            let leaf = leaves[index]
            guard leaf.name == expected.name else {
                throw error(
                    at: leaf.offset, column: leaf.name,
                    "column \(index + 1) is '\(leaf.name)'; table '\(schema.name)' expects '\(expected.name)' there",
                    fix: Self.rebuildFix(schema))
            }
            try checkType(leaf, expected, table: schema.name)
        }
        if leaves.count > schema.columns.count {
            let extra = leaves[schema.columns.count]
            throw error(
                at: extra.offset, column: extra.name,
                "the file has \(leaves.count) columns, table '\(schema.name)' only \(schema.columns.count): '\(extra.name)' is extra",
                fix: Self.rebuildFix(schema))
        }
    }

    private func checkType(_ leaf: ParquetLeafColumn, _ expected: ColumnSchema, table: String) throws {
        let wanted: ColumnType = expected.type.tokens == nil ? expected.type : .string
        guard leaf.columnType != wanted else { return }
        throw error(
            at: leaf.offset, column: leaf.name,
            "the column is stored as \(leaf.storage); its CDM type in table '\(table)' is \(expected.type.name)",
            fix: "write it as \(Self.expectedStorage(expected.type))")
    }

    /// How a CDM type is stored, with the pyarrow type that writes it so.
    static func expectedStorage(_ type: ColumnType) -> String {
        switch type {
        case .string, .enumeration: return "BYTE_ARRAY with the STRING annotation (pyarrow: pa.string())"
        case .date: return "INT32 with the DATE annotation (pyarrow: pa.date32())"
        case .int32: return "INT32 (pyarrow: pa.int32())"
        case .double: return "DOUBLE (pyarrow: pa.float64())"
        case .bool: return "BOOLEAN (pyarrow: pa.bool_())"
        }
    }

    static func rebuildFix(_ schema: TableSchema) -> String {
        "read it as the table it holds, or rebuild it with this regpool version (CDM \(CDM.version), table '\(schema.name)')"
    }

    /// A required CDM column read from an OPTIONAL file column may not hold a null.
    func checkRequired(_ values: [Value], of leaf: ParquetLeafColumn, as column: ColumnSchema) throws {
        guard column.required, leaf.optional, let row = values.firstIndex(where: \.isNull) else { return }
        throw error(
            at: nil, column: column.name, row: row, "a null in a column the CDM requires",
            fix: "every row must have a value in '\(column.name)'; fix the program that wrote the file")
    }
}
