@testable import RegpoolParquet

/// A one-column Parquet file built byte by byte (with the writer's Thrift encoder), for tests of
/// layouts and damage `ParquetTableWriter` never produces: dictionary pages, v2 pages, CRCs,
/// other codecs and encodings, nested schemas.
struct ParquetHandMadeFile {
    /// One page: its header fields and body bytes.
    struct Page {
        var type: Int32 = 0
        var body: [UInt8]
        var numValues: Int32
        var encoding: Int32 = 0
        var crc: UInt32?
        /// v2 only: the definition levels' length at the start of the body, and the null count.
        var levelsLength: Int32 = 0
        var numNulls: Int32 = 0

        /// A v1 data page.
        static func v1(_ body: [UInt8], values: Int32, encoding: Int32 = 0) -> Page {
            Page(type: 0, body: body, numValues: values, encoding: encoding)
        }

        /// A PLAIN dictionary page.
        static func dictionary(_ body: [UInt8], values: Int32) -> Page {
            Page(type: 2, body: body, numValues: values)
        }

        /// A v2 data page whose body starts with `levelsLength` bytes of definition levels.
        static func v2(_ body: [UInt8], values: Int32, nulls: Int32, levelsLength: Int32, encoding: Int32 = 0) -> Page {
            Page(
                type: 3, body: body, numValues: values, encoding: encoding, levelsLength: levelsLength, numNulls: nulls)
        }

        /// The Thrift compact `PageHeader`.
        func header() -> [UInt8] {
            var w = ThriftCompactWriter()
            w.beginStruct()
            w.writeI32Field(1, type)
            w.writeI32Field(2, Int32(body.count))
            w.writeI32Field(3, Int32(body.count))
            if let crc { w.writeI32Field(4, Int32(bitPattern: crc)) }
            switch type {
            case 2:
                w.beginStructField(7)
                w.writeI32Field(1, numValues)
                w.writeI32Field(2, 0)
                w.endStruct()
            case 3:
                w.beginStructField(8)
                w.writeI32Field(1, numValues)
                w.writeI32Field(2, numNulls)
                w.writeI32Field(3, numValues)
                w.writeI32Field(4, encoding)
                w.writeI32Field(5, levelsLength)
                w.writeI32Field(6, 0)
                w.endStruct()
            default:
                w.beginStructField(5)
                w.writeI32Field(1, numValues)
                w.writeI32Field(2, encoding)
                w.writeI32Field(3, 3)
                w.writeI32Field(4, 3)
                w.endStruct()
            }
            w.endStruct()
            return w.bytes
        }
    }

    var name = "x"
    var physical: Int32 = 1
    /// 0 REQUIRED, 1 OPTIONAL, 2 REPEATED.
    var repetition: Int32 = 1
    var convertedType: Int32?
    var codec: Int32 = 0
    var rows: Int64
    var pages: [Page]
    /// When set, the leaf is wrapped in a group of this name (a nested schema).
    var group: String?

    /// The file: magic, pages, footer, footer length, magic.
    func bytes() -> [UInt8] {
        var out = ParquetFormat.magic
        var offsets: [Int] = []
        for page in pages {
            offsets.append(out.count)
            out += page.header() + page.body
        }
        let start = ParquetFormat.magic.count
        let hasDictionary = pages.first?.type == 2
        let dataOffset = hasDictionary && offsets.count > 1 ? offsets[1] : start
        let footer = self.footer(
            start: start, dataOffset: dataOffset, size: out.count - start, hasDictionary: hasDictionary)
        out += footer
        ParquetBytes.appendUInt32LE(UInt32(footer.count), to: &out)
        return out + ParquetFormat.magic
    }

    private func footer(start: Int, dataOffset: Int, size: Int, hasDictionary: Bool) -> [UInt8] {
        var w = ThriftCompactWriter()
        w.beginStruct()
        w.writeI32Field(1, 1)
        w.beginListField(2, elementType: .struct, count: group == nil ? 2 : 3)
        schemaElement(&w, name: "schema", children: 1)
        if let group { schemaElement(&w, name: group, children: 1) }
        w.beginStruct()
        w.writeI32Field(1, physical)
        w.writeI32Field(3, repetition)
        w.writeStringField(4, name)
        if let convertedType { w.writeI32Field(6, convertedType) }
        w.endStruct()
        w.writeI64Field(3, rows)
        w.beginListField(4, elementType: .struct, count: 1)
        w.beginStruct()
        w.beginListField(1, elementType: .struct, count: 1)
        w.beginStruct()
        w.writeI64Field(2, Int64(start))
        w.beginStructField(3)
        w.writeI32Field(1, physical)
        w.beginListField(2, elementType: .i32, count: 1)
        w.writeI32(0)
        w.beginListField(3, elementType: .binary, count: group == nil ? 1 : 2)
        if let group { w.writeBinary(Array(group.utf8)) }
        w.writeBinary(Array(name.utf8))
        w.writeI32Field(4, codec)
        w.writeI64Field(5, rows)
        w.writeI64Field(6, Int64(size))
        w.writeI64Field(7, Int64(size))
        w.writeI64Field(9, Int64(dataOffset))
        if hasDictionary { w.writeI64Field(11, Int64(start)) }
        w.endStruct()
        w.endStruct()
        w.writeI64Field(2, Int64(size))
        w.writeI64Field(3, rows)
        w.endStruct()
        w.endStruct()
        return w.bytes
    }

    private func schemaElement(_ w: inout ThriftCompactWriter, name: String, children: Int32) {
        w.beginStruct()
        w.writeStringField(4, name)
        w.writeI32Field(5, children)
        w.endStruct()
    }

    /// PLAIN BYTE_ARRAY values: 4-byte length, then the UTF-8 bytes.
    static func plainStrings(_ values: [String]) -> [UInt8] {
        values.flatMap { ParquetBytes.int32LE(Int32($0.utf8.count)) + Array($0.utf8) }
    }

    /// PLAIN INT32 values.
    static func plainInt32(_ values: [Int32]) -> [UInt8] {
        values.flatMap(ParquetBytes.int32LE)
    }
}
