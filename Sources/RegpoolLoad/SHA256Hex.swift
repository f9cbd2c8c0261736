import Crypto

/// Lowercase hex SHA-256 digests.
public enum SHA256Hex {
    /// The digest of `bytes`.
    public static func of<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var h = SHA256()
        h.update(data: Array(bytes))
        return hex(h.finalize())
    }

    /// Lowercase hex of any byte sequence.
    public static func hex<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
