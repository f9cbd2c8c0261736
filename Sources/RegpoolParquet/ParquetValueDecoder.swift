import RegpoolModel

/// Decodes one column's definition levels and values (PLAIN, dictionary indexes, RLE booleans)
/// into `Value`s of the column's CDM type. Throws `ParquetDecodeFailure` at the bad byte.
struct ParquetValueDecoder {
    let leaf: ParquetLeafColumn

    /// Data page v1 definition levels: a 4-byte length, then RLE/bit-packed levels (0 or 1).
    func definitionLevelsV1(_ data: ArraySlice<UInt8>, cursor: inout Int, count: Int, encoding: Int32) throws -> [Bool]
    {
        guard encoding == ParquetReadFormat.Encoding.rle.rawValue else {
            throw ParquetDecodeFailure(
                index: cursor,
                problem: "definition levels are encoded \(ParquetReadFormat.Encoding.name(encoding)), not RLE",
                fix: Self.rewriteFix)
        }
        let length = try Self.lengthPrefix(data, at: cursor)
        let levels = data[(cursor + 4)..<(cursor + 4 + length)]
        cursor += 4 + length
        return try definitionLevels(levels, count: count)
    }

    /// `count` definition levels of a flat optional column: true where a value is present.
    func definitionLevels(_ levels: ArraySlice<UInt8>, count: Int) throws -> [Bool] {
        var decoder = RLEBitPackedHybridDecoder(bytes: levels, bitWidth: 1)
        var present: [Bool] = []
        present.reserveCapacity(count)
        for _ in 0..<count { present.append(try decoder.next() == 1) }
        return present
    }

    /// `count` values encoded as `encoding`; dictionary encodings look up `dictionary`.
    func values(_ data: ArraySlice<UInt8>, encoding: Int32, count: Int, dictionary: [Value]?) throws -> [Value] {
        switch ParquetReadFormat.Encoding(rawValue: encoding) {
        case .plain?:
            return try plain(data, count: count)
        case .plainDictionary?, .rleDictionary?:
            guard let dictionary else {
                throw ParquetDecodeFailure(
                    index: data.startIndex, problem: "a dictionary-encoded page comes without a dictionary page")
            }
            return try indexes(data, count: count, dictionary: dictionary)
        case .rle? where leaf.physical == .boolean:
            return try rleBooleans(data, count: count)
        default:
            throw ParquetDecodeFailure(
                index: data.startIndex,
                problem: "values encoded \(ParquetReadFormat.Encoding.name(encoding)) are not supported",
                fix: Self.rewriteFix)
        }
    }

    /// `count` PLAIN values of the leaf's physical type.
    func plain(_ data: ArraySlice<UInt8>, count: Int) throws -> [Value] {
        switch leaf.physical {
        case .boolean?:
            try Self.need((count + 7) / 8, in: data, for: "\(count) booleans")
            return (0..<count).map { i in .bool(data[data.startIndex + i / 8] >> UInt8(i % 8) & 1 == 1) }
        case .int32?:
            try Self.need(count * 4, in: data, for: "\(count) INT32 values")
            let isDate = leaf.columnType == .date
            return (0..<count).map { i in
                let v = Int32(bitPattern: Self.uint32LE(data, at: data.startIndex + 4 * i))
                return isDate ? .date(v) : .int32(v)
            }
        case .double?:
            try Self.need(count * 8, in: data, for: "\(count) DOUBLE values")
            return (0..<count).map { i in
                let at = data.startIndex + 8 * i
                let bits = UInt64(Self.uint32LE(data, at: at)) | UInt64(Self.uint32LE(data, at: at + 4)) << 32
                return .double(Double(bitPattern: bits))
            }
        case .byteArray?:
            return try strings(data, count: count)
        default:
            throw ParquetDecodeFailure(
                index: data.startIndex, problem: "values of physical type \(leaf.storage) cannot be read")
        }
    }

