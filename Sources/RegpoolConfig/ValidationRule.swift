import RegpoolModel

/// What a failed validation rule does to the offending value.
package enum ValidationAction: String, Sendable, Equatable, CaseIterable {
    /// Audit only; the value stays.
    case keep
    /// The offending value becomes null.
    case dropValue = "drop_value"
    /// The row holding the offending value is removed.
    case dropRow = "drop_row"
}

/// One rule of the validation catalogue: its audit code, the actions it allows and its default.
package struct ValidationRule: Sendable, Equatable {
    /// The rule's audit code (stage `validate`), e.g. `V7005 FailureBeforeLENStart`.
    package let code: AuditCode
    /// The CDM `table.column` whose value the rule judges (the one `drop_value` nulls).
    package let target: String
    /// The actions a pipeline may choose for this rule.
    package let allowed: [ValidationAction]
    /// The action when the pipeline does not choose one (docs/validation.md says why).
    package let defaultAction: ValidationAction

    init(_ code: AuditCode, _ target: String, _ allowed: [ValidationAction], default defaultAction: ValidationAction) {
        self.code = code
        self.target = target
        self.allowed = allowed
        self.defaultAction = defaultAction
    }
}

extension ValidationRule {
    private static let all3: [ValidationAction] = [.keep, .dropValue, .dropRow]

    /// Every validation rule, in the order the rules run.
    package static let catalogue: [ValidationRule] = [
        ValidationRule(.deathDateWhileAlive, "outcomes.death_date", all3, default: .dropValue),
        ValidationRule(.lastContactNotDeath, "outcomes.last_contact_date", [.keep, .dropValue], default: .dropValue),
        ValidationRule(.deathDateMissing, "outcomes.death_date", [.keep, .dropRow], default: .keep),
        ValidationRule(.diagnosisAfterLENStart, "patients.diagnosis_date", [.keep, .dropValue], default: .keep),
        ValidationRule(.failureBeforeLENStart, "len_courses.failure_date", all3, default: .keep),
        ValidationRule(.lastContactBeforeFailure, "outcomes.last_contact_date", [.keep, .dropRow], default: .keep),
        ValidationRule(.deathBeforeFailure, "outcomes.death_date", all3, default: .keep),
        ValidationRule(.transplantBeforeFailure, "transplants.transplant_date", [.keep, .dropRow], default: .keep),
        ValidationRule(.lineOutOfOrder, "treatment_lines.start_date", all3, default: .keep),
        ValidationRule(.courseEndBeforeStart, "len_courses.end_date", all3, default: .dropValue),
        ValidationRule(.lineEndBeforeStart, "treatment_lines.end_date", all3, default: .dropValue),
        ValidationRule(
            .progressionTargetMissing, "len_courses.failure_type", [.keep, .dropValue, .dropRow], default: .keep),
        ValidationRule(.progressionTargetUnexpected, "len_courses.progression_to", all3, default: .dropValue),
        ValidationRule(.outcomesIncomplete, "outcomes", [.dropRow], default: .dropRow),
    ]

    /// The rule with audit code `code` (e.g. `V7005`), or nil.
    package static func named(_ code: String) -> ValidationRule? {
        catalogue.first { $0.code.code == code }
    }
}
