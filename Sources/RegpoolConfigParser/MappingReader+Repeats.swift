import RegpoolConfig
import RegpoolModel
import Yams

/// The row-level shapes of repeats: `repeat:` (wide columns) and `unpack:` (a packed cell).
extension MappingReader {
    static let unpackKeys = ["field", "separator", "pattern"]

    /// `repeat: { n: "1..4" }` or `repeat: { n: [a, b] }`: the placeholder and its values.
    func repeatValues(_ node: Node) -> (name: String, values: [String])? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "'repeat'") else { return nil }
        guard mapping.count == 1, let (keyNode, valuesNode) = mapping.first, let name = d.plainKey(keyNode) else {
            d.report(node, "'repeat' takes one placeholder and its values", hint: "e.g. repeat: { n: \"1..4\" }")
            return nil
        }
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), !name.isEmpty else {
            d.report(keyNode, "placeholder '\(name)' may hold only letters, digits and '_'")
            return nil
        }
        let values: [String]?
        if valuesNode.sequence != nil {
            values = d.texts(valuesNode, "the values of '\(name)'", nonEmpty: true)
        } else {
            values = d.text(valuesNode, "the values of '\(name)'").flatMap { rangeValues($0, valuesNode) }
        }
        guard let values else { return nil }
        if Set(values).count != values.count {
            d.report(valuesNode, "the values of '\(name)' repeat one another")
            return nil
        }
        return (name, values)
    }

    /// `"1..4"` as ["1", "2", "3", "4"] (at most 100 values).
    private func rangeValues(_ text: String, _ node: Node) -> [String]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: true)
        guard text.contains(".."), parts.count == 2, let lo = Int(parts[0]), let hi = Int(parts[1]), lo <= hi,
            hi - lo < 100
        else {
            diagnostics.report(
                node, "'\(text)' is not a range of whole numbers such as \"1..4\" (at most 100 values)",
                hint: "or list the values: [1, 2, 3]")
            return nil
        }
        return (lo...hi).map(String.init)
    }

    /// `unpack: { field, separator, pattern }` with a valid regular expression holding named groups.
    func unpackSpec(_ node: Node, keyNode: Node) -> UnpackSpec? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.unpackKeys, required: Self.unpackKeys, in: "'unpack'"),
            let field = keyed["field"].flatMap({ d.text($0, "'unpack.field'") }),
            let separator = keyed["separator"].flatMap({ d.text($0, "'unpack.separator'") }),
            let patternNode = keyed["pattern"], let pattern = d.text(patternNode, "'unpack.pattern'")
        else { return nil }
        if separator.isEmpty, let s = keyed["separator"] { d.report(s, "'unpack.separator' must not be empty") }
        let compiled: UnpackPattern
        do {
            compiled = try UnpackPattern(pattern)
        } catch {
            d.report(
                patternNode, "'unpack.pattern' is not a valid regular expression: \(error)",
                hint: "use Swift/PCRE syntax with named groups, e.g. (?<agent>[^0-9]+) (?<start>[0-9-]+)")
            return nil
        }
        let groups = Self.namedGroups(pattern)
        if groups.isEmpty {
            d.report(
                patternNode, "'unpack.pattern' has no named group; rules read an item's parts by group name",
                hint: "name each part: (?<start>\\d{4}-\\d{2}-\\d{2})")
            return nil
        }
        return UnpackSpec(
            field: field, separator: separator, pattern: compiled, groups: groups,
            location: d.location(keyNode))
    }

    /// The names of `(?<name>…)` and `(?P<name>…)` groups, in order.
    static func namedGroups(_ pattern: String) -> [String] {
        var names: [String] = []
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" {
                i += 2
                continue
            }
            if chars[i] == "(", i + 2 < chars.count, chars[i + 1] == "?" {
                var j = i + 2
                if j < chars.count, chars[j] == "P" { j += 1 }
                if j < chars.count, chars[j] == "<", j + 1 < chars.count, chars[j + 1] != "=", chars[j + 1] != "!" {
                    let start = j + 1
                    var end = start
                    while end < chars.count, chars[end] != ">" { end += 1 }
                    names.append(String(chars[start..<end]))
                }
            }
            i += 1
        }
        return names
    }
}
