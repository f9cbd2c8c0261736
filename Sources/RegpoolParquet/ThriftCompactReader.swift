/// Reads Thrift compact-protocol bytes (the footer and page headers of a Parquet file), checking
/// every length and type against the bytes that are there: bad input throws, never traps.
///
/// Positions are indexes into the whole file's bytes, so failures name file offsets.
struct ThriftCompactReader {
    /// Structs nested deeper than this are refused (parquet.thrift needs fewer than 10 levels).
    static let maxDepth = 32

    private let bytes: [UInt8]
    /// The next byte to read.
    private(set) var position: Int
    /// One past the last byte this reader may read.
    let end: Int
    private var lastFieldID: Int16 = 0
    private var depth = 0

    /// A reader of `bytes[range]` (the range must lie within `bytes`).
    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// Reads one struct: calls `field` for each field header (id and type) until STOP. `field`
    /// must consume the field's value, with a `read…` call or `skip(type)`.
    mutating func readStruct(
        _ field: (inout ThriftCompactReader, _ id: Int16, _ type: ThriftCompactType) throws -> Void
    ) throws {
        guard depth < Self.maxDepth else { throw failure("structs nested more than \(Self.maxDepth) deep") }
        let enclosingFieldID = lastFieldID
        depth += 1
        lastFieldID = 0
        while let (id, type) = try readFieldHeader() {
            try field(&self, id, type)
        }
        depth -= 1
        lastFieldID = enclosingFieldID
    }

    /// The next field's id and type, or nil at the STOP byte.
    private mutating func readFieldHeader() throws -> (Int16, ThriftCompactType)? {
        let start = position
        let header = try readRawByte()
        if header == 0 { return nil }
        guard let type = ThriftCompactType(rawValue: header & 0x0F) else {
            throw ParquetDecodeFailure(index: start, problem: "unknown Thrift type \(header & 0x0F) in a field header")
        }
        let delta = Int16(header >> 4)
        if delta != 0 {
            let (id, overflow) = lastFieldID.addingReportingOverflow(delta)
            guard !overflow else { throw ParquetDecodeFailure(index: start, problem: "Thrift field id overflows") }
            lastFieldID = id
        } else {
            let zigzag = try readVarint()
            guard zigzag <= UInt64(UInt16.max) else {
                throw ParquetDecodeFailure(index: start, problem: "Thrift field id \(zigzag) does not fit 16 bits")
            }
            lastFieldID = Int16(truncatingIfNeeded: Self.unzigzag(zigzag))
        }
        return (lastFieldID, type)
    }

    /// A bool field's value (it lives in the header's type).
    mutating func readBool(_ type: ThriftCompactType) throws -> Bool {
        switch type {
        case .booleanTrue: return true
        case .booleanFalse: return false
        default: throw typeFailure(type, expected: "bool")
        }
    }

    /// An i8 field's value (one raw byte).
    mutating func readByte(_ type: ThriftCompactType) throws -> Int8 {
        guard type == .byte else { throw typeFailure(type, expected: "i8") }
        return Int8(bitPattern: try readRawByte())
    }

    /// An i32 field's value (zigzag varint); enums too.
    mutating func readI32(_ type: ThriftCompactType) throws -> Int32 {
        guard type == .i32 else { throw typeFailure(type, expected: "i32") }
        return try readI32Value()
    }

    /// An i64 field's value (zigzag varint).
    mutating func readI64(_ type: ThriftCompactType) throws -> Int64 {
        guard type == .i64 else { throw typeFailure(type, expected: "i64") }
        return Self.unzigzag(try readVarint())
    }

    /// A binary field's bytes (a slice of the file: its indexes are file offsets).
    mutating func readBinary(_ type: ThriftCompactType) throws -> ArraySlice<UInt8> {
        guard type == .binary else { throw typeFailure(type, expected: "binary") }
        return try readBinaryValue()
    }

