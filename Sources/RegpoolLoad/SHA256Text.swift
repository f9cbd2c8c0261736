import Crypto
import RegpoolModel

/// The SHA-256 of bytes as lowercase hex: how the manifest, the stage and the checks name a file.
package enum SHA256Text {
    /// The digest of `bytes` in `Hex.lowercase`.
    package static func of(_ bytes: [UInt8]) -> String { Hex.lowercase(SHA256.hash(data: bytes)) }
}
