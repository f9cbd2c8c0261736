import RegpoolConfig
import RegpoolModel
import Yams

/// `linkage.probabilistic`: blocking passes, estimation, prior and thresholds (comparisons in
/// `PipelineReader+Comparisons.swift`).
extension PipelineReader {
    static let probabilisticKeys = ["blocking", "comparisons", "estimate", "prior", "thresholds"]
    static let requiredProbabilisticKeys = ["blocking", "comparisons"]
    static let blockingKeys = ["on", "sort", "window"]
    static let thresholdKeys = ["link", "review"]
    static let emKeys = ["max_iterations", "tolerance"]
    static let estimateNames = ["em", "given"]

    /// The block, or nil after reporting its problems.
    func probabilisticSettings(_ node: Node) -> ProbabilisticSettings? {
        let d = diagnostics
        let before = d.count
        guard
            let keyed = d.keyed(
                node, allowed: Self.probabilisticKeys, required: Self.requiredProbabilisticKeys,
                in: "'probabilistic'")
        else { return nil }
        let blocking = keyed["blocking"].flatMap(blockingRules)
        let estimation = keyed["estimate"].map(self.estimation) ?? .em()
        let comparisons = keyed["comparisons"].flatMap { self.comparisons($0, given: estimation == .given) }
        let prior = keyed["prior"].flatMap { d.probability($0, "'prior'") }
        let thresholds = keyed["thresholds"].map(self.thresholds) ?? (link: 0.95, review: 0.5)
        guard d.count == before, let blocking, let estimation, let comparisons, let thresholds else { return nil }
        return ProbabilisticSettings(
            blocking: blocking, comparisons: comparisons, estimation: estimation, prior: prior,
            linkThreshold: thresholds.link, reviewThreshold: thresholds.review)
    }

    /// `blocking`: at least one pass.
    private func blockingRules(_ node: Node) -> [BlockingRule]? {
        guard let items = diagnostics.expectSequence(node, "'blocking'") else { return nil }
        if items.isEmpty {
            diagnostics.report(
                node, "'blocking' must list at least one pass",
                hint: "e.g. '- on: [sex, birth_year]': comparing every pair of records does not scale")
            return nil
        }
        let rules = items.compactMap(blockingRule)
        return rules.count == items.count ? rules : nil
    }

    /// One pass: `on` fields (exact agreement) and/or `sort` with a `window` of at least 2.
    private func blockingRule(_ node: Node) -> BlockingRule? {
        let d = diagnostics
        let before = d.count
        guard let keyed = d.keyed(node, allowed: Self.blockingKeys, in: "a blocking pass") else { return nil }
        let on = keyed["on"].map { fields($0, "'on'") } ?? []
        let sort = keyed["sort"].flatMap { field($0, "'sort'") }
        let window = keyed["window"].flatMap { d.integer($0, "'window'", minimum: 2) }
        if keyed["sort"] == nil, keyed["on"].map({ $0.sequence?.isEmpty == true }) ?? true {
            d.report(
                node, "a blocking pass needs 'on' fields or a 'sort' field",
                hint: "e.g. 'on: [sex, birth_year]', or 'sort: diagnosis_date' with 'window: 20'")
        }
        checkSortAndWindow(keyed, on: on ?? [], sort: sort)
        guard d.count == before, let on else { return nil }
        return BlockingRule(on: on, sort: sort, window: window, location: d.location(node))
    }

    /// `sort` and `window` come together; `sort` must not be one of the `on` fields.
    private func checkSortAndWindow(_ keyed: KeyedNode, on: [LinkageField], sort: LinkageField?) {
        let d = diagnostics
        switch (keyed.keyNode("sort"), keyed.keyNode("window")) {
        case (let sortKey?, nil):
            d.report(
                sortKey, "'sort' needs a 'window' (how many neighbours in sort order are compared)",
                hint: "add e.g. 'window: 20'")
        case (nil, let windowKey?):
            d.report(windowKey, "'window' needs a 'sort' field", hint: "add e.g. 'sort: diagnosis_date'")
        default:
            break
        }
        if let sort, on.contains(sort), let node = keyed["sort"] {
            d.report(
                node, "'sort' field '\(sort.rawValue)' is also an 'on' field: within the pass it never differs",
                hint: "sort on a field that is not in 'on'")
        }
    }

