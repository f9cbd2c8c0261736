/// `RowGroup`: its column chunks, sizes and row count.
struct ParquetRowGroup: Sendable {
    var columns: [ParquetColumnChunk]
    var numRows: Int64
    /// The group's position in the file (0-based).
    var ordinal: Int16

    /// `total_byte_size`: the uncompressed size of all chunks (page headers included).
    var totalByteSize: Int64 { columns.reduce(0) { $0 + $1.totalUncompressedSize } }
    /// `total_compressed_size`: the chunks as stored.
    var totalCompressedSize: Int64 { columns.reduce(0) { $0 + $1.totalCompressedSize } }
    /// Offset of the first page (dictionary or data) of the first column.
    var fileOffset: Int64 { columns.first?.startOffset ?? Int64(ParquetFormat.magic.count) }

    /// Writes the struct (fields 1, 2, 3, 5, 6, 7).
    func write(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        w.beginListField(1, elementType: .struct, count: columns.count)
        for column in columns { column.write(to: &w) }
        w.writeI64Field(2, totalByteSize)
        w.writeI64Field(3, numRows)
        w.writeI64Field(5, fileOffset)
        w.writeI64Field(6, totalCompressedSize)
        w.writeI16Field(7, ordinal)
        w.endStruct()
    }
}
