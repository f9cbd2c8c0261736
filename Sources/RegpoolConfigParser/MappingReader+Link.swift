import RegpoolConfig
import RegpoolModel
import Yams

/// A source's `link:` key: named link keys for cross-centre linkage, each read from a source field.
extension MappingReader {
    /// `link: { name: FIELD, … }` in document order, or nil after reporting its problems.
    func linkKeys(_ node: Node) -> [LinkKeySpec]? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "'link'") else { return nil }
        if mapping.isEmpty {
            d.report(node, "'link' must name at least one link key", hint: "e.g. link: { trial_subject_id: ESSAI_ID }")
            return nil
        }
        let before = d.count
        var keys: [LinkKeySpec] = []
        for (keyNode, valueNode) in mapping {
            guard let name = d.plainKey(keyNode), checkLinkName(name, keyNode),
                let field = d.text(valueNode, "the field of link key '\(name)'")
            else { continue }
            keys.append(LinkKeySpec(name: name, field: field, location: d.location(keyNode)))
        }
        return d.count == before ? keys : nil
    }

    /// True for a valid link key name; else reports why not.
    private func checkLinkName(_ name: String, _ node: Node) -> Bool {
        if name == LinkKeyReference.localID {
            diagnostics.report(
                node,
                "'\(name)' is the built-in link key holding the patient key (patient_key); "
                    + "it cannot be declared under 'link'",
                hint: "linkage rules use local_id as it is; name this key for what it holds, e.g. trial_subject_id")
            return false
        }
        guard LinkKeySpec.isValidName(name) else {
            let snake = String(
                name.lowercased().map { ch -> Character in
                    ch.isASCII && (ch.isLetter || ch.isNumber) ? ch : "_"
                })
            let example = LinkKeySpec.isValidName(snake) ? snake : "trial_subject_id"
            diagnostics.report(
                node,
                "link key name '\(name)' must start with a lower-case letter and hold only "
                    + "a-z, 0-9 and '_'", hint: "e.g. \(example)")
            return false
        }
        return true
    }
}
