/// Decodes Parquet's RLE/bit-packed hybrid encoding (definition levels, dictionary indexes,
/// v2 booleans) of values `bitWidth` (0...32) bits wide, one value at a time.
///
/// Every run is checked against the bytes that are there; a bit-packed run cut short by the end
/// of the data yields only the values whose bits are present (as Arrow's decoder does).
struct RLEBitPackedHybridDecoder {
    private let bytes: ArraySlice<UInt8>
    private let bitWidth: Int
    private var position: Int
    /// Values left in the current RLE run, and its value.
    private var repeatCount = 0
    private var repeatValue: UInt32 = 0
    /// Values left in the current bit-packed run, where its bits start and the next value's index.
    private var literalCount = 0
    private var literalStart = 0
    private var literalIndex = 0

    /// A decoder of `bytes` (all of them hold the encoded runs); `bitWidth` must be 0...32.
    init(bytes: ArraySlice<UInt8>, bitWidth: Int) {
        precondition((0...32).contains(bitWidth), "bit width is checked by the caller")
        self.bytes = bytes
        self.bitWidth = bitWidth
        self.position = bytes.startIndex
    }

    /// The next value; throws when the runs end first.
    mutating func next() throws -> UInt32 {
        while repeatCount == 0 && literalCount == 0 { try readRunHeader() }
        if repeatCount > 0 {
            repeatCount -= 1
            return repeatValue
        }
        literalCount -= 1
        defer { literalIndex += 1 }
        return literal(at: literalIndex)
    }

    /// Reads the next run's header (and an RLE run's value).
    private mutating func readRunHeader() throws {
        guard position < bytes.endIndex else {
            throw ParquetDecodeFailure(index: position, problem: "RLE/bit-packed data ends before all its values")
        }
        let header = try readVarint()
        let count = Int(min(header >> 1, 1 << 40))
        if header & 1 == 0 {
            repeatCount = count
            repeatValue = try readRepeatedValue()
        } else {
            startLiteralRun(groups: count)
        }
    }

    /// An RLE run's value: ceil(bitWidth / 8) little-endian bytes, below 2^bitWidth.
    private mutating func readRepeatedValue() throws -> UInt32 {
        let width = (bitWidth + 7) / 8
        guard width <= bytes.endIndex - position else {
            throw ParquetDecodeFailure(index: position, problem: "RLE run value runs past the end of its data")
        }
        var value: UInt64 = 0
        for k in 0..<width { value |= UInt64(bytes[position + k]) << UInt64(8 * k) }
        guard value >> UInt64(bitWidth) == 0 else {
            throw ParquetDecodeFailure(
                index: position, problem: "RLE run value \(value) is wider than \(bitWidth) bits")
        }
        position += width
        return UInt32(value)
    }

    /// A bit-packed run of `groups` groups of 8 values, clipped to the bytes that are there.
    private mutating func startLiteralRun(groups: Int) {
        let available = bytes.endIndex - position
        let wanted = groups * bitWidth
        literalStart = position
        literalIndex = 0
        if bitWidth == 0 {
            literalCount = groups * 8
        } else if wanted <= available {
            literalCount = groups * 8
            position += wanted
        } else {
            literalCount = available * 8 / bitWidth
            position = bytes.endIndex
        }
    }

    /// The `index`-th value of the current bit-packed run (least significant bit first).
    private func literal(at index: Int) -> UInt32 {
        guard bitWidth > 0 else { return 0 }
        let bit = index * bitWidth
        var byte = literalStart + bit / 8
        let stop = min(literalStart + (bit + bitWidth + 7) / 8, bytes.endIndex)
        var word: UInt64 = 0
        var shift: UInt64 = 0
        while byte < stop {
            word |= UInt64(bytes[byte]) << shift
            shift += 8
            byte += 1
        }
        let mask: UInt64 = (1 << UInt64(bitWidth)) - 1
        return UInt32((word >> UInt64(bit % 8)) & mask)
    }

    /// A run header: an unsigned LEB128 varint of at most 64 bits.
    private mutating func readVarint() throws -> UInt64 {
        let start = position
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < bytes.endIndex {
            let byte = bytes[position]
            position += 1
            guard shift < 63 || (shift == 63 && byte <= 1) else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw ParquetDecodeFailure(index: start, problem: "RLE/bit-packed run header is cut off or too long")
    }
}
