import RegpoolConfig
import RegpoolModel
import Yams

/// The mapping's `derive:` list: names from `DerivationName`, each at most once.
extension MappingReader {
    /// Every entry, or nil after reporting an unknown or repeated name.
    func derivations(_ node: Node) -> [DerivationSpec]? {
        let d = diagnostics
        guard let items = d.expectSequence(node, "'derive'") else { return nil }
        let names = DerivationName.allCases.map(\.rawValue)
        var result: [DerivationSpec] = []
        var valid = true
        for item in items {
            guard let text = d.text(item, "an entry of 'derive'") else {
                valid = false
                continue
            }
            guard let name = DerivationName(rawValue: text) else {
                d.report(
                    item, "'\(text)' is not a derivation regpool knows; known: \(names.joined(separator: ", "))",
                    hint: Suggestion.hint(for: text, in: names))
                valid = false
                continue
            }
            if let first = result.first(where: { $0.name == name }) {
                d.report(
                    item, "derivation '\(text)' is listed twice (first at line \(first.location.line))",
                    hint: "list each derivation once")
                valid = false
                continue
            }
            result.append(DerivationSpec(name: name, location: d.location(item)))
        }
        return valid ? result : nil
    }
}
