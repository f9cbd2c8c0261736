import RegpoolConfig
import RegpoolModel

/// Runs the validation rules (docs/validation.md) over one merged patient, in catalogue order; each
/// broken rule takes its action (`keep`, `drop_value`, `drop_row`) and records its V7xxx event.
struct PatientValidator {
    let centre: String
    let settings: ValidationSettings

    /// Validates `patient` in place; changes go through the `LocalPatient` edit API only.
    func validate(_ patient: inout LocalPatient, audit: inout AuditLog) {
        var run = ValidationRun(validator: self, patient: patient, audit: audit)
        run.outcomeConsistency()
        run.temporalOrder()
        run.progression()
        run.outcomesComplete()
        patient = run.patient
        audit = run.audit
    }
}

/// The state of one patient's validation.
struct ValidationRun {
    let validator: PatientValidator
    var patient: LocalPatient
    var audit: AuditLog

    /// Takes the rule's action on the finding's value and records the event; returns the action.
    @discardableResult
    mutating func apply(_ f: Finding) -> ValidationAction {
        guard let rule = ValidationRule.catalogue.first(where: { $0.code == f.code }) else { return .keep }
        let action = validator.settings.action(for: rule)
        let before = patient.value(table: f.table, row: f.row, column: f.column) ?? .null
        let origin =
            patient.origin(table: f.table, row: f.row, column: f.column)
            ?? (f.table == Tables.outcomes ? patient.outcomesOrigin : nil)
        let after: Value
        let outcome: String
        switch action {
        case .keep:
            after = before
            outcome = "kept as sent (keep)"
        case .dropValue:
            patient.setValue(f.replacement, table: f.table, row: f.row, column: f.column, origin: f.replacementOrigin)
            after = f.replacement
            outcome =
                f.replacement.isNull
                ? "the value is dropped (drop_value)" : "replaced by \(f.replacement.text) (drop_value)"
        case .dropRow:
            patient.dropRow(table: f.table, row: f.row)
            after = .null
            outcome = "the whole \(f.table) row is left out (drop_row)"
        }
        let column = schema(f.table).columns[f.column].name
        audit.record(
            AuditEvent(
                f.code, centre: validator.centre, file: origin?.file, locator: origin?.locator,
                target: "\(f.table).\(column)", sourceValue: before.isNull ? nil : before.text,
                targetValue: after.isNull ? nil : after.text, rule: validator.settings.reference(for: rule),
                message:
                    "patient \(patient.localID): \(f.detail); \(outcome). To fix: correct the value in the centre's export"
            ))
        return action
    }

    private func schema(_ table: String) -> TableSchema {
        CDM.tables.first { $0.name == table } ?? CDM.patients
    }

    /// The date at `column` of row `row` of `table`.
    func date(_ table: String, _ row: Int, _ column: Int) -> Int32? {
        patient.value(table: table, row: row, column: column)?.dateValue
    }
}
