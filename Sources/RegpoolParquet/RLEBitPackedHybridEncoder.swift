/// Encodes bit-width-1 levels (0/1) with Parquet's RLE/bit-packed hybrid encoding: runs of 8 or
/// more equal levels become RLE runs, everything else bit-packed groups of 8 (LSB first).
enum RLEBitPackedHybridEncoder {
    /// The longest bit-packed run written under one header (63 groups, as parquet-mr does).
    static let maxBitPackedValues = 63 * 8

    /// The encoded levels without the 4-byte length prefix.
    static func encode(_ levels: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(levels.count / 8 + 16)
        var pending: [UInt8] = []
        pending.reserveCapacity(maxBitPackedValues)
        var i = 0
        while i < levels.count {
            let run = runLength(levels, from: i)
            let pad = (8 - pending.count % 8) % 8
            if run - pad >= 8 {
                pending.append(contentsOf: repeatElement(levels[i], count: pad))
                flushBitPacked(&pending, into: &out)
                appendRLERun(count: run - pad, value: levels[i], into: &out)
            } else {
                for j in i..<(i + run) {
                    pending.append(levels[j])
                    if pending.count == maxBitPackedValues { flushBitPacked(&pending, into: &out) }
                }
            }
            i += run
        }
        flushBitPacked(&pending, into: &out)
        return out
    }

    /// The levels with a 4-byte little-endian length prefix, as data page v1 stores them.
    static func encodeWithLengthPrefix(_ levels: [UInt8]) -> [UInt8] {
        let body = encode(levels)
        var out: [UInt8] = []
        out.reserveCapacity(body.count + 4)
        ParquetBytes.appendUInt32LE(UInt32(body.count), to: &out)
        out.append(contentsOf: body)
        return out
    }

    /// How many levels equal to `levels[start]` follow from `start` on.
    private static func runLength(_ levels: [UInt8], from start: Int) -> Int {
        var end = start + 1
        while end < levels.count && levels[end] == levels[start] { end += 1 }
        return end - start
    }

    /// An RLE run: varint(count << 1), then the value in one byte.
    private static func appendRLERun(count: Int, value: UInt8, into out: inout [UInt8]) {
        ParquetBytes.appendVarint(UInt64(count) << 1, to: &out)
        out.append(value)
    }

    /// A bit-packed run of the pending levels (zero-padded to a multiple of 8), then clears them.
    private static func flushBitPacked(_ pending: inout [UInt8], into out: inout [UInt8]) {
        guard !pending.isEmpty else { return }
        let groups = (pending.count + 7) / 8
        ParquetBytes.appendVarint(UInt64(groups) << 1 | 1, to: &out)
        ParquetBytes.appendBitPacked(pending, to: &out)
        pending.removeAll(keepingCapacity: true)
    }
}
