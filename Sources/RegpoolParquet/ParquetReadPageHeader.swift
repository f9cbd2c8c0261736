/// A decoded `PageHeader`: the page type, sizes, optional CRC and the header of its kind
/// (data page v1 or v2, dictionary page). Sizes are checked to be non-negative.
struct ParquetReadPageHeader: Sendable {
    /// `DataPageHeader` (v1).
    struct DataPage: Sendable {
        var numValues: Int32 = -1
        var encoding: Int32 = -1
        var definitionLevelEncoding: Int32 = -1
    }

    /// `DataPageHeaderV2`.
    struct DataPageV2: Sendable {
        var numValues: Int32 = -1
        var numNulls: Int32 = -1
        var encoding: Int32 = -1
        var definitionLevelsByteLength: Int32 = -1
        var repetitionLevelsByteLength: Int32 = -1
        var isCompressed = true
    }

    /// `DictionaryPageHeader`.
    struct DictionaryPage: Sendable {
        var numValues: Int32 = -1
        var encoding: Int32 = -1
    }

    var type: Int32 = -1
    var uncompressedSize: Int32 = -1
    var compressedSize: Int32 = -1
    var crc: Int32?
    var dataPage: DataPage?
    var dataPageV2: DataPageV2?
    var dictionaryPage: DictionaryPage?
    /// The file offset just past the header: the page's bytes start here.
    var bodyOffset = 0

    /// Decodes the header at `range.lowerBound` (it may not extend past `range`).
    static func decode(_ bytes: [UInt8], range: Range<Int>) throws -> ParquetReadPageHeader {
        var r = ThriftCompactReader(bytes: bytes, range: range)
        var h = ParquetReadPageHeader()
        try r.readStruct { r, id, type in
            switch id {
            case 1: h.type = try r.readI32(type)
            case 2: h.uncompressedSize = try r.readI32(type)
            case 3: h.compressedSize = try r.readI32(type)
            case 4: h.crc = try r.readI32(type)
            case 5 where type == .struct: h.dataPage = try dataPage(&r)
            case 7 where type == .struct: h.dictionaryPage = try dictionaryPage(&r)
            case 8 where type == .struct: h.dataPageV2 = try dataPageV2(&r)
            default: try r.skip(type)
            }
        }
        guard h.type >= 0, h.uncompressedSize >= 0, h.compressedSize >= 0 else {
            throw ParquetDecodeFailure(
                index: range.lowerBound, problem: "page header lacks its type or has a missing or negative size")
        }
        h.bodyOffset = r.position
        return h
    }

    private static func dataPage(_ r: inout ThriftCompactReader) throws -> DataPage {
        var page = DataPage()
        try r.readStruct { r, id, type in
            switch id {
            case 1: page.numValues = try r.readI32(type)
            case 2: page.encoding = try r.readI32(type)
            case 3: page.definitionLevelEncoding = try r.readI32(type)
            default: try r.skip(type)
            }
        }
        return page
    }

    private static func dataPageV2(_ r: inout ThriftCompactReader) throws -> DataPageV2 {
        var page = DataPageV2()
        try r.readStruct { r, id, type in
            switch id {
            case 1: page.numValues = try r.readI32(type)
            case 2: page.numNulls = try r.readI32(type)
            case 4: page.encoding = try r.readI32(type)
            case 5: page.definitionLevelsByteLength = try r.readI32(type)
            case 6: page.repetitionLevelsByteLength = try r.readI32(type)
            case 7: page.isCompressed = try r.readBool(type)
            default: try r.skip(type)
            }
        }
        return page
    }

    private static func dictionaryPage(_ r: inout ThriftCompactReader) throws -> DictionaryPage {
        var page = DictionaryPage()
        try r.readStruct { r, id, type in
            switch id {
            case 1: page.numValues = try r.readI32(type)
            case 2: page.encoding = try r.readI32(type)
            default: try r.skip(type)
            }
        }
        return page
    }
}
