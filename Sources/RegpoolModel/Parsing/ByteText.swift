/// Small byte-level helpers for source text (fields arrive as UTF-8 bytes).
package enum ByteText {
    /// True for the ASCII spaces a field is trimmed of: space, tab, CR, LF.
    @inline(__always)
    package static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// The bytes without leading and trailing ASCII spaces.
    package static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = bytes.startIndex
        var hi = bytes.endIndex
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return bytes[lo..<hi]
    }

    /// The text trimmed of ASCII spaces, as bytes.
    package static func trimmed(_ text: String) -> [UInt8] {
        Array(trimmed(ArraySlice(text.utf8)))
    }

    /// The decimal digit value of `b`, or nil.
    @inline(__always)
    package static func digit(_ b: UInt8) -> Int? {
        b >= 0x30 && b <= 0x39 ? Int(b - 0x30) : nil
    }

    /// Text from UTF-8 bytes (invalid sequences repaired).
    package static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
