/// `RowGroup`: its column chunks, sizes and row count.
struct ParquetRowGroup: Sendable {
    var columns: [ParquetColumnChunk]
    var numRows: Int64
    /// Offset of the first page of the first column.
    var fileOffset: Int64

    /// The sum of the chunks' sizes (page headers included; uncompressed = compressed).
    var totalByteSize: Int64 { columns.reduce(0) { $0 + $1.totalSize } }

    /// Writes the struct (fields 1, 2, 3, 5, 6).
    func write(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        w.beginListField(1, elementType: .struct, count: columns.count)
        for column in columns { column.write(to: &w) }
        w.writeI64Field(2, totalByteSize)
        w.writeI64Field(3, numRows)
        w.writeI64Field(5, fileOffset)
        w.writeI64Field(6, totalByteSize)
        w.endStruct()
    }
}
