import RegpoolModel

extension LocatedNote {
    /// Counts this note in the audit (one summary line per centre, field, source value and rule).
    func count(centre: String, value: Value, origin: RecordOrigin?, audit: inout AuditLog) {
        let tag = note.tag
        let code = self.code
        let key = AuditSummaryKey(
            code, centre: centre, field: tag.field, target: tag.target,
            sourceBytes: note.source[...], rule: tag.reference)
        audit.count(key) {
            let source = ByteText.string(note.source[...])
            return AuditEvent(
                code, centre: centre, file: origin?.file, locator: origin?.locator, field: tag.field,
                target: tag.target, sourceValue: source, targetValue: value.text, rule: tag.reference,
                message: message(source: source, value: value))
        }
    }

    private var code: AuditCode {
        switch note.kind {
        case .unitConverted: return .unitConverted
        case .dateImputed: return .dateImputed
        }
    }

    private func message(source: String, value: Value) -> String {
        switch note.kind {
        case .unitConverted(let unit, let factor):
            return "\(note.tag.target): \(source) \(unit) × \(factor) = \(value.text) in the canonical unit"
        case .dateImputed(let pattern, let imputation):
            return "\(note.tag.target): the partial date \"\(source)\" (\(pattern)) was completed with "
                + "\(imputation) as the rule says, giving \(value.text)"
        }
    }
}
