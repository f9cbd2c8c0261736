import RegpoolConfig
import RegpoolModel
import Yams

/// `linkage.probabilistic.comparisons`: one entry per compared field, with tolerance levels and
/// optional m/u probabilities.
extension PipelineReader {
    static let comparisonKeys = ["field", "levels", "m", "u"]

    /// At least one comparison, each field once; with `given` estimation every comparison needs `m` and `u`.
    func comparisons(_ node: Node, given: Bool) -> [ComparisonSpec]? {
        guard let items = diagnostics.expectSequence(node, "'comparisons'") else { return nil }
        if items.isEmpty {
            diagnostics.report(node, "'comparisons' must list at least one field", hint: "e.g. '- field: sex'")
            return nil
        }
        var seen: [LinkageField: Int] = [:]
        let specs = items.compactMap { comparison($0, seen: &seen, given: given) }
        return specs.count == items.count ? specs : nil
    }

    /// One comparison `{field, levels, m, u}`.
    private func comparison(_ node: Node, seen: inout [LinkageField: Int], given: Bool) -> ComparisonSpec? {
        let d = diagnostics
        let before = d.count
        guard let keyed = d.keyed(node, allowed: Self.comparisonKeys, required: ["field"], in: "a comparison")
        else { return nil }
        let field = keyed["field"].flatMap { self.field($0, "a comparison's 'field'") }
        if let field, let fieldNode = keyed["field"] {
            if let first = seen[field] {
                d.report(
                    fieldNode, "'\(field.rawValue)' is compared twice (first at line \(first))",
                    hint: "give each field one comparison, with all its levels")
            } else {
                seen[field] = d.location(fieldNode).line
            }
        }
        let levels = keyed["levels"].map { self.levels($0, field: field) } ?? [0]
        let m = keyed["m"].flatMap { probabilities($0, "'m'", levels: levels) }
        let u = keyed["u"].flatMap { probabilities($0, "'u'", levels: levels) }
        if given, keyed["m"] == nil || keyed["u"] == nil {
            let name = field?.rawValue ?? "this field"
            d.report(
                node, "the comparison of \(name) needs 'm' and 'u': 'estimate' is 'given'",
                hint: "give one probability per level, disagreement last, e.g. m: [0.95, 0.05], u: [0.5, 0.5]; "
                    + "or write 'estimate: em'")
        }
        guard d.count == before, let field, let levels else { return nil }
        return ComparisonSpec(field: field, tolerances: levels, m: m, u: u, location: d.location(node))
    }

    /// `levels`: ascending non-negative tolerances; whole numbers for dates and birth fields; `[0]` for categories.
    private func levels(_ node: Node, field: LinkageField?) -> [Double]? {
        let d = diagnostics
        guard let items = d.numbers(node, "'levels'") else { return nil }
        if items.isEmpty {
            d.report(node, "'levels' must list at least one tolerance", hint: "e.g. [0] for exact agreement")
            return nil
        }
        if let field, field.kind == .category, items.map(\.value) != [0] {
            d.report(
                node, "\(field.rawValue) is a category: it agrees or not, so its levels can only be [0]",
                hint: "leave 'levels' out")
            return nil
        }
        var previous: Double?
        for item in items {
            guard levelIsValid(item.value, at: item.node, field: field, after: previous) else { return nil }
            previous = item.value
        }
        return items.map(\.value)
    }

    /// One tolerance: ≥ 0, above the one before, whole for date and integer fields.
    private func levelIsValid(_ value: Double, at node: Node, field: LinkageField?, after previous: Double?) -> Bool {
        let d = diagnostics
        let unit = field.map(Self.unit) ?? "units"
        if value < 0 {
            d.report(
                node, "a level must not be negative, found \(Diagnostics.text(node))",
                hint: "a level is the largest difference in \(unit) that still counts as that level")
            return false
        }
        if let field, field.kind == .date || field.kind == .integer, value.rounded() != value {
            d.report(
                node, "levels of \(field.rawValue) are whole \(unit), found \(Diagnostics.text(node))",
                hint: "e.g. [0, 7, 31]")
            return false
        }
        if let previous, value <= previous {
            d.report(
                node, "levels must ascend: \(Diagnostics.text(node)) does not exceed the level before it",
                hint: "list them from the strictest, e.g. [0, 7, 31]")
            return false
        }
        return true
    }

    /// `m` or `u`: one probability per level plus disagreement, each in (0, 1), summing to 1.
    private func probabilities(_ node: Node, _ what: String, levels: [Double]?) -> [Double]? {
        let d = diagnostics
        guard let items = d.numbers(node, what) else { return nil }
        let invalid = items.filter { !($0.value > 0 && $0.value < 1) }
        for item in invalid {
            d.report(
                item.node,
                "each entry of \(what) must lie strictly between 0 and 1, found \(Diagnostics.text(item.node))",
                hint: "use a small value such as 0.001 for \"almost never\"")
        }
        guard invalid.isEmpty else { return nil }
        if let levels, items.count != levels.count + 1 {
            d.report(
                node,
                "\(what) needs \(levels.count + 1) values (one per level, then disagreement), found \(items.count)",
                hint: "levels \(levels.map(Self.format).joined(separator: ", ")) and disagreement")
            return nil
        }
        let sum = items.reduce(0) { $0 + $1.value }
        if abs(sum - 1) > 1e-6 {
            d.report(
                node, "the values of \(what) must add up to 1, found \(Self.format(sum))",
                hint: "they are the shares of the levels among pairs, so together they make 1")
            return nil
        }
        return items.map(\.value)
    }

    /// The unit a field's levels count in, for messages.
    static func unit(_ field: LinkageField) -> String {
        switch field {
        case .birthYear: "years"
        case .birthMonth: "months"
        case .diagnosisDate, .lenStartDate: "days"
        case .lenInitialDose: "mg"
        case .sex, .karyotypeCategory, .whoClass, .region: "categories"
        }
    }

    /// A number without a needless `.0`.
    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
