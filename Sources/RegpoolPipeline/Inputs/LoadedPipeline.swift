import Foundation
import RegpoolConfig
import RegpoolConfigParser
import RegpoolLoad

/// A pipeline file with its centres' mappings parsed: everything a run or a check needs before it
/// touches an export. The key is not loaded here (`regpool check` works without the secret).
struct LoadedPipeline {
    let config: PipelineConfig
    let mappings: [String: MappingConfig]
    let configFiles: [Manifest.ConfigFile]
    /// How paths are shown in the audit and the manifest.
    let display: DisplayPath

    /// Reads and strictly parses the pipeline and every mapping; reports every problem at once.
    static func load(pipelinePath: String, outputOverride: String?) throws -> LoadedPipeline {
        let (text, sha) = try FileSystem.readText(pipelinePath, what: "The pipeline file")
        let base = (pipelinePath as NSString).deletingLastPathComponent
        var config: PipelineConfig
        do {
            config = try PipelineParser.parse(yaml: text, file: pipelinePath, baseDirectory: base.isEmpty ? "." : base)
        } catch {
            throw PipelineError.config(error, file: pipelinePath)
        }
        if let outputOverride { config.outputDirectory = outputOverride }
        let display = DisplayPath(pipelineFile: pipelinePath)
        config.validation = Self.shown(config.validation, file: display.of(pipelinePath))
        var files = [Manifest.ConfigFile(role: "pipeline", path: display.of(pipelinePath), sha256: sha)]
        var mappings: [String: MappingConfig] = [:]
        var problems: [String] = []
        for centre in config.centres {
            do {
                let (mtext, msha) = try FileSystem.readText(
                    centre.mapping, what: "The mapping file of centre \(centre.id)")
                let shown = display.of(centre.mapping)
                files.append(Manifest.ConfigFile(role: "mapping:\(centre.id)", path: shown, sha256: msha))
                let (mapping, vocabularies) = try Self.parseMapping(
                    mtext, shown: shown, path: centre.mapping,
                    show: display.of)
                for v in vocabularies where !files.contains(where: { $0.path == v.path }) {
                    files.append(Manifest.ConfigFile(role: "vocabulary", path: v.path, sha256: v.sha256))
                }
                if let named = mapping.centre, named != centre.id {
                    problems.append(
                        "\(centre.mapping): the mapping is written for centre \(named) but the pipeline uses it for \(centre.id) — fix `centre:` or the pipeline's `mapping:`"
                    )
                }
                mappings[centre.id] = mapping
            } catch let error as ConfigError {
                problems.append(PipelineError.config(error, file: centre.mapping).message)
            } catch let error as PipelineError {
                problems.append(error.message)
            }
        }
        if problems.isEmpty, let linkage = config.linkage {
            let keys = mappings.mapValues { Set($0.linkKeyNames) }
            let found = linkage.problems(linkKeysByCentre: keys)
            if !found.isEmpty { problems.append(PipelineError.config(ConfigError(found), file: pipelinePath).message) }
        }
        guard problems.isEmpty else { throw PipelineError(.config, problems.joined(separator: "\n")) }
        return LoadedPipeline(config: config, mappings: mappings, configFiles: files, display: display)
    }

    /// The validation overrides with the pipeline file under its display path (their audit `rule`
    /// must not depend on the working directory).
    static func shown(_ settings: ValidationSettings, file: String) -> ValidationSettings {
        ValidationSettings(
            overrides: settings.overrides.map {
                .init(
                    code: $0.code, action: $0.action,
                    location: SourceLocation(file: file, line: $0.location.line, column: $0.location.column))
            })
    }

    /// Parses a mapping under its display path (for audit rule references), then reads and binds
    /// the vocabularies it declares (see `VocabularyLoader`). Problems of the mapping are reported
    /// under the path the user gave, so they can open the file.
    static func parseMapping(
        _ text: String, shown: String, path: String, show: (String) -> String = { $0 }
    )
        throws -> (mapping: MappingConfig, vocabularies: [(path: String, sha256: String)])
    {
        do {
            let mapping = try MappingParser.parse(yaml: text, file: shown)
            let loaded = try VocabularyLoader.load(mapping.vocabularies, mappingPath: path, show: show)
            return (try mapping.bound(to: loaded.vocabularies), loaded.files)
        } catch {
            throw ConfigError(
                error.problems.map {
                    guard $0.location.file == shown else { return $0 }
                    return ConfigProblem(
                        SourceLocation(file: path, line: $0.location.line, column: $0.location.column),
                        $0.message, hint: $0.hint)
                })
        }
    }
}
