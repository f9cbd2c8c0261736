import RegpoolConfig
import RegpoolModel
import Yams

/// Reading typed values from YAML nodes, reporting every mismatch.
extension Diagnostics {
    /// The mapping `node` with its keys checked: unknown keys and missing required keys are reported.
    func keyed(_ node: Node, allowed: [String], required: [String] = [], in what: String) -> KeyedNode? {
        guard let mapping = expectMapping(node, what) else { return nil }
        var pairs: [KeyedNode.Pair] = []
        for (keyNode, value) in mapping {
            guard let key = plainKey(keyNode) else { continue }
            if allowed.contains(key) {
                pairs.append(.init(key: key, keyNode: keyNode, value: value))
            } else {
                report(
                    keyNode, "unknown key '\(key)' in \(what); allowed keys: \(allowed.joined(separator: ", "))",
                    hint: Suggestion.hint(for: key, in: allowed))
            }
        }
        let keyed = KeyedNode(node: node, pairs: pairs)
        for key in required where keyed[key] == nil {
            report(node, "missing required key '\(key)' in \(what)", hint: "add '\(key): …'")
        }
        return keyed
    }

    /// `node` as a mapping, or nil after reporting a wrong kind.
    func expectMapping(_ node: Node, _ what: String) -> Node.Mapping? {
        if let mapping = node.mapping { return mapping }
        report(node, "\(what) must be a mapping (key: value lines or { … }), found \(Self.kind(node))")
        return nil
    }

    /// `node` as a list, or nil after reporting a wrong kind.
    func expectSequence(_ node: Node, _ what: String) -> [Node]? {
        if let sequence = node.sequence { return Array(sequence) }
        report(node, "\(what) must be a list (- item lines or [ … ]), found \(Self.kind(node))")
        return nil
    }

    /// The raw text of a scalar key, or nil after reporting a non-text key.
    func plainKey(_ node: Node) -> String? {
        if let scalar = node.scalar { return scalar.string }
        report(node, "a key must be plain text, found \(Self.kind(node))")
        return nil
    }

    /// The raw text of a non-null, non-empty scalar, or nil after reporting why not.
    func text(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar else {
            report(node, "\(what) must be a single value, found \(Self.kind(node))")
            return nil
        }
        if Self.isNull(node) || scalar.string.isEmpty {
            report(node, "\(what) needs a value")
            return nil
        }
        return scalar.string
    }

    /// The raw texts of a list of scalars (empty texts allowed), or nil after reporting.
    func texts(_ node: Node, _ what: String, nonEmpty: Bool = false) -> [String]? {
        guard let items = expectSequence(node, what) else { return nil }
        if nonEmpty && items.isEmpty {
            report(node, "\(what) must list at least one entry")
            return nil
        }
        var result: [String] = []
        var valid = true
        for item in items {
            if let scalar = item.scalar {
                result.append(scalar.string)
            } else {
                report(item, "each entry of \(what) must be a single value, found \(Self.kind(item))")
                valid = false
            }
        }
        return valid ? result : nil
    }

    /// The version (must be `1`), reporting any other value.
    func checkVersion(_ node: Node) {
        guard let text = text(node, "'version'") else { return }
        if text != "1" {
            report(
                node, "unsupported version '\(text)': this regpool reads format version 1",
                hint: "write 'version: 1' and follow docs for version 1")
        }
    }

    /// True for a plain `~`, `null` or empty scalar.
    static func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain || scalar.style == .any else { return false }
        return ["~", "null", "Null", "NULL", ""].contains(scalar.string)
    }

    /// "a mapping", "a list" or "a value", for messages.
    package static func kind(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar: return isNull(node) ? "an empty value" : "a single value"
        case .alias: return "an alias"
        }
    }
}
