import Foundation
import RegpoolConfig
import RegpoolLoad

/// A pipeline file with its centres' mappings parsed and its key loaded: everything a run needs
/// before it touches an export.
struct LoadedPipeline {
    let config: PipelineConfig
    let mappings: [String: MappingConfig]
    let configFiles: [Manifest.ConfigFile]
    let key: [UInt8]

    /// Reads and strictly parses the pipeline and every mapping; reports every problem at once.
    static func load(pipelinePath: String, outputOverride: String?) throws -> LoadedPipeline {
        let (text, sha) = try FileSystem.readText(pipelinePath, what: "The pipeline file")
        let base = (pipelinePath as NSString).deletingLastPathComponent
        var config: PipelineConfig
        do {
            config = try PipelineParser.parse(yaml: text, file: pipelinePath, baseDirectory: base.isEmpty ? "." : base)
        } catch let error as ConfigError {
            throw PipelineError.config(error, file: pipelinePath)
        }
        if let outputOverride { config.outputDirectory = outputOverride }
        var files = [Manifest.ConfigFile(role: "pipeline", path: pipelinePath, sha256: sha)]
        var mappings: [String: MappingConfig] = [:]
        var problems: [String] = []
        for centre in config.centres {
            do {
                let (mtext, msha) = try FileSystem.readText(centre.mapping, what: "The mapping file of centre \(centre.id)")
                files.append(Manifest.ConfigFile(role: "mapping:\(centre.id)", path: centre.mapping, sha256: msha))
                let mapping = try MappingParser.parse(yaml: mtext, file: centre.mapping)
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
        let key = try KeyLoader.load(config.key)
        return LoadedPipeline(config: config, mappings: mappings, configFiles: files, key: key)
    }
}