    /// A string field's value; it must be UTF-8.
    mutating func readString(_ type: ThriftCompactType) throws -> String {
        let start = position
        let raw = try readBinary(type)
        guard let text = raw.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
            throw ParquetDecodeFailure(index: start, problem: "a Thrift string is not UTF-8")
        }
        return text
    }

    /// A list field of `element` values; each is read by `read`.
    mutating func readList<T>(
        _ type: ThriftCompactType, of element: ThriftCompactType, _ read: (inout ThriftCompactReader) throws -> T
    ) throws -> [T] {
        guard type == .list else { throw typeFailure(type, expected: "list") }
        let start = position
        let (elementType, count) = try readListHeader()
        guard count == 0 || elementType == element.rawValue else {
            throw ParquetDecodeFailure(
                index: start, problem: "a list holds Thrift type \(elementType), expected \(element)")
        }
        var out: [T] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try read(&self)) }
        return out
    }

    /// An i32 list element.
    mutating func readI32Value() throws -> Int32 {
        let start = position
        let zigzag = try readVarint()
        guard zigzag <= UInt64(UInt32.max) else {
            throw ParquetDecodeFailure(index: start, problem: "Thrift i32 value does not fit 32 bits")
        }
        return Int32(truncatingIfNeeded: Self.unzigzag(zigzag))
    }

    /// A binary list element.
    mutating func readBinaryValue() throws -> ArraySlice<UInt8> {
        let start = position
        let length = try readVarint()
        guard length <= UInt64(end - position) else {
            throw ParquetDecodeFailure(index: start, problem: "Thrift binary of \(length) bytes runs past the end")
        }
        position += Int(length)
        return bytes[(position - Int(length))..<position]
    }

    /// A string list element; it must be UTF-8.
    mutating func readStringValue() throws -> String {
        let start = position
        let raw = try readBinaryValue()
        guard let text = raw.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else {
            throw ParquetDecodeFailure(index: start, problem: "a Thrift string is not UTF-8")
        }
        return text
    }

    /// Skips a field's value of `type` (bool fields have none).
    mutating func skip(_ type: ThriftCompactType) throws {
        switch type {
        case .booleanTrue, .booleanFalse: return
        default: try skipValue(type)
        }
    }

    /// Skips one value of `type` inside a container or as a non-bool field.
    private mutating func skipValue(_ type: ThriftCompactType) throws {
        switch type {
        case .booleanTrue, .booleanFalse, .byte: _ = try readRawByte()
        case .i16, .i32, .i64: _ = try readVarint()
        case .double: try advance(8)
        case .binary: _ = try readBinaryValue()
        case .list, .set: try skipList()
        case .map: try skipMap()
        case .struct: try readStruct { r, _, t in try r.skip(t) }
        }
    }

    private mutating func skipList() throws {
        let start = position
        let (elementType, count) = try readListHeader()
        guard count > 0 else { return }
        guard let type = ThriftCompactType(rawValue: elementType) else {
            throw ParquetDecodeFailure(index: start, problem: "unknown Thrift list element type \(elementType)")
        }
        try nested { r in for _ in 0..<count { try r.skipValue(type) } }
    }

    private mutating func skipMap() throws {
        let start = position
        let count = try readVarint()
        guard count > 0 else { return }
        guard count <= UInt64(end - position) else {
            throw ParquetDecodeFailure(index: start, problem: "Thrift map of \(count) entries runs past the end")
        }
        let kinds = try readRawByte()
        guard let key = ThriftCompactType(rawValue: kinds >> 4), let value = ThriftCompactType(rawValue: kinds & 0x0F)
        else {
            throw ParquetDecodeFailure(index: start, problem: "unknown Thrift map key or value type")
        }
        try nested { r in
            for _ in 0..<Int(count) {
                try r.skipValue(key)
                try r.skipValue(value)
            }
        }
    }

    /// Runs `body` one nesting level deeper (containers of containers count towards the limit).
    private mutating func nested(_ body: (inout ThriftCompactReader) throws -> Void) throws {
        guard depth < Self.maxDepth else { throw failure("containers nested more than \(Self.maxDepth) deep") }
        depth += 1
        try body(&self)
        depth -= 1
    }

    /// A list header: element type and count (every element takes at least one byte, so a count
    /// beyond the remaining bytes is refused before anything is allocated).
    private mutating func readListHeader() throws -> (UInt8, Int) {
        let start = position
        let header = try readRawByte()
        var count = UInt64(header >> 4)
        if count == 15 { count = try readVarint() }
        guard count <= UInt64(end - position) else {
            throw ParquetDecodeFailure(index: start, problem: "Thrift list of \(count) elements runs past the end")
        }
        return (header & 0x0F, Int(count))
    }

    /// An unsigned LEB128 varint of at most 64 bits.
    private mutating func readVarint() throws -> UInt64 {
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readRawByte()
            guard shift < 63 || (shift == 63 && byte <= 1) else {
                throw ParquetDecodeFailure(index: start, problem: "Thrift varint longer than 64 bits")
            }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    private mutating func readRawByte() throws -> UInt8 {
        guard position < end else { throw failure("Thrift data ends too early") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func advance(_ count: Int) throws {
        guard count <= end - position else { throw failure("Thrift data ends too early") }
        position += count
    }

    private func failure(_ problem: String) -> ParquetDecodeFailure {
        ParquetDecodeFailure(index: min(position, end), problem: problem)
    }

    private func typeFailure(_ type: ThriftCompactType, expected: String) -> ParquetDecodeFailure {
        ParquetDecodeFailure(
            index: position, problem: "Thrift field \(lastFieldID) has type \(type), expected \(expected)")
    }

    /// The signed value of a zigzag-encoded varint.
    static func unzigzag(_ n: UInt64) -> Int64 {
        Int64(bitPattern: (n >> 1) ^ (0 &- (n & 1)))
    }
}
