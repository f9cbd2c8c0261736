import Foundation

/// The few facts a command needs from a published build's `manifest.json`.
struct BuildManifestFile {
    let buildID: String
    let regpoolVersion: String
    /// Output file name → SHA-256 as the manifest records it.
    let sha256: [String: String]

    /// Reads `BUILD/manifest.json`; a missing or malformed manifest is an input error naming the file.
    init(buildPath: String) throws {
        let path = "\(buildPath)/manifest.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(.input, "\(path) cannot be read: \(buildPath) is not a regpool build "
                + "(every build folder holds a manifest.json; builds/current points at the latest).")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let buildID = object["build_id"] as? String,
              let outputs = object["outputs"] as? [[String: Any]]
        else {
            throw PipelineError(.input, "\(path) is not a regpool manifest (no build_id or outputs); "
                + "restore it from a backup of the build.")
        }
        self.buildID = buildID
        self.regpoolVersion = object["regpool_version"] as? String ?? "unknown"
        var sha: [String: String] = [:]
        for output in outputs {
            if let name = output["path"] as? String, let hash = output["sha256"] as? String { sha[name] = hash }
        }
        self.sha256 = sha
    }
}
