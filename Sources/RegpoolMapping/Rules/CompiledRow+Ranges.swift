import RegpoolModel

extension CompiledRow {
    /// Nulls every number outside its plausible range (the rule's `range:`, else the CDM's; a lab
    /// value uses its analyte's), with one T3012 each.
    func checkRanges(_ row: inout ProducedRow, context: RecordContext, audit: inout AuditLog) {
        for rule in rules {
            let value = row.values[rule.columnIndex]
            guard let number = value.doubleValue, let range = range(for: rule, in: row), !range.contains(number)
            else { continue }
            row.values[rule.columnIndex] = .null
            row.notes.removeAll { $0.column == rule.columnIndex }
            audit.record(
                AuditEvent(
                    .valueOutOfRange, centre: context.centre, file: context.file,
                    locator: context.locator, field: rule.field, target: rule.target, sourceValue: value.text,
                    rule: rule.reference,
                    message: "\(rule.target): \(value.text) (in the canonical unit) is outside the plausible range "
                        + "\(range.text); it is null. To fix: check the value and its unit in the export, or the rule's "
                        + "factor/units/range in \(rule.rule.location.file):\(rule.rule.location.line)"))
        }
    }

    private func range(for rule: CompiledRule, in row: ProducedRow) -> CDM.PlausibleRange? {
        if let own = rule.rule.range { return own }
        guard let a = analyteIndex, rule.rule.column == "value" else { return rule.range }
        guard let analyte = row.values[a].stringValue else { return nil }
        return CDM.plausibleLabRanges[analyte]
    }
}
