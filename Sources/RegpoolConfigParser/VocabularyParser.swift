import RegpoolConfig
import RegpoolModel
import Yams

/// Reads a shared vocabulary file (format version 1; see docs/mapping.md, "Shared vocabularies").
package enum VocabularyParser {
    static let keys = ["version", "vocabulary", "description", "labels"]

    /// Parses vocabulary YAML text; every problem of the file is reported in one `ConfigError`.
    package static func parse(yaml: String, file: String) throws(ConfigError) -> Vocabulary {
        let d = Diagnostics(file: file)
        let vocabulary = YAMLDocument.compose(yaml, into: d).flatMap { read($0, d, file: file) }
        if let error = d.error() { throw error }
        guard let vocabulary else { throw ConfigError([]) }
        return vocabulary
    }

    private static func read(_ root: Node, _ d: Diagnostics, file: String) -> Vocabulary? {
        guard
            let top = d.keyed(
                root, allowed: keys, required: ["version", "vocabulary", "labels"], in: "a vocabulary file")
        else { return nil }
        if let version = top["version"] { d.checkVersion(version) }
        _ = top["description"].flatMap { d.text($0, "'description'") }
        let name = top["vocabulary"].flatMap { d.text($0, "'vocabulary'") }
        guard let labelsNode = top["labels"], let mapping = d.expectMapping(labelsNode, "'labels'") else { return nil }
        var entries: [Vocabulary.Entry] = []
        for (keyNode, valueNode) in mapping {
            guard let raw = d.plainKey(keyNode) else { continue }
            let label = raw.trimmingSpaces
            if let first = entries.first(where: { $0.label == label }) {
                d.report(keyNode, "label '\(label)' appears twice (first at line \(first.location.line))")
                continue
            }
            let target = Diagnostics.isNull(valueNode) ? nil : d.text(valueNode, "a label's CDM value")
            if target == nil, !Diagnostics.isNull(valueNode) { continue }
            entries.append(Vocabulary.Entry(label: label, target: target, location: d.location(keyNode)))
        }
        guard let name else { return nil }
        return Vocabulary(name: name, entries: entries, file: file)
    }
}
