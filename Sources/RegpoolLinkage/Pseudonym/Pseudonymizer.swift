import Crypto
import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Derives a patient's `pooled_id`: `P-` + Crockford base32 of the first 10 bytes of
/// HMAC-SHA-256(key, centre ‖ 0x1F ‖ local id), 18 characters in all; and the crosswalk's
/// member keys, `M-` + the same of HMAC-SHA-256(key, "member" ‖ 0x1F ‖ centre ‖ 0x1F ‖ local id).
package struct Pseudonymizer: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`; one is made per call).
    private let key: [UInt8]

    /// A pseudonymizer with the consortium key's bytes.
    package init(key: [UInt8]) {
        self.key = key
    }

    /// The pooled id of the patient `localID` of `centre`.
    package func pooledID(centre: String, localID: String) -> String {
        "P-" + digest([centre, localID])
    }

    /// The crosswalk key of the local patient `localID` of `centre` (never equal to a pooled id:
    /// another prefix and another message).
    package func memberKey(centre: String, localID: String) -> String {
        "M-" + digest(["member", centre, localID])
    }

    /// A pooled id for when every member's own id is taken: `P-` + the digest of
    /// centre ‖ 0x1F ‖ local id ‖ 0x1F ‖ `attempt` (1, 2, …).
    func pooledID(centre: String, localID: String, attempt: Int) -> String {
        "P-" + digest([centre, localID, String(attempt)])
    }

    /// Crockford base32 of the first 10 bytes of HMAC-SHA-256(key, parts joined by 0x1F).
    private func digest(_ parts: [String]) -> String {
        var message: [UInt8] = []
        for (i, part) in parts.enumerated() {
            if i > 0 { message.append(0x1F) }
            message.append(contentsOf: part.utf8)
        }
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return CrockfordBase32.encode(Array(mac).prefix(10))
    }
}
