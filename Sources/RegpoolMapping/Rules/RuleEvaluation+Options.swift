import RegpoolConfig
import RegpoolModel

/// The evaluation steps of the optional rule keys `unknown:` and `unit_field:`.
extension CompiledRule {
    /// A label no map lists, given the rule's `unknown:` default (T3010, counted per label).
    func defaulted(
        _ text: ArraySlice<UInt8>, _ unknown: UnknownDefault, context: RecordContext,
        audit: inout AuditLog
    ) -> ArraySlice<UInt8>? {
        let key = AuditSummaryKey(
            .valueDefaulted, centre: context.centre, field: field, target: target,
            sourceBytes: text, rule: reference)
        audit.count(key) {
            let source = ByteText.string(text)
            let result: String
            if case .value(let v) = unknown { result = v } else { result = "null" }
            var e = AuditEvent(
                .valueDefaulted, centre: context.centre, file: context.file, locator: context.locator,
                field: field, target: target, sourceValue: source, rule: reference,
                message: "\(target): the label \"\(source)\" is not in the map; it takes the rule's unknown: \(result)")
            if case .value(let v) = unknown { e.targetValue = v }
            return e
        }
        if case .value(let v) = unknown { return ArraySlice(v.utf8) }
        return nil
    }

    /// A number whose unit is named by another field: its factor comes from `units:`; an unknown
    /// unit label leaves the value null (T3001 on the unit field).
    func withUnitColumn(
        _ text: ArraySlice<UInt8>, source: ArraySlice<UInt8>, unitRaw: ArraySlice<UInt8>?,
        context: RecordContext, audit: inout AuditLog
    ) -> RuleResult {
        var label = unitRaw.map(ByteText.trimmed) ?? []
        if label.isEmpty, let fallback = rule.unit { label = ArraySlice(fallback.utf8) }
        guard let factor = units?[label] else {
            let shown = ByteText.string(label)
            audit.record(
                AuditEvent(
                    .valueUnmapped, centre: context.centre, file: context.file, locator: context.locator,
                    field: rule.unitField, target: target, sourceValue: shown, rule: reference,
                    message:
                        "\(target): the unit \"\(shown)\" of value \(ByteText.string(source)) is not in the rule's units; "
                        + "the value is null. To fix: add \"\(shown)\" with its factor to `units:` in "
                        + "\(rule.location.file):\(rule.location.line)"))
            return RuleResult(value: .null, sourceBytes: source)
        }
        let (value, _) = typed(text, source: source, context: context, audit: &audit)
        guard case .double(let d) = value else { return RuleResult(value: value, sourceBytes: source) }
        let unit = ByteText.string(label)
        let note =
            factor == 1
            ? nil
            : ValueNote(
                kind: .unitConverted(unit: unit, factor: factor), column: columnIndex,
                tag: tag, source: Array(source) + Array(" \(unit)".utf8))
        return RuleResult(value: .double(d * factor), sourceBytes: source, note: note, unitText: unit)
    }
}
