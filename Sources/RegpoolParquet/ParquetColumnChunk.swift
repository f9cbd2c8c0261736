/// `ColumnChunk` with its `ColumnMetaData`: where one column's pages are and what they hold.
struct ParquetColumnChunk: Sendable {
    var type: ParquetFormat.PhysicalType
    /// Every encoding used in the chunk (values and levels), ascending.
    var encodings: [ParquetFormat.Encoding]
    var pathInSchema: [String]
    var codec: ParquetFormat.Codec
    /// Rows in the chunk, nulls included (flat columns: one value slot per row).
    var numValues: Int64
    /// Page headers plus uncompressed page bodies, dictionary page included.
    var totalUncompressedSize: Int64
    /// Page headers plus page bodies as stored, dictionary page included.
    var totalCompressedSize: Int64
    /// The first data page (past the dictionary page, when there is one).
    var dataPageOffset: Int64
    /// The dictionary page, first in the chunk; nil when the chunk is PLAIN.
    var dictionaryPageOffset: Int64?
    var statistics: ParquetStatistics
    /// Data pages per encoding (`encoding_stats`), plus the dictionary page.
    var dataPages: Int32
    var dataPageEncoding: ParquetFormat.Encoding

    /// Where the chunk starts: its dictionary page, else its first data page.
    var startOffset: Int64 { dictionaryPageOffset ?? dataPageOffset }

    /// Writes `ColumnChunk` (file_offset = the chunk's first page, then meta_data as field 3).
    func write(to w: inout ThriftCompactWriter) {
        w.beginStruct()
        w.writeI64Field(2, startOffset)
        w.beginStructField(3)
        writeMetaData(to: &w)
        w.endStruct()
        w.endStruct()
    }

    /// Writes the `ColumnMetaData` fields in id order.
    private func writeMetaData(to w: inout ThriftCompactWriter) {
        w.writeI32Field(1, type.rawValue)
        w.beginListField(2, elementType: .i32, count: encodings.count)
        for encoding in encodings { w.writeI32(encoding.rawValue) }
        w.beginListField(3, elementType: .binary, count: pathInSchema.count)
        for part in pathInSchema { w.writeBinary(Array(part.utf8)) }
        w.writeI32Field(4, codec.rawValue)
        w.writeI64Field(5, numValues)
        w.writeI64Field(6, totalUncompressedSize)
        w.writeI64Field(7, totalCompressedSize)
        w.writeI64Field(9, dataPageOffset)
        if let dictionaryPageOffset { w.writeI64Field(11, dictionaryPageOffset) }
        w.beginStructField(12)
        statistics.writeFields(to: &w)
        w.endStruct()
        writeEncodingStats(to: &w)
    }

    /// Field 13: `PageEncodingStats { 1: page_type, 2: encoding, 3: count }` per kind of page.
    private func writeEncodingStats(to w: inout ThriftCompactWriter) {
        var kinds: [(ParquetFormat.PageType, ParquetFormat.Encoding, Int32)] = []
        if dictionaryPageOffset != nil { kinds.append((.dictionaryPage, .plain, 1)) }
        kinds.append((.dataPage, dataPageEncoding, dataPages))
        w.beginListField(13, elementType: .struct, count: kinds.count)
        for (page, encoding, count) in kinds {
            w.beginStruct()
            w.writeI32Field(1, page.rawValue)
            w.writeI32Field(2, encoding.rawValue)
            w.writeI32Field(3, count)
            w.endStruct()
        }
    }
}
