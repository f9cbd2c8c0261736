import Foundation
import RegpoolLoad

/// What a command needs from a published build's `manifest.json`, read back.
struct BuildManifestFile {
    let buildID: String
    let regpoolVersion: String
    /// The pipeline file as the manifest names it (relative to its own folder).
    let pipeline: String
    /// Output files in the manifest's order.
    let outputs: [Manifest.Output]
    /// Input exports (paths relative to the pipeline file's folder).
    let inputs: [Manifest.Input]
    /// Configuration files (pipeline, mappings, vocabularies, overrides, crosswalk).
    let configs: [Manifest.ConfigFile]
    /// Inbox files the build did not read (they match no source), by centre.
    let ignored: [(centre: String, file: String)]
    /// The manifest's own bytes.
    let bytes: [UInt8]

    /// Output file name → SHA-256 as the manifest records it.
    var sha256: [String: String] {
        Dictionary(outputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
    }

    /// Reads `BUILD/manifest.json`; a missing or malformed manifest is an input error naming the file.
    init(buildPath: String) throws {
        let path = "\(buildPath)/manifest.json"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(
                .input,
                "\(path) cannot be read: \(buildPath) is not a regpool build "
                    + "(every build folder holds a manifest.json; builds/current points at the latest).")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let buildID = object["build_id"] as? String,
            let outputs = object["outputs"] as? [[String: Any]]
        else {
            throw PipelineError(
                .input,
                "\(path) is not a regpool manifest (no build_id or outputs); "
                    + "restore it from a backup of the build.")
        }
        self.bytes = [UInt8](data)
        self.buildID = buildID
        self.regpoolVersion = object["regpool_version"] as? String ?? "unknown"
        self.pipeline = object["pipeline"] as? String ?? ""
        self.outputs = outputs.compactMap { o in
            guard let p = o["path"] as? String, let s = o["sha256"] as? String else { return nil }
            return Manifest.Output(path: p, sha256: s, bytes: (o["bytes"] as? Int) ?? -1, rows: o["rows"] as? Int)
        }
        self.inputs = (object["inputs"] as? [[String: Any]] ?? []).compactMap { i in
            guard let c = i["centre"] as? String, let p = i["path"] as? String, let s = i["sha256"] as? String
            else { return nil }
            return Manifest.Input(centre: c, path: p, sha256: s, bytes: (i["bytes"] as? Int) ?? -1)
        }
        self.ignored = (object["ignored_files"] as? [[String: Any]] ?? []).compactMap { i in
            guard let c = i["centre"] as? String, let f = i["file"] as? String else { return nil }
            return (c, f)
        }
        self.configs = (object["configs"] as? [[String: Any]] ?? []).compactMap { c in
            guard let r = c["role"] as? String, let p = c["path"] as? String, let s = c["sha256"] as? String
            else { return nil }
            return Manifest.ConfigFile(role: r, path: p, sha256: s)
        }
    }
}
