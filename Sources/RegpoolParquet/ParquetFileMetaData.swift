/// `FileMetaData`: the footer that describes the whole file.
struct ParquetFileMetaData: Sendable {
    var schema: [ParquetSchemaElement]
    var numRows: Int64
    var rowGroups: [ParquetRowGroup]
    var keyValueMetadata: [(key: String, value: String)]
    var createdBy: String
    /// How many leaf columns get a `TypeDefinedOrder` column order.
    var leafCount: Int

    /// The footer's Thrift compact bytes (version 1).
    func encoded() -> [UInt8] {
        var w = ThriftCompactWriter(reservingCapacity: 1024)
        w.beginStruct()
        w.writeI32Field(1, 1)
        w.beginListField(2, elementType: .struct, count: schema.count)
        for element in schema { element.write(to: &w) }
        w.writeI64Field(3, numRows)
        w.beginListField(4, elementType: .struct, count: rowGroups.count)
        for group in rowGroups { group.write(to: &w) }
        if !keyValueMetadata.isEmpty { writeKeyValues(to: &w) }
        w.writeStringField(6, createdBy)
        writeColumnOrders(to: &w)
        w.endStruct()
        return w.bytes
    }

    /// Field 5: list of `KeyValue { 1: key, 2: value }`, in the caller's order.
    private func writeKeyValues(to w: inout ThriftCompactWriter) {
        w.beginListField(5, elementType: .struct, count: keyValueMetadata.count)
        for pair in keyValueMetadata {
            w.beginStruct()
            w.writeStringField(1, pair.key)
            w.writeStringField(2, pair.value)
            w.endStruct()
        }
    }

    /// Field 7: one `ColumnOrder { 1: TYPE_ORDER {} }` per leaf column.
    private func writeColumnOrders(to w: inout ThriftCompactWriter) {
        w.beginListField(7, elementType: .struct, count: leafCount)
        for _ in 0..<leafCount {
            w.beginStruct()
            w.beginStructField(1)
            w.endStruct()
            w.endStruct()
        }
    }
}
