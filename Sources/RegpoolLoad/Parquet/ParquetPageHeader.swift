/// `PageHeader` of a v1 data page (with its `DataPageHeader`).
struct ParquetPageHeader: Sendable {
    var uncompressedPageSize: Int32
    var compressedPageSize: Int32
    var numValues: Int32
    var encoding: ParquetFormat.Encoding = .plain
    var definitionLevelEncoding: ParquetFormat.Encoding = .rle
    var repetitionLevelEncoding: ParquetFormat.Encoding = .rle

    /// The header's Thrift compact bytes.
    func encoded() -> [UInt8] {
        var w = ThriftCompactWriter(reservingCapacity: 32)
        w.beginStruct()
        w.writeI32Field(1, ParquetFormat.PageType.dataPage.rawValue)
        w.writeI32Field(2, uncompressedPageSize)
        w.writeI32Field(3, compressedPageSize)
        w.beginStructField(5)
        w.writeI32Field(1, numValues)
        w.writeI32Field(2, encoding.rawValue)
        w.writeI32Field(3, definitionLevelEncoding.rawValue)
        w.writeI32Field(4, repetitionLevelEncoding.rawValue)
        w.endStruct()
        w.endStruct()
        return w.bytes
    }
}
