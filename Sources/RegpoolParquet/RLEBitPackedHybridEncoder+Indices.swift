/// Dictionary indices of any bit width in the RLE/bit-packed hybrid encoding.
extension RLEBitPackedHybridEncoder {
    /// Appends `indices` (each < 2^bitWidth): runs of 8 or more equal indices become RLE runs,
    /// the rest bit-packed groups of 8 (LSB first); the last group is zero-padded.
    static func encode(indices: ArraySlice<UInt32>, bitWidth: Int, into out: inout [UInt8]) {
        var pending: [UInt32] = []
        pending.reserveCapacity(maxBitPackedValues)
        var i = indices.startIndex
        while i < indices.endIndex {
            let value = indices[i]
            var end = i + 1
            while end < indices.endIndex && indices[end] == value { end += 1 }
            let run = end - i
            let pad = (8 - pending.count % 8) % 8
            if run - pad >= 8 {
                pending.append(contentsOf: repeatElement(value, count: pad))
                flushBitPacked(&pending, bitWidth: bitWidth, into: &out)
                ParquetBytes.appendVarint(UInt64(run - pad) << 1, to: &out)
                for byte in 0..<((bitWidth + 7) / 8) { out.append(UInt8(truncatingIfNeeded: value >> (8 * byte))) }
            } else {
                for _ in 0..<run {
                    pending.append(value)
                    if pending.count == maxBitPackedValues { flushBitPacked(&pending, bitWidth: bitWidth, into: &out) }
                }
            }
            i = end
        }
        flushBitPacked(&pending, bitWidth: bitWidth, into: &out)
    }

    /// The bits needed for indices below `count` (at least 1: some readers refuse width 0).
    static func bitWidth(forCount count: Int) -> Int {
        var width = 1
        while count > 1 << width { width += 1 }
        return width
    }

    /// One bit-packed run of the pending indices, zero-padded to a multiple of 8, then clears them.
    private static func flushBitPacked(_ pending: inout [UInt32], bitWidth: Int, into out: inout [UInt8]) {
        guard !pending.isEmpty else { return }
        let groups = (pending.count + 7) / 8
        ParquetBytes.appendVarint(UInt64(groups) << 1 | 1, to: &out)
        var buffer: UInt64 = 0
        var filled = 0
        for k in 0..<(groups * 8) {
            let value = k < pending.count ? UInt64(pending[k]) : 0
            buffer |= value << UInt64(filled)
            filled += bitWidth
            while filled >= 8 {
                out.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                filled -= 8
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}
