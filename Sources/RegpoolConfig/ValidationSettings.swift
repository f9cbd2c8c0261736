import RegpoolModel

/// The consortium's choice of action per validation rule (the pipeline's `validation:` key).
package struct ValidationSettings: Sendable, Equatable {
    /// One rule whose action the pipeline file sets.
    package struct Override: Sendable, Equatable {
        /// The rule's code, e.g. `V7005`.
        package var code: String
        /// The action the pipeline chose.
        package var action: ValidationAction
        /// Where the pipeline file chose it (the audit's `rule` names it).
        package var location: SourceLocation

        /// An override written at `location`.
        package init(code: String, action: ValidationAction, location: SourceLocation) {
            self.code = code
            self.action = action
            self.location = location
        }
    }

    /// The overrides in file order.
    package var overrides: [Override]

    /// Settings with the given overrides (none: every rule takes its default).
    package init(overrides: [Override] = []) {
        self.overrides = overrides
    }

    /// Every rule takes its default action.
    package static let defaults = ValidationSettings()

    /// The action for `rule`: the pipeline's choice, else the rule's default.
    package func action(for rule: ValidationRule) -> ValidationAction {
        override(rule)?.action ?? rule.defaultAction
    }

    /// The audit `rule` text: `V7005 keep (default)` or `V7005 drop_value (pipelines/p.yaml:14)`.
    package func reference(for rule: ValidationRule) -> String {
        guard let o = override(rule) else { return "\(rule.code.code) \(rule.defaultAction.rawValue) (default)" }
        return "\(rule.code.code) \(o.action.rawValue) (\(o.location.file):\(o.location.line))"
    }

    private func override(_ rule: ValidationRule) -> Override? {
        overrides.last { $0.code == rule.code.code }
    }
}
