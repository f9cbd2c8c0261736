import RegpoolConfig
import RegpoolModel
import Yams

/// One column rule: `{ field: …, map: …, date: …, decimal: …, factor: …, unit: …, missing: … }`.
extension MappingReader {
    static let ruleKeys = [
        "field", "value", "map", "fold", "vocabulary", "unknown", "date", "pivot", "partial",
        "decimal", "thousands", "factor", "unit", "unit_field", "units", "range", "missing",
    ]

    /// The rule for `table.column`, or nil after reporting its problems. `{name}` in `field` and
    /// `value` texts is replaced from `substitutions` (a `repeat:` row).
    func rule(
        _ node: Node, column: ColumnSchema, table: String, keyNode: Node,
        substitutions: [String: String] = [:]
    ) -> ColumnRule? {
        let d = diagnostics
        let name = "\(table).\(column.name)"
        let before = d.count
        if let scalar = node.scalar, !Diagnostics.isNull(node) {
            d.report(
                node, "the rule for \(name) must be a mapping, found the single value '\(scalar.string)'",
                hint: "write { field: \(scalar.string) } to read that source field")
            return nil
        }
        guard let keyed = d.keyed(node, allowed: Self.ruleKeys, in: "the rule for \(name)") else { return nil }
        let decimal = keyed["decimal"].flatMap { readDecimal($0, column, name) } ?? "."
        let pivot = keyed["pivot"].flatMap { readPivot($0, column, name) }
        let datePattern = keyed["date"].flatMap { readDatePattern($0, column, name, pivot: pivot) }
        let check = ValueCheck(name: name, type: column.type, decimal: decimal, datePattern: datePattern, pivot: pivot)
        let input = readInput(keyed, keyNode: keyNode, name: name, check: check, substitutions: substitutions)
        let fold = keyed["fold"].flatMap { readFold($0) } ?? TextFold.none
        let map = keyed["map"].flatMap { mapEntries($0, check, fold: fold) }
        let factor = keyed["factor"].flatMap { readFactor($0, column, name) }
        let unit = keyed["unit"].flatMap { d.text($0, "'unit'") }
        let missing = keyed["missing"].flatMap { d.texts($0, "'missing'") }
        if let mapKey = keyed.keyNode("map"), case .constant = input {
            d.report(mapKey, "'map' applies to a source field; with 'value' write the CDM value directly")
        }
        guard d.count == before, let input else { return nil }
        var rule = ColumnRule(
            column: column.name, input: input, map: map, datePattern: datePattern, decimal: decimal,
            factor: factor, unit: unit, missing: missing, location: d.location(keyNode))
        rule.fold = fold
        rule.pivot = pivot
        readOptions(keyed, into: &rule, column: column, name: name, check: check)
        checkCombinations(keyed, rule, datePatternGiven: datePattern != nil)
        return d.count == before ? rule : nil
    }

    /// Exactly one of `field` or `value`; a constant must be a valid value of the column.
    private func readInput(
        _ keyed: KeyedNode, keyNode: Node, name: String, check: ValueCheck,
        substitutions: [String: String]
    ) -> RuleInput? {
        let d = diagnostics
        switch (keyed["field"], keyed["value"]) {
        case (nil, nil):
            d.report(keyNode, "the rule for \(name) needs 'field' (a source field) or 'value' (a constant)")
        case (.some, .some):
            let later = keyed.pairs.filter { $0.key == "field" || $0.key == "value" }[1]
            d.report(
                later.keyNode, "the rule for \(name) has both 'field' and 'value'; give exactly one",
                hint: "use 'field' to read the source or 'value' for a constant")
        case (let field?, nil):
            return d.text(field, "'field'").map { RuleInput.field(Self.substitute($0, substitutions)) }
        case (nil, let value?):
            guard let written = d.text(value, "'value'") else { return nil }
            let text = Self.substitute(written, substitutions)
            if let problem = check.problem(text, as: "value") {
                d.report(value, problem.message, hint: problem.hint)
                return nil
            }
            return .constant(text)
        }
        return nil
    }

    /// `map`: label → target in document order; `~` targets mean "not known". Two labels that
    /// are the same after trimming (and the rule's folding) are an error.
    func mapEntries(_ node: Node, _ check: ValueCheck, fold: TextFold) -> [MapEntry]? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "'map'") else { return nil }
        var entries: [MapEntry] = []
        var seen: [String: String] = [:]
        for (keyNode, targetNode) in mapping {
            guard let raw = d.plainKey(keyNode) else { continue }
            let label = raw.trimmingSpaces
            let folded = fold.fold(label)
            if let first = seen[folded] {
                let how = fold.isNone ? "after trimming spaces" : "after trimming spaces and folding"
                d.report(
                    keyNode, "map label '\(label)' is the same as '\(first)' \(how)",
                    hint: "list each label once")
                continue
            }
            seen[folded] = label
            if let entry = mapEntry(label, targetNode, check) { entries.append(entry) }
        }
        return entries
    }

    /// One entry; the target is nil for `~`/`null`, else text valid for the column (nil entry after reporting).
    func mapEntry(_ label: String, _ node: Node, _ check: ValueCheck) -> MapEntry? {
        if Diagnostics.isNull(node) { return MapEntry(source: label, target: nil) }
        guard let text = diagnostics.text(node, "a map target") else { return nil }
        if let problem = check.problem(text, as: "map target") {
            diagnostics.report(node, problem.message, hint: problem.hint)
            return nil
        }
        return MapEntry(source: label, target: text)
    }

    /// `decimal`: `.` or `,`, only for number columns.
    private func readDecimal(_ node: Node, _ column: ColumnSchema, _ name: String) -> Character? {
        guard let text = diagnostics.text(node, "'decimal'") else { return nil }
        guard text == "." || text == "," else {
            diagnostics.report(node, "'decimal' must be \".\" or \",\", found '\(text)'")
            return nil
        }
        guard column.type == .double || column.type == .int32 else {
            diagnostics.report(node, "'decimal' applies to number columns; \(name) is \(column.type.name)")
            return nil
        }
        return Character(text)
    }

    /// `date`: a valid pattern, only for date columns.
    private func readDatePattern(_ node: Node, _ column: ColumnSchema, _ name: String, pivot: Int?) -> DatePattern? {
        guard let text = diagnostics.text(node, "'date'") else { return nil }
        guard column.type == .date else {
            diagnostics.report(node, "'date' applies to date columns; \(name) is \(column.type.name)")
            return nil
        }
        do throws(DatePattern.Problem) {
            return try DatePattern(text, pivot: pivot)
        } catch {
            diagnostics.report(node, error.message, hint: error.hint)
            return nil
        }
    }

    /// `factor`: a finite, non-zero number, only for double columns.
    func readFactor(_ node: Node, _ column: ColumnSchema, _ name: String) -> Double? {
        guard let text = diagnostics.text(node, "'factor'") else { return nil }
        guard let value = NumberText.parse(text, decimal: "."), value != 0 else {
            diagnostics.report(node, "'factor' must be a finite non-zero number, found '\(text)'", hint: "e.g. 0.1")
            return nil
        }
        guard column.type == .double else {
            diagnostics.report(node, "'factor' applies to double columns; \(name) is \(column.type.name)")
            return nil
        }
        return value
    }
}

extension MappingReader {
    /// `text` with every `{name}` of `substitutions` replaced.
    static func substitute(_ text: String, _ substitutions: [String: String]) -> String {
        var out = text
        for (name, value) in substitutions.sorted(by: { $0.key < $1.key }) {
            out = out.replacingAll("{\(name)}", with: value)
        }
        return out
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
