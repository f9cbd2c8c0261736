import Crypto
import Foundation
import RegpoolConfig
import RegpoolLoad
import RegpoolModel

/// Reads the consortium's pseudonym key from where the pipeline says; never logs or writes it.
enum KeyLoader {
    static let minimumLength = 32

    /// The key bytes (text, trimmed of surrounding white space).
    static func load(_ source: KeySource) throws -> [UInt8] {
        let text: String
        switch source {
        case .environment(let name):
            guard let value = ProcessInfo.processInfo.environment[name] else {
                throw PipelineError(
                    .input,
                    "The pseudonym key variable \(name) is not set; nothing was built. "
                        + "Export it in the environment that runs regpool (see docs/pipeline.md).")
            }
            text = value
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PipelineError(
                    .input,
                    "The pseudonym key file \(path) cannot be read; nothing was built. Check the path and its permissions."
                )
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let key = Array(text.trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        guard key.count >= minimumLength else {
            throw PipelineError(
                .input,
                "The pseudonym key is \(key.count) bytes long; at least \(minimumLength) are needed. "
                    + "Generate one with `openssl rand -hex 32`.")
        }
        return key
    }

    /// A keyed fingerprint that identifies the key without revealing it.
    static func fingerprint(_ key: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("regpool key fingerprint v1".utf8), using: SymmetricKey(data: key))
        return Hex.lowercase(mac.prefix(8))
    }
}
