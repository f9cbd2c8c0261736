import Crypto
import RegpoolModel

/// regpool's version, and the `created_by` string written into every Parquet file.
public enum RegpoolVersion {
    /// The release number (semantic versioning).
    public static let number = "0.1.0"

    /// A build tag derived from the release and the CDM version only, so that the same release
    /// writes the same bytes on every machine (a compiler or path never changes it).
    public static let build: String = {
        let digest = SHA256.hash(data: Array("regpool \(number) cdm \(CDM.version)".utf8))
        return digest.prefix(6).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }()

    /// `regpool version X.Y.Z (build H)`: the form parquet-java parses.
    public static var createdBy: String { "regpool version \(number) (build \(build))" }
}

extension String {
    func leftPadded(to n: Int) -> String {
        String(repeating: "0", count: max(0, n - count)) + self
    }
}
