/// Little-endian and bit-packing helpers for building Parquet pages in byte buffers.
enum ParquetBytes {
    /// Appends a 32-bit little-endian value.
    @inline(__always)
    static func appendUInt32LE(_ value: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    /// Appends a 64-bit little-endian value.
    @inline(__always)
    static func appendUInt64LE(_ value: UInt64, to out: inout [UInt8]) {
        appendUInt32LE(UInt32(truncatingIfNeeded: value), to: &out)
        appendUInt32LE(UInt32(truncatingIfNeeded: value >> 32), to: &out)
    }

    /// The 4 little-endian bytes of an Int32.
    static func int32LE(_ value: Int32) -> [UInt8] {
        var out: [UInt8] = []
        appendUInt32LE(UInt32(bitPattern: value), to: &out)
        return out
    }

    /// The 8 little-endian bytes of a Double's IEEE 754 bits.
    static func doubleLE(_ value: Double) -> [UInt8] {
        var out: [UInt8] = []
        appendUInt64LE(value.bitPattern, to: &out)
        return out
    }

    /// Appends an unsigned LEB128 varint.
    static func appendVarint(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// Appends 0/1 values packed 8 to a byte, least significant bit first (last byte zero-padded).
    static func appendBitPacked(_ bits: [UInt8], to out: inout [UInt8]) {
        var byte: UInt8 = 0
        for (i, bit) in bits.enumerated() {
            byte |= (bit & 1) << UInt8(i & 7)
            if i & 7 == 7 {
                out.append(byte)
                byte = 0
            }
        }
        if bits.count & 7 != 0 { out.append(byte) }
    }
}