    /// `estimate`: `em`, `given`, or `{em: {max_iterations: N, tolerance: X}}`.
    private func estimation(_ node: Node) -> Estimation? {
        let d = diagnostics
        if let text = node.scalar?.string, !Diagnostics.isNull(node) {
            switch text {
            case "em": return .em()
            case "given": return .given
            default:
                d.report(
                    node, "'\(text)' is not an estimation method; use em or given",
                    hint: Suggestion.hint(for: text, in: Self.estimateNames) ?? "em estimates m and u from the data")
                return nil
            }
        }
        guard let keyed = d.keyed(node, allowed: ["em"], required: ["em"], in: "'estimate'"), let em = keyed["em"]
        else { return nil }
        if Diagnostics.isNull(em) { return .em() }
        guard let settings = d.keyed(em, allowed: Self.emKeys, in: "'estimate.em'") else { return nil }
        let iterations = settings["max_iterations"].map { d.integer($0, "'max_iterations'", minimum: 1) } ?? 100
        let tolerance = settings["tolerance"].map(emTolerance) ?? 1e-6
        guard let iterations, let tolerance else { return nil }
        return .em(maxIterations: iterations, tolerance: tolerance)
    }

    /// `estimate.em.tolerance`, EM's convergence tolerance: a number above 0 and below 1.
    private func emTolerance(_ node: Node) -> Double? {
        guard let value = diagnostics.number(node, "'tolerance'") else { return nil }
        guard value > 0, value < 1 else {
            diagnostics.report(
                node, "'tolerance' must be above 0 and below 1, found \(Diagnostics.text(node))",
                hint: "e.g. 1e-6")
            return nil
        }
        return value
    }

    /// `thresholds: {link, review}` (defaults 0.95 and 0.5) with 0 < review ≤ link < 1.
    private func thresholds(_ node: Node) -> (link: Double, review: Double)? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.thresholdKeys, in: "'thresholds'") else { return nil }
        let link = keyed["link"].map { d.probability($0, "'link'") } ?? 0.95
        let review = keyed["review"].map { d.probability($0, "'review'") } ?? 0.5
        guard let link, let review else { return nil }
        if review > link {
            d.report(
                keyed["review"] ?? keyed["link"] ?? node,
                "the review threshold \(review) is above the link threshold \(link)",
                hint:
                    "pairs scoring at least 'review' but below 'link' go to clerical review; e.g. {link: 0.95, review: 0.5}"
            )
            return nil
        }
        return (link, review)
    }

    /// The distinct linkage fields of a list, reporting unknown and repeated ones (the caller counts problems).
    private func fields(_ node: Node, _ what: String) -> [LinkageField]? {
        guard let items = diagnostics.expectSequence(node, what) else { return nil }
        var result: [LinkageField] = []
        for item in items {
            guard let field = self.field(item, "an entry of \(what)") else { continue }
            if result.contains(field) {
                diagnostics.report(item, "'\(field.rawValue)' is listed twice in \(what)", hint: "list each field once")
            } else {
                result.append(field)
            }
        }
        return result
    }

    /// A `LinkageField` raw value.
    package func field(_ node: Node, _ what: String) -> LinkageField? {
        guard let text = diagnostics.text(node, what) else { return nil }
        guard let field = LinkageField(rawValue: text) else {
            let names = LinkageField.allCases.map(\.rawValue)
            diagnostics.report(
                node, "'\(text)' is not a linkage field; fields: \(names.joined(separator: ", "))",
                hint: Suggestion.hint(for: text, in: names))
            return nil
        }
        return field
    }
}
