import RegpoolConfig
import RegpoolModel
import Yams

/// The pipeline's `validation:` mapping: validation rule code → action.
extension PipelineReader {
    /// The overrides, or nil after reporting an unknown code, an unknown action or one the rule does not allow.
    func validationSettings(_ node: Node) -> ValidationSettings? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "'validation'") else { return nil }
        let codes = ValidationRule.catalogue.map(\.code.code)
        var overrides: [ValidationSettings.Override] = []
        var valid = true
        for (keyNode, value) in mapping {
            guard let code = d.plainKey(keyNode) else {
                valid = false
                continue
            }
            guard let rule = ValidationRule.named(code) else {
                d.report(
                    keyNode, "'\(code)' is not a validation rule code; known: \(codes.joined(separator: ", "))",
                    hint: Suggestion.hint(for: code, in: codes) ?? "see docs/validation.md for the rule catalogue")
                valid = false
                continue
            }
            guard let action = action(value, rule: rule) else {
                valid = false
                continue
            }
            overrides.append(.init(code: code, action: action, location: d.location(keyNode)))
        }
        return valid ? ValidationSettings(overrides: overrides) : nil
    }

    /// One action allowed for `rule`, or nil after reporting.
    private func action(_ node: Node, rule: ValidationRule) -> ValidationAction? {
        let d = diagnostics
        guard let text = d.text(node, "the action of \(rule.code.code)") else { return nil }
        let allowed = rule.allowed.map(\.rawValue)
        guard let action = ValidationAction(rawValue: text) else {
            let all = ValidationAction.allCases.map(\.rawValue)
            d.report(
                node, "'\(text)' is not a validation action; use one of \(all.joined(separator: ", "))",
                hint: Suggestion.hint(for: text, in: all)
                    ?? "\(rule.code.code) allows \(allowed.joined(separator: ", "))")
            return nil
        }
        guard rule.allowed.contains(action) else {
            d.report(
                node, "\(rule.code.code) (\(rule.code.event), \(rule.target)) cannot take '\(text)'",
                hint: "\(rule.code.code) allows \(allowed.joined(separator: ", ")); see docs/validation.md")
            return nil
        }
        return action
    }
}
