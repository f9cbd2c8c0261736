import RegpoolModel

/// Where a value comes from, for audit events.
struct RecordContext: Sendable {
    let centre: String
    let file: String
    let locator: String
}

/// What one rule gave for one record.
struct RuleResult: Sendable {
    let value: Value
    /// The trimmed source bytes the rule read (nil for constants, absent or missing fields).
    let sourceBytes: ArraySlice<UInt8>?
    /// A conversion or imputation to count if the value reaches the output.
    package var note: ValueNote? = nil
    /// The unit label read from the rule's `unit_field` (or its default `unit`), for `source_unit`.
    var unitText: String? = nil

    /// The source bytes as text, made only when asked for (lab `source_value`, previews).
    var sourceText: String? { sourceBytes.map(ByteText.string) }
}

extension CompiledRule {
    /// Applies the rule to the field bytes (`nil` = absent) and, for a `unit_field` rule, the
    /// unit field's bytes, auditing every decision.
    func evaluate(
        _ raw: ArraySlice<UInt8>?, unit unitRaw: ArraySlice<UInt8>? = nil, context: RecordContext,
        audit: inout AuditLog
    ) -> RuleResult {
        guard field != nil else { return RuleResult(value: constant, sourceBytes: nil) }
        guard let raw else { return RuleResult(value: .null, sourceBytes: nil) }
        let text = ByteText.trimmed(raw)
        if missing.contains(text) { return RuleResult(value: .null, sourceBytes: nil) }
        guard let mapped = applyMap(text, context: context, audit: &audit) else {
            return RuleResult(value: .null, sourceBytes: text)
        }
        if units != nil {
            return withUnitColumn(mapped, source: text, unitRaw: unitRaw, context: context, audit: &audit)
        }
        let (value, imputed) = typed(mapped, source: text, context: context, audit: &audit)
        return RuleResult(
            value: value, sourceBytes: text, note: imputed ?? note(for: value, source: text),
            unitText: rule.unit)
    }

    /// Step 2: the map's target for the label, or the text itself without a map; nil = null.
    /// Text for the audit is made only when an event is new.
    private func applyMap(
        _ text: ArraySlice<UInt8>, context: RecordContext,
        audit: inout AuditLog
    ) -> ArraySlice<UInt8>? {
        guard let map else { return text }
        guard let hit = map[fold.fold(text)] else {
            if let unknown = rule.unknown { return defaulted(text, unknown, context: context, audit: &audit) }
            let source = ByteText.string(text)
            audit.record(
                event(
                    .valueUnmapped, source, context,
                    message: "\(target): the label \"\(source)\" is not in the map; it is null. "
                        + "To fix: add \"\(source)\" to the map in \(rule.location.file):\(rule.location.line)"))
            return nil
        }
        guard let targetText = hit.text else { return nil }
        if !targetText.utf8.elementsEqual(text) { tallyMapped(text, to: targetText, hit: hit, context, &audit) }
        return hit.bytes
    }

    /// Counts one T3005 line "label mapped to target": by slot when labels are not folded, else by key.
    private func tallyMapped(
        _ text: ArraySlice<UInt8>, to targetText: String, hit: MapTarget, _ context: RecordContext,
        _ audit: inout AuditLog
    ) {
        if let slotBase {
            audit.count(slot: slotBase + hit.entry) {
                (mappedKey(text, context), mappedEvent(text, to: targetText, context))
            }
        } else {
            audit.count(mappedKey(text, context)) { mappedEvent(text, to: targetText, context) }
        }
    }

    private func mappedKey(_ text: ArraySlice<UInt8>, _ context: RecordContext) -> AuditSummaryKey {
        AuditSummaryKey(
            .valueMapped, centre: context.centre, field: field, target: target, sourceBytes: text, rule: reference)
    }

    private func mappedEvent(_ text: ArraySlice<UInt8>, to targetText: String, _ context: RecordContext) -> AuditEvent {
        let source = ByteText.string(text)
        var e = event(.valueMapped, source, context, message: "\(target): \"\(source)\" mapped to \"\(targetText)\"")
        e.targetValue = targetText
        return e
    }

    /// Step 3: the typed parse, with T3001/T3002 on refusal; an imputed partial date comes with
    /// its note (counted as T3011 if the value reaches the output).
    func typed(
        _ text: ArraySlice<UInt8>, source: ArraySlice<UInt8>, context: RecordContext,
        audit: inout AuditLog
    ) -> (Value, ValueNote?) {
        switch parser.parse(text) {
        case .value(let v):
            return (v, nil)
        case .imputed(let v, let p):
            let note = ValueNote(
                kind: .dateImputed(pattern: p.pattern.text, imputation: p.text), column: columnIndex,
                tag: tag, source: Array(source))
            return (v, note)
        case .unmapped(let why):
            let shown = ByteText.string(text)
            audit.record(
                event(
                    .valueUnmapped, ByteText.string(source), context,
                    message: "\(target): \"\(shown)\" \(why); it is null. "
                        + "To fix: map it with `map:` in \(rule.location.file):\(rule.location.line)"))
            return (.null, nil)
        case .invalid(let why):
            let shown = ByteText.string(text)
            audit.record(
                event(
                    .valueInvalid, ByteText.string(source), context,
                    message: "\(target): \"\(shown)\" \(why); it is null. "
                        + "To fix: correct the export or the rule in \(rule.location.file):\(rule.location.line)"))
            return (.null, nil)
        }
    }

    /// The note of a unit conversion (a factor other than 1 on a number that was read).
    private func note(for value: Value, source: ArraySlice<UInt8>) -> ValueNote? {
        guard let factor = rule.factor, factor != 1, case .double = value else { return nil }
        return ValueNote(
            kind: .unitConverted(unit: rule.unit ?? "the centre's unit", factor: factor),
            column: columnIndex, tag: tag, source: Array(source))
    }

    /// An event about this rule's value in this record.
    private func event(_ code: AuditCode, _ source: String, _ context: RecordContext, message: String) -> AuditEvent {
        AuditEvent(
            code, centre: context.centre, file: context.file, locator: context.locator, field: field,
            target: target, sourceValue: source, rule: reference, message: message)
    }
}
