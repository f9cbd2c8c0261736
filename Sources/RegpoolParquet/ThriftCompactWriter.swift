/// Writes Thrift compact-protocol bytes: field headers with delta ids, zigzag varints, binary,
/// lists and nested structs (enough for Parquet's footer and page headers).
struct ThriftCompactWriter: Sendable {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []
    private var lastFieldID: Int16 = 0
    private var enclosingFieldIDs: [Int16] = []

    init(reservingCapacity capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Starts a struct (top-level, a field's value or a list element); field ids restart at 0.
    mutating func beginStruct() {
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    /// Ends the current struct with a STOP byte.
    mutating func endStruct() {
        bytes.append(0)
        lastFieldID = enclosingFieldIDs.popLast() ?? 0
    }

    /// Writes a field header: short form (delta << 4 | type) when the id grows by 1...15.
    mutating func writeFieldHeader(_ type: ThriftCompactType, id: Int16) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeVarint(UInt64(Self.zigzag32(Int32(id))))
        }
        lastFieldID = id
    }

    /// A bool field: the value lives in the header's type nibble.
    mutating func writeBoolField(_ id: Int16, _ value: Bool) {
        writeFieldHeader(value ? .booleanTrue : .booleanFalse, id: id)
    }

    /// An i8 field (one raw byte).
    mutating func writeByteField(_ id: Int16, _ value: Int8) {
        writeFieldHeader(.byte, id: id)
        bytes.append(UInt8(bitPattern: value))
    }

    /// An i16 field (zigzag varint).
    mutating func writeI16Field(_ id: Int16, _ value: Int16) {
        writeFieldHeader(.i16, id: id)
        writeI32(Int32(value))
    }

    /// An i32 field (zigzag varint); Thrift enums are written this way too.
    mutating func writeI32Field(_ id: Int16, _ value: Int32) {
        writeFieldHeader(.i32, id: id)
        writeI32(value)
    }

    /// An i64 field (zigzag varint).
    mutating func writeI64Field(_ id: Int16, _ value: Int64) {
        writeFieldHeader(.i64, id: id)
        writeI64(value)
    }

    /// A binary field: varint length, then the bytes.
    mutating func writeBinaryField(_ id: Int16, _ value: [UInt8]) {
        writeFieldHeader(.binary, id: id)
        writeBinary(value)
    }

    /// A string field, written as its UTF-8 bytes.
    mutating func writeStringField(_ id: Int16, _ value: String) {
        writeBinaryField(id, Array(value.utf8))
    }

    /// Starts a struct-valued field; close it with `endStruct()`.
    mutating func beginStructField(_ id: Int16) {
        writeFieldHeader(.struct, id: id)
        beginStruct()
    }

    /// Starts a list-valued field of `count` elements of `elementType`.
    mutating func beginListField(_ id: Int16, elementType: ThriftCompactType, count: Int) {
        writeFieldHeader(.list, id: id)
        writeListHeader(elementType: elementType, count: count)
    }

    /// A list header: (count << 4 | type) when count < 15, else 0xF0 | type and a varint count.
    mutating func writeListHeader(elementType: ThriftCompactType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// An i32 value (list element or field payload) as a zigzag varint.
    mutating func writeI32(_ value: Int32) {
        writeVarint(UInt64(Self.zigzag32(value)))
    }

    /// An i64 value as a zigzag varint.
    mutating func writeI64(_ value: Int64) {
        writeVarint(Self.zigzag64(value))
    }

    /// A binary value: varint length, then the bytes.
    mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// An unsigned LEB128 varint.
    mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Zigzag mapping of a signed 32-bit value (0, -1, 1, -2 → 0, 1, 2, 3).
    static func zigzag32(_ n: Int32) -> UInt32 {
        UInt32(bitPattern: (n << 1) ^ (n >> 31))
    }

    /// Zigzag mapping of a signed 64-bit value.
    static func zigzag64(_ n: Int64) -> UInt64 {
        UInt64(bitPattern: (n << 1) ^ (n >> 63))
    }
}
