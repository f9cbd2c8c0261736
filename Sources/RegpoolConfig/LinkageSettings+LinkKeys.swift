/// Checks the pipeline parser cannot make alone: whether the link keys deterministic rules name are
/// declared by the centres' mappings (`link:`).
extension LinkageSettings {
    /// One problem per rule side naming a link key no mapping declares (`local_id` always exists);
    /// `linkKeysByCentre` maps centre id → the link key names of its mapping. Placed at the rule.
    package func problems(linkKeysByCentre: [String: Set<String>]) -> [ConfigProblem] {
        deterministic.flatMap { rule in
            [("left", rule.left), ("right", rule.right)].compactMap { side, reference in
                Self.problem(rule, side: side, reference: reference, linkKeysByCentre: linkKeysByCentre)
            }
        }
    }

    /// The problem of one side, or nil when its key exists.
    private static func problem(
        _ rule: DeterministicRule, side: String, reference: LinkKeyReference,
        linkKeysByCentre: [String: Set<String>]
    ) -> ConfigProblem? {
        let key = reference.key
        guard key != LinkKeyReference.localID else { return nil }
        let declaration = "declare it under 'link:' in the centre's mapping (docs/mapping.md), or use 'local_id'"
        if let centre = reference.centre {
            let keys = linkKeysByCentre[centre] ?? []
            guard !keys.contains(key) else { return nil }
            let known = [LinkKeyReference.localID] + keys.sorted()
            return ConfigProblem(
                rule.location,
                "rule '\(rule.name)': \(side) key '\(key)' is not a link key of centre '\(centre)' "
                    + "(it has: \(known.joined(separator: ", ")))",
                hint: Suggestion.hint(for: key, in: known) ?? declaration)
        }
        guard !linkKeysByCentre.values.contains(where: { $0.contains(key) }) else { return nil }
        let known =
            [LinkKeyReference.localID]
            + linkKeysByCentre.values.reduce(into: Set<String>()) { $0.formUnion($1) }.sorted()
        return ConfigProblem(
            rule.location,
            "rule '\(rule.name)': \(side) key '\(key)' is not a link key of any centre's mapping",
            hint: Suggestion.hint(for: key, in: known) ?? declaration)
    }
}
