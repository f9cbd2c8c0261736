/// Unsigned lexicographic byte order for BYTE_ARRAY statistics (never Swift String comparison).
enum ParquetByteArrayOrder {
    /// The smallest and largest value of a PLAIN BYTE_ARRAY section, or nil when it is empty.
    static func minMax(ofPlainByteArrays plain: [UInt8]) -> (min: [UInt8], max: [UInt8])? {
        plain.withUnsafeBufferPointer { buffer -> (min: [UInt8], max: [UInt8])? in
            var offset = 0
            var low: Range<Int>?
            var high: Range<Int>?
            while offset + 4 <= buffer.count {
                let length = Int(readUInt32LE(buffer, at: offset))
                let range = (offset + 4)..<(offset + 4 + length)
                offset = range.upperBound
                if low.map({ precedes(buffer, range, $0) }) ?? true { low = range }
                if high.map({ precedes(buffer, $0, range) }) ?? true { high = range }
            }
            guard let low, let high else { return nil }
            return (Array(buffer[low]), Array(buffer[high]))
        }
    }

    /// True when bytes `a` sort before bytes `b` (unsigned, shorter prefix first).
    static func precedes(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        let common = min(a.count, b.count)
        var i = 0
        while i < common {
            let x = buffer[a.lowerBound + i]
            let y = buffer[b.lowerBound + i]
            if x != y { return x < y }
            i += 1
        }
        return a.count < b.count
    }

    private static func readUInt32LE(_ buffer: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        UInt32(buffer[offset]) | UInt32(buffer[offset + 1]) << 8 | UInt32(buffer[offset + 2]) << 16
            | UInt32(buffer[offset + 3]) << 24
    }
}
