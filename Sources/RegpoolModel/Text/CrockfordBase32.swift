/// Crockford base32 (alphabet `0123456789ABCDEFGHJKMNPQRSTVWXYZ`), most significant bits first.
package enum CrockfordBase32 {
    /// The 32 digits as ASCII bytes.
    package static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Encodes `bytes` 5 bits at a time; a last partial group is padded with zero bits.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for b in bytes {
            buffer = (buffer << 8) | UInt32(b)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// True for `prefix` followed by exactly `length` Crockford digits: the shape of a pooled id
    /// (`P-`) or member key (`M-`), 16 digits each.
    package static func isPseudonym(_ text: Substring, prefix: String, length: Int = 16) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == prefix.utf8.count + length, bytes.starts(with: prefix.utf8) else { return false }
        return bytes.dropFirst(prefix.utf8.count).allSatisfy(alphabet.contains)
    }
}
