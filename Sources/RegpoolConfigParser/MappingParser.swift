import RegpoolConfig
import RegpoolModel
import Yams

/// Reads a centre's mapping file (`mappings/<centre>.yaml`, format version 1; see docs/mapping.md).
package enum MappingParser {
    /// Parses mapping YAML text; every problem of the file is reported in one `ConfigError`.
    package static func parse(yaml: String, file: String) throws(ConfigError) -> MappingConfig {
        let diagnostics = Diagnostics(file: file)
        let reader = MappingReader(diagnostics: diagnostics)
        let config = YAMLDocument.compose(yaml, into: diagnostics).flatMap { reader.mapping($0, file: file) }
        if let error = diagnostics.error() { throw error }
        guard let config else { throw ConfigError([]) }
        return config
    }
}

/// Builds a `MappingConfig` from a node tree, reporting every problem.
struct MappingReader {
    let diagnostics: Diagnostics
    /// Names declared under `vocabularies:` (rules may name only these).
    var vocabularyNames: [String] = []

    static let topKeys = ["version", "centre", "missing", "vocabularies", "sources", "derive"]

    /// The whole mapping file, or nil when a required part is missing or invalid.
    func mapping(_ root: Node, file: String) -> MappingConfig? {
        let d = diagnostics
        guard let top = d.keyed(root, allowed: Self.topKeys, required: ["version", "sources"], in: "the mapping file")
        else { return nil }
        if let version = top["version"] { d.checkVersion(version) }
        let centre = top["centre"].flatMap(centreID)
        let missing = top["missing"].map { d.texts($0, "'missing'") } ?? [""]
        let vocabularies = top["vocabularies"].flatMap(vocabularyDeclarations) ?? []
        var reader = self
        reader.vocabularyNames = vocabularies.map(\.name)
        let sources = top["sources"].flatMap(reader.sources)
        let derive = top["derive"].map(derivations) ?? []
        guard let missing, let sources, let derive else { return nil }
        var config = MappingConfig(
            version: 1, centre: centre, missing: missing, sources: sources, file: file,
            derive: derive)
        config.vocabularies = vocabularies
        return config
    }

    /// `vocabularies: { name: path }` in document order.
    private func vocabularyDeclarations(_ node: Node) -> [VocabularyDeclaration]? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "'vocabularies'") else { return nil }
        var out: [VocabularyDeclaration] = []
        for (keyNode, valueNode) in mapping {
            guard let name = d.plainKey(keyNode), let path = d.text(valueNode, "a vocabulary path") else { continue }
            if out.contains(where: { $0.name == name }) {
                d.report(keyNode, "vocabulary '\(name)' is declared twice")
                continue
            }
            out.append(VocabularyDeclaration(name: name, path: path, location: d.location(keyNode)))
        }
        return out
    }

    /// The optional `centre` id (`[a-z0-9-]+`).
    private func centreID(_ node: Node) -> String? {
        guard let id = diagnostics.text(node, "'centre'") else { return nil }
        if !CentreID.isValid(id) {
            diagnostics.report(
                node, "centre id '\(id)' may hold only a-z, 0-9 and '-'",
                hint: "write the id the pipeline uses, e.g. 'fr-lyon'")
        }
        return id
    }

    /// Every source (at least one, names unique), or nil when any is invalid.
    private func sources(_ node: Node) -> [SourceSpec]? {
        guard let items = diagnostics.expectSequence(node, "'sources'") else { return nil }
        if items.isEmpty {
            diagnostics.report(node, "'sources' must list at least one source")
            return nil
        }
        var seen: [String: Int] = [:]
        var result: [SourceSpec] = []
        for item in items {
            if let spec = source(item, seen: &seen) { result.append(spec) }
        }
        return result.count == items.count ? result : nil
    }
}
