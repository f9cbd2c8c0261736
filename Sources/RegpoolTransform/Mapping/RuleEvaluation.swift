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
    /// The trimmed source text the rule read (nil for constants, absent or missing fields).
    let sourceText: String?
}

extension CompiledRule {
    /// Applies the rule to the field bytes (`nil` = absent), auditing every decision.
    func evaluate(_ raw: ArraySlice<UInt8>?, context: RecordContext, audit: inout AuditLog) -> RuleResult {
        guard field != nil else { return RuleResult(value: constant, sourceText: nil) }
        guard let raw else { return RuleResult(value: .null, sourceText: nil) }
        let text = ByteText.trimmed(raw)
        if missing.contains(text) { return RuleResult(value: .null, sourceText: nil) }
        let source = ByteText.string(text)
        guard let mapped = applyMap(text, source: source, context: context, audit: &audit) else {
            return RuleResult(value: .null, sourceText: source)
        }
        let value = typed(mapped, source: source, context: context, audit: &audit)
        return RuleResult(value: value, sourceText: source)
    }

    /// Step 2: the map's target for the label, or the text itself without a map; nil = null.
    private func applyMap(_ text: ArraySlice<UInt8>, source: String, context: RecordContext,
                          audit: inout AuditLog) -> ArraySlice<UInt8>? {
        guard let map else { return text }
        guard let hit = map[text] else {
            audit.record(event(.valueUnmapped, source, context,
                message: "\(target): the label \"\(source)\" is not in the map; it is null. "
                    + "To fix: add \"\(source)\" to the map in \(rule.location.file):\(rule.location.line)"))
            return nil
        }
        guard let targetText = hit else { return nil }
        if targetText != source {
            let key = AuditSummaryKey(.valueMapped, centre: context.centre, field: field, target: target,
                                      sourceValue: source, targetValue: targetText, rule: reference)
            audit.count(key) {
                var e = event(.valueMapped, source, context, message: "\(target): \"\(source)\" mapped to \"\(targetText)\"")
                e.targetValue = targetText
                return e
            }
        }
        return ArraySlice(targetText.utf8)
    }

    /// Step 3: the typed parse, with T3001/T3002 on refusal and T3004 on a unit conversion.
    private func typed(_ text: ArraySlice<UInt8>, source: String, context: RecordContext,
                       audit: inout AuditLog) -> Value {
        switch parser.parse(text) {
        case .value(let v):
            if let factor = rule.factor, case .double = v { countConversion(v, factor: factor, source, context, &audit) }
            return v
        case .unmapped(let why):
            let shown = ByteText.string(text)
            audit.record(event(.valueUnmapped, source, context,
                message: "\(target): \"\(shown)\" \(why); it is null. "
                    + "To fix: map it with `map:` in \(rule.location.file):\(rule.location.line)"))
            return .null
        case .invalid(let why):
            let shown = ByteText.string(text)
            audit.record(event(.valueInvalid, source, context,
                message: "\(target): \"\(shown)\" \(why); it is null. "
                    + "To fix: correct the export or the rule in \(rule.location.file):\(rule.location.line)"))
            return .null
        }
    }

    private func countConversion(_ v: Value, factor: Double, _ source: String, _ context: RecordContext,
                                 _ audit: inout AuditLog) {
        let converted = v.text
        let key = AuditSummaryKey(.unitConverted, centre: context.centre, field: field, target: target,
                                  sourceValue: source, targetValue: converted, rule: reference)
        audit.count(key) {
            let unit = rule.unit ?? "the centre's unit"
            var e = event(.unitConverted, source, context,
                message: "\(target): \(source) \(unit) × \(factor) = \(converted) in the canonical unit")
            e.targetValue = converted
            return e
        }
    }

    /// An event about this rule's value in this record.
    private func event(_ code: AuditCode, _ source: String, _ context: RecordContext, message: String) -> AuditEvent {
        AuditEvent(code, centre: context.centre, file: context.file, locator: context.locator, field: field,
                   target: target, sourceValue: source, rule: reference, message: message)
    }
}
