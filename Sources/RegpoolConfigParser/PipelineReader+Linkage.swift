import RegpoolConfig
import RegpoolModel
import Yams

/// The pipeline's `linkage:` section: deterministic rules, survivorship and the two file paths
/// (the `probabilistic` block is read in `PipelineReader+Probabilistic.swift`).
extension PipelineReader {
    static let linkageKeys = ["deterministic", "probabilistic", "survivorship", "overrides", "crosswalk"]
    static let ruleKeys = ["name", "left", "right"]
    static let sideKeys = ["centre", "key"]
    static let survivorshipKeys = ["source_priority", "date_tolerance_days"]

    /// The section, or nil after reporting its problems; `centres` are the pipeline's centre ids
    /// (nil when the centres list is unreadable: references are then not checked).
    func linkage(_ node: Node, at keyNode: Node, centres: [String]?) -> LinkageSettings? {
        let d = diagnostics
        let before = d.count
        guard let keyed = d.keyed(node, allowed: Self.linkageKeys, in: "'linkage'") else { return nil }
        if keyed["deterministic"] == nil, keyed["probabilistic"] == nil, keyed["overrides"] == nil {
            d.report(
                keyNode, "'linkage' links nothing: it needs 'deterministic', 'probabilistic' or 'overrides'",
                hint: "add one of them (docs/pipeline.md, Linkage), or remove 'linkage' to keep every patient apart")
        }
        let rules = keyed["deterministic"].map { deterministicRules($0, centres: centres) } ?? []
        let probabilistic = keyed["probabilistic"].flatMap(probabilisticSettings)
        let survivorship = keyed["survivorship"].map(survivorshipSettings) ?? .defaults
        let overrides = keyed["overrides"].flatMap { d.text($0, "'linkage.overrides'") }.map(resolve)
        let crosswalk = keyed["crosswalk"].flatMap { d.text($0, "'linkage.crosswalk'") }.map(resolve)
        // Every part that returns nil has reported why, so no new problem means every part is valid.
        guard d.count == before, let rules, let survivorship else { return nil }
        return LinkageSettings(
            deterministic: rules, probabilistic: probabilistic, survivorship: survivorship,
            overrides: overrides, crosswalk: crosswalk, location: d.location(keyNode))
    }

    /// `deterministic`: a non-empty list of rules with unique names.
    private func deterministicRules(_ node: Node, centres: [String]?) -> [DeterministicRule]? {
        guard let items = diagnostics.expectSequence(node, "'deterministic'") else { return nil }
        if items.isEmpty {
            diagnostics.report(
                node, "'deterministic' must list at least one rule", hint: "or leave 'deterministic' out")
        }
        var seen: [String: Int] = [:]
        let rules = items.compactMap { rule($0, seen: &seen, centres: centres) }
        return rules.count == items.count ? rules : nil
    }

    /// One rule `{name, left, right}`; its two sides must not name the same centre.
    private func rule(_ node: Node, seen: inout [String: Int], centres: [String]?) -> DeterministicRule? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.ruleKeys, required: Self.ruleKeys, in: "a deterministic rule")
        else { return nil }
        let name = keyed["name"].flatMap { ruleName($0, seen: &seen) }
        let left = keyed["left"].flatMap { side($0, "left", centres: centres) }
        let right = keyed["right"].flatMap { side($0, "right", centres: centres) }
        if let centre = left?.centre, centre == right?.centre, let rightNode = keyed["right"] {
            d.report(
                rightNode, "'left' and 'right' both name centre '\(centre)'; a rule links two different centres",
                hint: "two local patients of one centre are never linked; name the other centre in 'right'")
            return nil
        }
        guard let name, let left, let right else { return nil }
        return DeterministicRule(name: name, left: left, right: right, location: d.location(node))
    }

    /// A rule name, not used by an earlier rule.
    private func ruleName(_ node: Node, seen: inout [String: Int]) -> String? {
        guard let name = diagnostics.text(node, "a rule's 'name'") else { return nil }
        let line = diagnostics.location(node).line
        if let first = seen[name] {
            diagnostics.report(
                node, "duplicate rule name '\(name)' (first at line \(first))",
                hint: "each rule needs its own name: the audit names the rule that linked a pair")
            return nil
        }
        seen[name] = line
        return name
    }

    /// One side `{centre, key}` of a rule; `centre` may be left out (any centre).
    private func side(_ node: Node, _ which: String, centres: [String]?) -> LinkKeyReference? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.sideKeys, required: ["key"], in: "'\(which)'") else { return nil }
        let centre = keyed["centre"].map { centreReference($0, centres: centres) }
        let key = keyed["key"].flatMap { d.text($0, "'\(which).key'") }
        guard let key, centre != .some(nil) else { return nil }
        return LinkKeyReference(centre: centre ?? nil, key: key)
    }

    /// A centre id that is one of the pipeline's centres.
    func centreReference(_ node: Node, centres: [String]?) -> String? {
        guard let id = diagnostics.text(node, "'centre'") else { return nil }
        if let centres, !centres.contains(id) {
            diagnostics.report(
                node, "'\(id)' is not a centre of this pipeline; centres: \(centres.joined(separator: ", "))",
                hint: Suggestion.hint(for: id, in: centres) ?? "add the centre under 'centres' first")
            return nil
        }
        return id
    }

    /// `survivorship`: `source_priority` (every cohort_source token once) and `date_tolerance_days` (≥ 0).
    private func survivorshipSettings(_ node: Node) -> SurvivorshipSettings? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.survivorshipKeys, in: "'survivorship'") else { return nil }
        let defaults = SurvivorshipSettings.defaults
        let priority = keyed["source_priority"].map(sourcePriority) ?? defaults.sourcePriority
        let tolerance =
            keyed["date_tolerance_days"].map { d.integer($0, "'date_tolerance_days'", minimum: 0) }
            ?? defaults.dateToleranceDays
        guard let priority, let tolerance else { return nil }
        return SurvivorshipSettings(sourcePriority: priority, dateToleranceDays: tolerance)
    }

    /// Every CDM cohort_source token exactly once, highest priority first.
    private func sourcePriority(_ node: Node) -> [String]? {
        let d = diagnostics
        guard let items = d.expectSequence(node, "'source_priority'") else { return nil }
        let tokens = CDM.Tokens.cohortSource
        var result: [String] = []
        var valid = true
        for item in items {
            guard let token = d.text(item, "an entry of 'source_priority'") else {
                valid = false
                continue
            }
            if !tokens.contains(token) {
                d.report(
                    item, "'\(token)' is not a CDM cohort_source token; valid: \(tokens.joined(separator: ", "))",
                    hint: Suggestion.hint(for: token, in: tokens))
                valid = false
            } else if result.contains(token) {
                d.report(item, "'\(token)' is listed twice in 'source_priority'", hint: "list each cohort_source once")
                valid = false
            } else {
                result.append(token)
            }
        }
        let missing = tokens.filter { !result.contains($0) }
        if valid, !missing.isEmpty {
            d.report(
                node, "'source_priority' must rank every cohort_source; missing: \(missing.joined(separator: ", "))",
                hint: "e.g. [\(tokens.joined(separator: ", "))]")
            valid = false
        }
        return valid ? result : nil
    }
}
