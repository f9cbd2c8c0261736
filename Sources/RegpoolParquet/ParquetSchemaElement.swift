/// `SchemaElement`: the root group (name + child count) or one leaf column.
struct ParquetSchemaElement: Sendable {
    var name: String
    var type: ParquetFormat.PhysicalType?
    var repetition: ParquetFormat.Repetition?
    var numChildren: Int32?
    var convertedType: ParquetFormat.ConvertedType?
    var logicalType: ParquetFormat.LogicalType?

    /// Writes the struct (field ids 1, 3, 4, 5, 6, 10).
    func write(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        if let type { w.writeI32Field(1, type.rawValue) }
        if let repetition { w.writeI32Field(3, repetition.rawValue) }
        w.writeStringField(4, name)
        if let numChildren { w.writeI32Field(5, numChildren) }
        if let convertedType { w.writeI32Field(6, convertedType.rawValue) }
        if let logicalType {
            w.beginStructField(10)
            Self.write(logicalType, to: &w)
            w.endStruct()
        }
        w.endStruct()
    }

    /// Writes the body of the `LogicalType` union (STRING = 1, DATE = 6, INTEGER = 10).
    private static func write(_ logicalType: ParquetFormat.LogicalType, to w: inout ThriftCompactWriter) {
        switch logicalType {
        case .string:
            w.beginStructField(1)
            w.endStruct()
        case .date:
            w.beginStructField(6)
            w.endStruct()
        case .integer(let bitWidth, let signed):
            w.beginStructField(10)
            w.writeByteField(1, bitWidth)
            w.writeBoolField(2, signed)
            w.endStruct()
        }
    }
}