    /// `count` PLAIN BYTE_ARRAY values (4-byte length, then the bytes), each UTF-8.
    private func strings(_ data: ArraySlice<UInt8>, count: Int) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(min(count, data.count / 4))
        var at = data.startIndex
        try data.withUnsafeBufferPointer { buffer in
            for _ in 0..<count {
                let length = try Self.lengthPrefix(data, at: at)
                let start = at + 4 - data.startIndex
                guard
                    let text = String(
                        validating: UnsafeBufferPointer(rebasing: buffer[start..<(start + length)]), as: UTF8.self)
                else {
                    throw ParquetDecodeFailure(
                        index: at + 4, problem: "a string value is not valid UTF-8",
                        fix: "write the column's strings as UTF-8 text")
                }
                out.append(.string(text))
                at += 4 + length
            }
        }
        return out
    }

    /// `count` dictionary indexes: a bit-width byte, then RLE/bit-packed indexes.
    private func indexes(_ data: ArraySlice<UInt8>, count: Int, dictionary: [Value]) throws -> [Value] {
        guard count > 0 else { return [] }
        guard let width = data.first, width <= 32 else {
            throw ParquetDecodeFailure(
                index: data.startIndex, problem: "dictionary index bit width is missing or above 32")
        }
        var decoder = RLEBitPackedHybridDecoder(bytes: data.dropFirst(), bitWidth: Int(width))
        var out: [Value] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            let index = Int(try decoder.next())
            guard index < dictionary.count else {
                throw ParquetDecodeFailure(
                    index: data.startIndex,
                    problem: "dictionary index \(index) past the dictionary's \(dictionary.count) values")
            }
            out.append(dictionary[index])
        }
        return out
    }

    /// `count` RLE-encoded booleans (data page v2): a 4-byte length, then bit-width-1 runs.
    private func rleBooleans(_ data: ArraySlice<UInt8>, count: Int) throws -> [Value] {
        let length = try Self.lengthPrefix(data, at: data.startIndex)
        var decoder = RLEBitPackedHybridDecoder(bytes: data.dropFirst(4).prefix(length), bitWidth: 1)
        var out: [Value] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(.bool(try decoder.next() == 1)) }
        return out
    }

    /// Appends `values` to `out`, with a null wherever `present` is false (nil: all present).
    static func append(_ values: [Value], present: [Bool]?, to out: inout [Value]) {
        guard let present else { return out.append(contentsOf: values) }
        var next = 0
        for isPresent in present {
            if isPresent {
                out.append(values[next])
                next += 1
            } else {
                out.append(.null)
            }
        }
    }

    /// A 4-byte little-endian length at `at`, checked to fit in `data` after the prefix.
    static func lengthPrefix(_ data: ArraySlice<UInt8>, at: Int) throws -> Int {
        guard data.endIndex - at >= 4 else {
            throw ParquetDecodeFailure(index: at, problem: "a 4-byte length runs past the end of its page")
        }
        let length = Int(uint32LE(data, at: at))
        guard length <= data.endIndex - at - 4 else {
            throw ParquetDecodeFailure(index: at, problem: "a length of \(length) bytes runs past the end of its page")
        }
        return length
    }

    private static func need(_ size: Int, in data: ArraySlice<UInt8>, for what: String) throws {
        guard size <= data.count else {
            throw ParquetDecodeFailure(
                index: data.startIndex, problem: "\(what) need \(size) bytes, the page has \(data.count)")
        }
    }

    private static func uint32LE(_ data: ArraySlice<UInt8>, at i: Int) -> UInt32 {
        UInt32(data[i]) | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2]) << 16 | UInt32(data[i + 3]) << 24
    }

    static let rewriteFix =
        "write the file with PLAIN or dictionary encoding "
        + "(pyarrow: use_dictionary=True, no column_encoding; data page version 1.0 or 2.0)"
}
