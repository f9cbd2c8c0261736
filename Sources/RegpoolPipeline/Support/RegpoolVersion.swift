import Crypto
import RegpoolModel

/// regpool's version, and the `created_by` string written into every Parquet file.
package enum RegpoolVersion {
    /// The release number (semantic versioning).
    package static let number = "0.1.0"

    /// A build tag derived from the release and the CDM version only, so that the same release
    /// writes the same bytes on every machine (a compiler or path never changes it).
    package static let build: String = {
        let digest = SHA256.hash(data: Array("regpool \(number) cdm \(CDM.version)".utf8))
        return Hex.lowercase(digest.prefix(6))
    }()

    /// `regpool version X.Y.Z (build H)`: the form parquet-java parses.
    package static var createdBy: String { "regpool version \(number) (build \(build))" }
}
