import RegpoolModel

/// How a CDM column type is stored: physical type plus converted and logical annotations.
struct ParquetLeafType: Sendable, Equatable {
    let physical: ParquetFormat.PhysicalType
    let convertedType: ParquetFormat.ConvertedType?
    let logicalType: ParquetFormat.LogicalType?

    /// The storage of `type`: strings and enums as UTF-8 BYTE_ARRAY, dates as INT32 DATE.
    init(_ type: ColumnType) {
        switch type {
        case .string, .enumeration:
            self.init(physical: .byteArray, convertedType: .utf8, logicalType: .string)
        case .date:
            self.init(physical: .int32, convertedType: .date, logicalType: .date)
        case .int32:
            self.init(physical: .int32, convertedType: .int32, logicalType: .integer(bitWidth: 32, signed: true))
        case .double:
            self.init(physical: .double, convertedType: nil, logicalType: nil)
        case .bool:
            self.init(physical: .boolean, convertedType: nil, logicalType: nil)
        }
    }

    private init(
        physical: ParquetFormat.PhysicalType, convertedType: ParquetFormat.ConvertedType?,
        logicalType: ParquetFormat.LogicalType?
    ) {
        self.physical = physical
        self.convertedType = convertedType
        self.logicalType = logicalType
    }

    /// The leaf `SchemaElement` for `column`.
    static func schemaElement(for column: ColumnSchema) -> ParquetSchemaElement {
        let leaf = ParquetLeafType(column.type)
        return ParquetSchemaElement(
            name: column.name, type: leaf.physical, repetition: column.required ? .required : .optional,
            numChildren: nil, convertedType: leaf.convertedType, logicalType: leaf.logicalType)
    }
}
