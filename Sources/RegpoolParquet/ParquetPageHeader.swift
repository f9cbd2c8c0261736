/// `PageHeader` of a v1 data page (with its `DataPageHeader`) or of a dictionary page.
struct ParquetPageHeader: Sendable {
    var uncompressedPageSize: Int32
    var compressedPageSize: Int32
    var numValues: Int32
    var encoding: ParquetFormat.Encoding = .plain
    var definitionLevelEncoding: ParquetFormat.Encoding = .rle
    var repetitionLevelEncoding: ParquetFormat.Encoding = .rle
    /// CRC-32 of the (compressed) page bytes after the header; nil = not written.
    var crc: UInt32? = nil
    /// A dictionary page (`DictionaryPageHeader`, PLAIN values) instead of a data page.
    var isDictionary = false

    /// The header's Thrift compact bytes.
    func encoded() -> [UInt8] {
        var w = ThriftCompactWriter(reservingCapacity: 40)
        w.beginStruct()
        let type: ParquetFormat.PageType = isDictionary ? .dictionaryPage : .dataPage
        w.writeI32Field(1, type.rawValue)
        w.writeI32Field(2, uncompressedPageSize)
        w.writeI32Field(3, compressedPageSize)
        if let crc { w.writeI32Field(4, Int32(bitPattern: crc)) }
        if isDictionary {
            w.beginStructField(7)
            w.writeI32Field(1, numValues)
            w.writeI32Field(2, ParquetFormat.Encoding.plain.rawValue)
        } else {
            w.beginStructField(5)
            w.writeI32Field(1, numValues)
            w.writeI32Field(2, encoding.rawValue)
            w.writeI32Field(3, definitionLevelEncoding.rawValue)
            w.writeI32Field(4, repetitionLevelEncoding.rawValue)
        }
        w.endStruct()
        w.endStruct()
        return w.bytes
    }
}
