import Crypto

/// Derives a patient's `pooled_id`: `P-` + Crockford base32 of the first 10 bytes of
/// HMAC-SHA-256(key, centre ‖ 0x1F ‖ local id), 16 characters in all.
public struct Pseudonymizer: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per call).
    private let key: [UInt8]

    /// A pseudonymizer with the consortium key's bytes.
    public init(key: [UInt8]) {
        self.key = key
    }

    /// The pooled id of the patient `localID` of `centre`.
    public func pooledID(centre: String, localID: String) -> String {
        var message = Array(centre.utf8)
        message.append(0x1F)
        message.append(contentsOf: localID.utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return "P-" + CrockfordBase32.encode(Array(mac).prefix(10))
    }
}
