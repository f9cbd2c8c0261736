/// `ColumnChunk` with its `ColumnMetaData`: where one column's pages are and what they hold.
struct ParquetColumnChunk: Sendable {
    var type: ParquetFormat.PhysicalType
    var encodings: [ParquetFormat.Encoding]
    var pathInSchema: [String]
    var numValues: Int64
    /// Page header and page bytes together (no compression, so both sizes are equal).
    var totalSize: Int64
    var dataPageOffset: Int64
    var statistics: ParquetStatistics

    /// Writes `ColumnChunk` (file_offset 0, then meta_data as field 3).
    func write(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        w.writeI64Field(2, 0)
        w.beginStructField(3)
        writeMetaData(to: &w)
        w.endStruct()
        w.endStruct()
    }

    /// Writes the `ColumnMetaData` fields.
    private func writeMetaData(to w: inout ThriftCompactWriter) {
        w.writeI32Field(1, type.rawValue)
        w.beginListField(2, elementType: .i32, count: encodings.count)
        for encoding in encodings { w.writeI32(encoding.rawValue) }
        w.beginListField(3, elementType: .binary, count: pathInSchema.count)
        for part in pathInSchema { w.writeBinary(Array(part.utf8)) }
        w.writeI32Field(4, ParquetFormat.Codec.uncompressed.rawValue)
        w.writeI64Field(5, numValues)
        w.writeI64Field(6, totalSize)
        w.writeI64Field(7, totalSize)
        w.writeI64Field(9, dataPageOffset)
        w.beginStructField(12)
        statistics.writeFields(to: &w)
        w.endStruct()
    }
}
