import Foundation
import Logging
import RegpoolLoad

/// `regpool verify BUILD --rebuild`: the build made again from the inputs and configuration its
/// manifest lists (same regpool version), into a scratch folder, and compared byte for byte.
package struct BuildRebuilder: Sendable {
    let buildPath: String
    /// The pipeline file; default `pipelines/<the manifest's pipeline>` under the working directory.
    let pipelinePath: String?
    /// The previous crosswalk the build read; default: found by its hash among the kept builds.
    let crosswalkPath: String?
    let logger: Logger

    package init(
        buildPath: String, pipelinePath: String? = nil, crosswalkPath: String? = nil,
        logger: Logger = Logger(label: "regpool")
    ) {
        self.buildPath = buildPath
        self.pipelinePath = pipelinePath
        self.crosswalkPath = crosswalkPath
        self.logger = logger
    }

    /// Rebuilds and compares; the outcome lists every output made differently. Throws a
    /// PipelineError when the build cannot be re-created (other version, inputs or mappings changed).
    package func run() throws -> BuildVerifier.Outcome {
        let manifest = try BuildManifestFile(buildPath: buildPath)
        guard manifest.regpoolVersion == RegpoolVersion.number else {
            throw PipelineError(
                .verification,
                "\(buildPath) was made by regpool \(manifest.regpoolVersion); this is "
                    + "regpool \(RegpoolVersion.number). Re-create it with regpool \(manifest.regpoolVersion) (the release "
                    + "of that version), which the manifest names for exactly this reason.")
        }
        let pipeline = try locatePipeline(manifest)
        let scratch = NSTemporaryDirectory() + "regpool-rebuild-\(manifest.buildID)-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var runner = PipelineRunner(
            pipelinePath: pipeline, outputOverride: scratch,
            crosswalk: try crosswalk(manifest), logger: logger)
        runner.pinnedInputs = manifest.inputs
        runner.pinnedIgnored = manifest.ignored
        runner.expectedConfigs = manifest.configs.filter { $0.role != "crosswalk" }
        let summary = try runner.run()
        guard summary.buildID == manifest.buildID else {
            throw PipelineError(
                .verification,
                "The rebuild has build id \(summary.buildID), not \(manifest.buildID): "
                    + "the pseudonym key differs from the one the build used (the manifest keeps its fingerprint), or the "
                    + "pipeline now reads other files.")
        }
        let problems = manifest.outputs.compactMap { BuildVerifier.check($0, in: summary.buildPath) }.map {
            BuildVerifier.Problem(file: $0.file, reason: "made again differently — " + $0.reason)
        }
        return BuildVerifier.Outcome(buildID: manifest.buildID, checked: manifest.outputs.count, problems: problems)
    }

    /// The pipeline file, checked to be the one the build was made with.
    func locatePipeline(_ manifest: BuildManifestFile) throws -> String {
        let file = try BuildPipelineFile.locate(
            manifest, buildPath: buildPath, explicit: pipelinePath,
            command: "regpool verify \(buildPath) --rebuild")
        guard file.unchanged else {
            throw PipelineError(
                .verification,
                "\(file.path) has changed since \(manifest.buildID) was made (SHA-256 "
                    + "\(file.currentSHA256), the build used \(file.recordedSHA256)). Check out the version the build used "
                    + "(e.g. git log -- \(file.path)).")
        }
        return file.path
    }

    /// The crosswalk the build read: `--crosswalk`, or the kept build whose crosswalk.csv has its hash.
    func crosswalk(_ manifest: BuildManifestFile) throws -> CrosswalkChoice {
        guard let recorded = manifest.configs.first(where: { $0.role == "crosswalk" }) else { return .none }
        if let crosswalkPath { return .file(crosswalkPath) }
        let output = ((buildPath as NSString).resolvingSymlinksInPath as NSString).deletingLastPathComponent
        for build in OutputFolder(path: output).builds() {
            let path = "\(output)/\(build)/crosswalk.csv"
            if let (sha, _) = try? FileSystem.hashFile(path), sha == recorded.sha256 { return .file(path) }
        }
        throw PipelineError(
            .input,
            "\(manifest.buildID) read the crosswalk \(recorded.path) (SHA-256 \(recorded.sha256)), "
                + "and no kept build in \(output) has it. Give it with --crosswalk FILE (the crosswalk.csv of the build before)."
        )
    }
}
