import RegpoolConfig
import RegpoolModel
import Yams

/// The column-rule keys beyond field/value/map/date/decimal/factor/unit/missing: folding,
/// vocabularies, defaults for unknown labels, partial dates, thousands, ranges and unit columns.
extension MappingReader {
    static let foldOptions = ["case", "accents"]

    /// Reads the optional keys into `rule`, reporting problems.
    func readOptions(
        _ keyed: KeyedNode, into rule: inout ColumnRule, column: ColumnSchema, name: String,
        check: ValueCheck
    ) {
        rule.vocabulary = keyed["vocabulary"].flatMap(readVocabularyName)
        rule.unknown = keyed["unknown"].flatMap { readUnknown($0, check) }
        rule.partial = keyed["partial"].flatMap { readPartial($0, column, name, pivot: rule.pivot) } ?? []
        rule.thousands = keyed["thousands"].flatMap { readThousands($0, column, name, decimal: rule.decimal) }
        rule.range = keyed["range"].flatMap { readRange($0, column, name) }
        rule.unitField = keyed["unit_field"].flatMap { diagnostics.text($0, "'unit_field'") }
        rule.units = keyed["units"].flatMap { readUnits($0, column, name) }
    }

    /// Keys that need or exclude one another.
    func checkCombinations(_ keyed: KeyedNode, _ rule: ColumnRule, datePatternGiven: Bool) {
        let d = diagnostics
        let isField = rule.input.fieldName != nil && keyed.keyNode("vocabulary") == nil
        if let node = keyed.keyNode("unknown"), isField, rule.map == nil, rule.vocabulary == nil {
            d.report(
                node, "'unknown' is the default for labels a map does not list; this rule has no 'map' or 'vocabulary'")
        }
        if let node = keyed.keyNode("fold"), isField, rule.map == nil, rule.vocabulary == nil {
            d.report(node, "'fold' applies to the labels of a 'map' or 'vocabulary'; this rule has neither")
        }
        let patterns = [(rule.datePattern ?? .iso).text] + rule.partial.map(\.pattern.text)
        let twoDigitYears = patterns.contains {
            (try? DatePattern($0, pivot: nil, partial: true)) == nil
                && (try? DatePattern($0, pivot: nil)) == nil
        }
        if let node = keyed.keyNode("pivot"), !twoDigitYears {
            d.report(node, "'pivot' applies to date patterns with a two-digit year 'yy'", hint: "e.g. date: dd.MM.yy")
        }
        if let node = keyed.keyNode("unit_field"), rule.units == nil {
            d.report(
                node, "'unit_field' needs 'units' (unit label → factor to the canonical unit)",
                hint: "e.g. units: { \"g/dL\": 1, \"g/L\": 0.1, \"mmol/L\": 1.611 }")
        }
        if let node = keyed.keyNode("units"), rule.unitField == nil {
            d.report(
                node, "'units' needs 'unit_field' (the field naming each value's unit)",
                hint: "for one fixed unit write 'factor' and 'unit' instead")
        }
        if let node = keyed.keyNode("factor"), rule.units != nil {
            d.report(node, "'factor' and 'units' exclude each other: the factor comes from the unit column")
        }
        if case .constant = rule.input,
            let key = ["fold", "vocabulary", "unknown", "partial", "unit_field"]
                .first(where: { keyed.keyNode($0) != nil }), let node = keyed.keyNode(key)
        {
            d.report(node, "'\(key)' applies to a source field; with 'value' write the CDM value directly")
        }
    }

    /// `fold: case`, `fold: accents` or `fold: [case, accents]`.
    func readFold(_ node: Node) -> TextFold? {
        let d = diagnostics
        let words: [String]?
        if node.sequence != nil { words = d.texts(node, "'fold'") } else { words = d.text(node, "'fold'").map { [$0] } }
        guard let words else { return nil }
        var fold = TextFold.none
        for word in words {
            switch word {
            case "case": fold.caseInsensitive = true
            case "accents": fold.accentInsensitive = true
            default:
                d.report(
                    node, "unknown fold '\(word)'; allowed: case, accents",
                    hint: Suggestion.hint(for: word, in: Self.foldOptions) ?? "e.g. fold: [case, accents]")
                return nil
            }
        }
        return fold
    }

    /// `vocabulary: NAME`, declared under the file's `vocabularies:`.
    private func readVocabularyName(_ node: Node) -> String? {
        guard let name = diagnostics.text(node, "'vocabulary'") else { return nil }
        guard vocabularyNames.contains(name) else {
            let known =
                vocabularyNames.isEmpty
                ? "this file declares none" : "declared: " + vocabularyNames.joined(separator: ", ")
            diagnostics.report(
                node, "vocabulary '\(name)' is not declared under 'vocabularies:' (\(known))",
                hint: Suggestion.hint(for: name, in: vocabularyNames)
                    ?? "declare it at the top: vocabularies: { \(name): vocabularies/\(name).yaml }")
            return nil
        }
        return name
    }

    /// `unknown: TARGET` (a valid value of the column) or `unknown: ~`.
    private func readUnknown(_ node: Node, _ check: ValueCheck) -> UnknownDefault? {
        if Diagnostics.isNull(node) { return .null }
        guard let text = diagnostics.text(node, "'unknown'") else { return nil }
        if let problem = check.problem(text, as: "'unknown'") {
            diagnostics.report(node, problem.message, hint: problem.hint)
            return nil
        }
        return .value(text)
    }

