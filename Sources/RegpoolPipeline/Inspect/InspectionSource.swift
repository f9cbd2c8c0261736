import Foundation
import RegpoolConfig
import RegpoolModel

/// The mapping source `regpool inspect --mapping` reads a file with: the one whose `files:` globs
/// match the file's name (or the one `--source` names among those).
struct InspectionSource {
    let mapping: MappingConfig
    let spec: SourceSpec
    /// The centre named in audit events: the mapping's `centre`, else its file name without extension.
    let centre: String

    /// Parses the mapping at `path` and picks the source for `options.file`.
    static func load(_ path: String, options: InspectionOptions) throws -> InspectionSource {
        let mapping: MappingConfig
        do {
            let (text, _) = try FileSystem.readText(path, what: "The mapping file")
            mapping = try LoadedPipeline.parseMapping(text, shown: path, path: path).mapping
        } catch let error as PipelineError {
            throw InspectionError(.configError, error.message)
        } catch let error as ConfigError {
            let lines = error.problems.map { "  \($0)" }.joined(separator: "\n")
            throw InspectionError(.configError, "\(path) has \(error.problems.count) problem(s):\n\(lines)")
        }
        let spec = try pick(in: mapping, path: path, options: options)
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return InspectionSource(mapping: mapping, spec: spec, centre: mapping.centre ?? stem)
    }

    private static func pick(in mapping: MappingConfig, path: String, options: InspectionOptions) throws -> SourceSpec {
        let name = (options.file as NSString).lastPathComponent
        let matching = mapping.sources.filter { Glob.matchesAny($0.files, name) }
        if let wanted = options.source {
            guard let spec = mapping.sources.first(where: { $0.name == wanted }) else {
                throw InspectionError.usage(
                    "\(path) has no source named '\(wanted)'; its sources are "
                        + list(mapping.sources) + ".")
            }
            guard matching.contains(spec) else {
                throw InspectionError.usage(
                    "\(name) does not match the files of source \(wanted) (\(globs(spec))) in \(path); "
                        + "sources whose files match it: " + (matching.isEmpty ? "none" : list(matching)) + ".")
            }
            return spec
        }
        guard let first = matching.first else {
            throw InspectionError.usage(
                "\(name) matches no source of \(path): its sources are " + list(mapping.sources)
                    + ". Rename the file to match one, or add its name to a source's `files:`.")
        }
        guard matching.count == 1 else {
            throw InspectionError.usage(
                "\(name) matches \(matching.count) sources of \(path): " + list(matching)
                    + ". Pick one with --source NAME.")
        }
        return first
    }

    private static func globs(_ spec: SourceSpec) -> String { "files: " + spec.files.joined(separator: ", ") }

    private static func list(_ specs: [SourceSpec]) -> String {
        specs.map { "\($0.name) (\(globs($0)))" }.joined(separator: "; ")
    }
}
