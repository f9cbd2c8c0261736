import RegpoolConfig
import RegpoolModel
import Yams

/// Reads pipeline files (`pipelines/NAME.yaml`, format version 1; see docs/pipeline.md).
package enum PipelineParser {
    /// Parses pipeline YAML text; relative paths are resolved against `baseDirectory` (pure string work, no file I/O).
    package static func parse(yaml: String, file: String, baseDirectory: String) throws(ConfigError) -> PipelineConfig {
        let diagnostics = Diagnostics(file: file)
        let reader = PipelineReader(diagnostics: diagnostics, base: baseDirectory)
        let config = YAMLDocument.compose(yaml, into: diagnostics).flatMap { reader.pipeline($0, file: file) }
        if let error = diagnostics.error() { throw error }
        guard let config else { throw ConfigError([]) }
        return config
    }
}

/// Builds a `PipelineConfig` from a node tree, reporting every problem.
struct PipelineReader {
    let diagnostics: Diagnostics
    let base: String

    static let topKeys = [
        "version", "name", "output", "pseudonym_key", "centres", "validation", "linkage", "parquet", "exports",
        "keep_builds",
    ]
    static let requiredTopKeys = ["version", "name", "output", "pseudonym_key", "centres"]
    static let keyKeys = ["env", "file"]

    /// The whole pipeline, or nil when a required part is missing or invalid.
    func pipeline(_ root: Node, file: String) -> PipelineConfig? {
        let d = diagnostics
        guard
            let top = d.keyed(
                root, allowed: Self.topKeys, required: Self.requiredTopKeys,
                in: "the pipeline file")
        else {
            return nil
        }
        if let version = top["version"] { d.checkVersion(version) }
        let name = top["name"].flatMap { d.text($0, "'name'") }
        let output = top["output"].flatMap { d.text($0, "'output'") }.map(resolve)
        let key = top["pseudonym_key"].flatMap(keySource)
        let centres = top["centres"].flatMap(centres)
        let validation = top["validation"].map(validationSettings) ?? .defaults
        let centreIDs = top["centres"].flatMap(declaredCentreIDs)
        let section = top.pairs.first { $0.key == "linkage" }
        // nil: no linkage section; .some(nil): an invalid one.
        let linkage = section.map { self.linkage($0.value, at: $0.keyNode, centres: centreIDs) }
        let parquet = top["parquet"].map(parquetSettings) ?? .defaults
        let exports = top["exports"].map(exports) ?? []
        let keep =
            top["keep_builds"].map { d.integer($0, "'keep_builds'", minimum: 1) } ?? PipelineConfig.defaultKeepBuilds
        guard let name, let output, let key, let centres, let validation, linkage != .some(nil), let parquet,
            let exports, let keep
        else {
            return nil
        }
        return PipelineConfig(
            version: 1, name: name, outputDirectory: output, key: key, centres: centres, file: file,
            validation: validation, linkage: linkage.flatMap { $0 }, parquet: parquet, exports: exports,
            keepBuilds: keep)
    }

    /// `pseudonym_key`: exactly one of `env: VARIABLE` or `file: PATH`.
    func keySource(_ node: Node) -> KeySource? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.keyKeys, in: "'pseudonym_key'") else { return nil }
        switch (keyed["env"], keyed["file"]) {
        case (nil, nil):
            d.report(node, "'pseudonym_key' needs 'env' or 'file'", hint: "write 'env: REGPOOL_KEY' or 'file: PATH'")
        case (.some, .some):
            d.report(
                keyed.pairs[1].keyNode, "'pseudonym_key' takes exactly one of 'env' or 'file', not both",
                hint: "keep the one the nightly job should use")
        case (let env?, nil):
            return environmentVariable(env).map(KeySource.environment)
        case (nil, let path?):
            return d.text(path, "'pseudonym_key.file'").map { .file(resolve($0)) }
        }
        return nil
    }

    /// An environment variable name (`[A-Za-z_][A-Za-z0-9_]*`).
    private func environmentVariable(_ node: Node) -> String? {
        guard let name = diagnostics.text(node, "'pseudonym_key.env'") else { return nil }
        let valid = name.unicodeScalars.enumerated().allSatisfy { index, c in
            c == "_" || (c.isASCII && c.properties.isAlphabetic) || (index > 0 && ("0"..."9").contains(c))
        }
        if !valid {
            diagnostics.report(
                node, "'\(name)' is not an environment variable name",
                hint: "use letters, digits and '_', e.g. REGPOOL_KEY")
            return nil
        }
        return name
    }

    /// `path` resolved against the pipeline file's folder.
    package func resolve(_ path: String) -> String {
        PathResolver.resolve(path, against: base)
    }
}
