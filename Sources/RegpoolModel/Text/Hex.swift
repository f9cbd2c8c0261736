/// Lowercase hexadecimal text of bytes: regpool's one hex helper (digests, ids, escapes).
package enum Hex {
    /// The sixteen lowercase digits as ASCII bytes.
    package static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Two lowercase hex digits per byte of `bytes`.
    package static func lowercase<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
