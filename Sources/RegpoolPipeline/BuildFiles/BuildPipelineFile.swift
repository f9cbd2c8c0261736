import Foundation

/// The pipeline file a published build was made with, found for `verify --rebuild` and `explain`.
struct BuildPipelineFile {
    let path: String
    /// False when the file's SHA-256 differs from the one the build's manifest records.
    let unchanged: Bool
    let recordedSHA256: String
    let currentSHA256: String

    /// `explicit`, or `pipelines/<the manifest's pipeline>` under the working directory.
    static func locate(
        _ manifest: BuildManifestFile, buildPath: String, explicit: String?, command: String
    ) throws
        -> BuildPipelineFile
    {
        let path = explicit ?? "pipelines/\(manifest.pipeline)"
        guard let recorded = manifest.configs.first(where: { $0.role == "pipeline" }) else {
            throw PipelineError(.input, "\(buildPath)/manifest.json names no pipeline file.")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw PipelineError(
                .usage,
                "The pipeline file \(path) does not exist; name the one \(manifest.buildID) "
                    + "was made with: \(command) --pipeline PATH")
        }
        let (sha, _) = try FileSystem.hashFile(path)
        return BuildPipelineFile(
            path: path, unchanged: sha == recorded.sha256, recordedSHA256: recorded.sha256,
            currentSHA256: sha)
    }
}
