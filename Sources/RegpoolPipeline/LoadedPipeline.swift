import Foundation
import RegpoolConfig
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
                let (mtext, msha) = try FileSystem.readText(centre.mapping, what: "The mapping file of centre \(centre.id)")
                let shown = display.of(centre.mapping)
                files.append(Manifest.ConfigFile(role: "mapping:\(centre.id)", path: shown, sha256: msha))
                let (mapping, vocabularies) = try Self.parseMapping(mtext, shown: shown, path: centre.mapping,
                                                                    show: display.of)
                for v in vocabularies where !files.contains(where: { $0.path == v.path }) {
                    files.append(Manifest.ConfigFile(role: "vocabulary", path: v.path, sha256: v.sha256))
                }
                if let named = mapping.centre, named != centre.id {
                    problems.append(
                        "\(centre.mapping): the mapping is written for centre \(named) but the pipeline uses it for \(centre.id) — fix `centre:` or the pipeline's `mapping:`")
                }
                mappings[centre.id] = mapping
            } catch let error as ConfigError {
                problems.append(PipelineError.config(error, file: centre.mapping).message)
            } catch let error as PipelineError {
                problems.append(error.message)
            }
        }
        guard problems.isEmpty else { throw PipelineError(.config, problems.joined(separator: "\n")) }
        return LoadedPipeline(config: config, mappings: mappings, configFiles: files, display: display)
    }

    /// The validation overrides with the pipeline file under its display path (their audit `rule`
    /// must not depend on the working directory).
    static func shown(_ settings: ValidationSettings, file: String) -> ValidationSettings {
        ValidationSettings(overrides: settings.overrides.map {
            .init(code: $0.code, action: $0.action,
                  location: SourceLocation(file: file, line: $0.location.line, column: $0.location.column))
        })
    }

    /// Parses a mapping under its display path (for audit rule references), then reads and binds
    /// the vocabularies it declares (paths relative to the mapping's folder). Problems are
    /// reported under the paths the user gave, so they can open the files.
    static func parseMapping(_ text: String, shown: String, path: String, show: (String) -> String = { $0 })
        throws -> (mapping: MappingConfig, vocabularies: [(path: String, sha256: String)])
    {
        let mapping: MappingConfig
        do {
            mapping = try MappingParser.parse(yaml: text, file: shown)
        } catch {
            throw relocated(error, to: path)
        }
        let folder = (path as NSString).deletingLastPathComponent
        var vocabularies: [String: Vocabulary] = [:]
        var files: [(path: String, sha256: String)] = []
        var problems: [ConfigProblem] = []
        for declaration in mapping.vocabularies {
            let file = declaration.path.hasPrefix("/") ? declaration.path : (folder.isEmpty ? declaration.path
                : folder + "/" + declaration.path)
            guard FileManager.default.fileExists(atPath: file) else {
                problems.append(ConfigProblem(SourceLocation(file: path, line: declaration.location.line,
                    column: declaration.location.column), "vocabulary '\(declaration.name)': the file \(file) does not exist",
                    hint: "paths are relative to the mapping file's folder"))
                continue
            }
            let (vtext, sha) = try FileSystem.readText(file, what: "The vocabulary \(declaration.name)")
            files.append((show(file), sha))
            do {
                let v = try VocabularyParser.parse(yaml: vtext, file: file)
                if v.name != declaration.name {
                    problems.append(ConfigProblem(SourceLocation(file: path, line: declaration.location.line,
                        column: declaration.location.column),
                        "vocabulary '\(declaration.name)' names the file \(file), which declares 'vocabulary: \(v.name)'",
                        hint: "use the same name in both places"))
                }
                vocabularies[declaration.name] = v
            } catch {
                problems += error.problems
            }
        }
        if !problems.isEmpty { throw ConfigError(problems) }
        do {
            return (try mapping.bound(to: vocabularies), files)
        } catch {
            throw ConfigError(error.problems.map {
                $0.location.file == shown ? ConfigProblem(SourceLocation(file: path, line: $0.location.line,
                    column: $0.location.column), $0.message, hint: $0.hint) : $0
            })
        }
    }

    private static func relocated(_ error: ConfigError, to path: String) -> ConfigError {
        ConfigError(error.problems.map {
            ConfigProblem(SourceLocation(file: path, line: $0.location.line, column: $0.location.column), $0.message,
                          hint: $0.hint)
        })
    }
}