    /// `pivot: 1930`, only for date columns.
    func readPivot(_ node: Node, _ column: ColumnSchema, _ name: String) -> Int? {
        guard column.type == .date else {
            if diagnostics.text(node, "'pivot'") != nil {
                diagnostics.report(node, "'pivot' applies to date columns; \(name) is \(column.type.name)")
            }
            return nil
        }
        return pivotYear(node)
    }

    /// A `pivot:` year between 1800 and 2100 (rules and `updated:`).
    func pivotYear(_ node: Node) -> Int? {
        guard let text = diagnostics.text(node, "'pivot'") else { return nil }
        guard let year = Int(text), (1800...2100).contains(year) else {
            diagnostics.report(
                node, "'pivot' must be a year between 1800 and 2100, found '\(text)'",
                hint: "the first year of the 100-year window, e.g. 1930 (30 → 1930, 29 → 2029)")
            return nil
        }
        return year
    }

    /// `partial: { "MM/yyyy": 15, "yyyy": "07-01" }`, only for date columns.
    private func readPartial(_ node: Node, _ column: ColumnSchema, _ name: String, pivot: Int?) -> [PartialDateRule]? {
        let d = diagnostics
        guard column.type == .date else {
            d.report(node, "'partial' applies to date columns; \(name) is \(column.type.name)")
            return nil
        }
        guard let mapping = d.expectMapping(node, "'partial'") else { return nil }
        var out: [PartialDateRule] = []
        for (keyNode, valueNode) in mapping {
            guard let pattern = d.plainKey(keyNode), let imputation = d.text(valueNode, "an imputation") else {
                continue
            }
            let parsed: DatePattern
            do throws(DatePattern.Problem) {
                parsed = try DatePattern(pattern, pivot: pivot, partial: true)
            } catch {
                d.report(keyNode, error.message, hint: error.hint)
                continue
            }
            guard let completion = DateImputation(imputation, for: parsed.precision) else {
                let hint =
                    parsed.precision == .month
                    ? "a pattern without a day takes the day to use, 1 to 28, e.g. 15"
                    : "a year-only pattern takes the month and day to use as MM-dd, e.g. \"07-01\""
                d.report(
                    valueNode, "'\(imputation)' is not an imputation for the partial date pattern '\(pattern)'",
                    hint: hint)
                continue
            }
            out.append(PartialDateRule(pattern: parsed, imputation: completion, imputationText: imputation))
        }
        return out
    }

    /// `thousands`: `.`, `,`, `'` or a space, other than the decimal separator; number columns only.
    private func readThousands(_ node: Node, _ column: ColumnSchema, _ name: String, decimal: Character) -> Character? {
        guard let text = diagnostics.text(node, "'thousands'") else { return nil }
        guard [".", ",", "'", " "].contains(text), let ch = text.first else {
            diagnostics.report(node, "'thousands' must be \".\", \",\", \"'\" or \" \", found '\(text)'")
            return nil
        }
        guard column.type == .double else {
            diagnostics.report(node, "'thousands' applies to double columns; \(name) is \(column.type.name)")
            return nil
        }
        guard ch != decimal else {
            diagnostics.report(
                node, "'thousands' and 'decimal' are both '\(text)'",
                hint: "with decimal: \",\" the thousands separator is usually \".\" or \" \"")
            return nil
        }
        return ch
    }

    /// `range: [2, 20]`: lower ≤ upper, number columns only.
    private func readRange(_ node: Node, _ column: ColumnSchema, _ name: String) -> CDM.PlausibleRange? {
        let d = diagnostics
        guard column.type == .double || column.type == .int32 else {
            d.report(node, "'range' applies to number columns; \(name) is \(column.type.name)")
            return nil
        }
        guard let texts = d.texts(node, "'range'") else { return nil }
        let numbers = texts.compactMap { NumberText.parse($0, decimal: ".") }
        guard texts.count == 2, numbers.count == 2, numbers[0] <= numbers[1] else {
            d.report(
                node, "'range' must be [lower, upper] with lower ≤ upper, in the canonical unit",
                hint: "e.g. range: [2, 20] for haemoglobin in g/dL")
            return nil
        }
        return CDM.PlausibleRange(numbers[0], numbers[1])
    }

    /// `units: { label: factor }`: positive factors, labels unique after trimming; double columns only.
    private func readUnits(_ node: Node, _ column: ColumnSchema, _ name: String) -> [UnitFactor]? {
        let d = diagnostics
        guard column.type == .double else {
            d.report(node, "'units' applies to double columns; \(name) is \(column.type.name)")
            return nil
        }
        guard let mapping = d.expectMapping(node, "'units'") else { return nil }
        var out: [UnitFactor] = []
        for (keyNode, valueNode) in mapping {
            guard let raw = d.plainKey(keyNode), let text = d.text(valueNode, "a unit factor") else { continue }
            let label = raw.trimmingSpaces
            guard let factor = NumberText.parse(text, decimal: "."), factor > 0 else {
                d.report(
                    valueNode, "the factor of unit '\(label)' must be a positive number, found '\(text)'",
                    hint: "the number to multiply by to reach the canonical unit, e.g. 0.1 for g/L → g/dL")
                continue
            }
            if out.contains(where: { $0.label == label }) {
                d.report(keyNode, "unit '\(label)' appears twice")
                continue
            }
            out.append(UnitFactor(label: label, factor: factor))
        }
        return out
    }
}
