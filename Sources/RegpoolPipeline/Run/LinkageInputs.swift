import RegpoolCohort
import RegpoolConfig
import RegpoolConfigParser
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping

/// Which previous crosswalk a run reads.
package enum CrosswalkChoice: Sendable, Equatable {
    /// The pipeline's `linkage.crosswalk`, when it names one.
    case configured
    /// This file (`--crosswalk PATH`), whatever the pipeline says.
    case file(String)
    /// None (`--no-crosswalk`): every pooled patient takes its survivor's own id.
    case none
}

/// The linkage inputs besides the pipeline and mappings: the overrides file and the previous
/// build's id crosswalk. Both are inputs of the build: hashed into the manifest and the build id.
struct LinkageInputs {
    let overrides: [LinkOverride]
    let previous: Crosswalk?
    /// Their manifest entries (roles `overrides` and `crosswalk`).
    let files: [Manifest.ConfigFile]

    /// Reads and strictly parses the overrides file and the chosen crosswalk.
    static func load(_ pipeline: LoadedPipeline, crosswalk choice: CrosswalkChoice) throws -> LinkageInputs {
        var files: [Manifest.ConfigFile] = []
        var overrides: [LinkOverride] = []
        if let path = pipeline.config.linkage?.overrides {
            let (text, sha) = try FileSystem.readText(path, what: "The overrides file", kind: .input)
            let shown = pipeline.display.of(path)
            do {
                overrides = try OverridesParser.parse(
                    text: text, file: shown,
                    centres: pipeline.config.centres.map(\.id))
            } catch {
                throw PipelineError.config(error, file: path)
            }
            files.append(Manifest.ConfigFile(role: "overrides", path: shown, sha256: sha))
        }
        let previous = try crosswalk(choice, pipeline: pipeline)
        if let previous { files.append(previous.file) }
        return LinkageInputs(overrides: overrides, previous: previous?.crosswalk, files: files)
    }

    /// The previous crosswalk and its manifest entry, or nil.
    private static func crosswalk(
        _ choice: CrosswalkChoice, pipeline: LoadedPipeline
    ) throws
        -> (crosswalk: Crosswalk, file: Manifest.ConfigFile)?
    {
        let path: String
        switch choice {
        case .none: return nil
        case .file(let p): path = p
        case .configured:
            guard let p = pipeline.config.linkage?.crosswalk else { return nil }
            path = p
        }
        let text: String
        let sha: String
        do {
            (text, sha) = try FileSystem.readText(path, what: "The previous build's id crosswalk", kind: .input)
        } catch let error as PipelineError {
            throw PipelineError(
                .input,
                error.message + " It keeps pooled ids stable from build to build. "
                    + "For the first build of a pipeline (no previous build yet), run once with --no-crosswalk.")
        }
        let shown = pipeline.display.of(path)
        do {
            let pooledIDs = try CrosswalkParser.parse(Array(text.utf8), file: shown)
            return (Crosswalk(pooledIDs), Manifest.ConfigFile(role: "crosswalk", path: shown, sha256: sha))
        } catch {
            throw PipelineError.config(error, file: path)
        }
    }
}
