import RegpoolModel

extension LocatedNote {
    /// Counts this note in the audit (one summary line per centre, field, source value and rule).
    func count(centre: String, value: Value, audit: inout AuditLog) {
        let tag = note.tag
        switch note.kind {
        case .unitConverted(let unit, let factor):
            let key = AuditSummaryKey(.unitConverted, centre: centre, field: tag.field, target: tag.target,
                                      sourceBytes: note.source[...], rule: tag.reference)
            audit.count(key) {
                let source = ByteText.string(note.source[...])
                return AuditEvent(.unitConverted, centre: centre, file: origin.file, locator: origin.locator,
                    field: tag.field, target: tag.target, sourceValue: source, targetValue: value.text,
                    rule: tag.reference,
                    message: "\(tag.target): \(source) \(unit) × \(factor) = \(value.text) in the canonical unit")
            }
        case .dateImputed(let pattern, let imputation):
            let key = AuditSummaryKey(.dateImputed, centre: centre, field: tag.field, target: tag.target,
                                      sourceBytes: note.source[...], rule: tag.reference)
            audit.count(key) {
                let source = ByteText.string(note.source[...])
                return AuditEvent(.dateImputed, centre: centre, file: origin.file, locator: origin.locator,
                    field: tag.field, target: tag.target, sourceValue: source, targetValue: value.text,
                    rule: tag.reference,
                    message: "\(tag.target): the partial date \"\(source)\" (\(pattern)) was completed with "
                        + "\(imputation) as the rule says, giving \(value.text)")
            }
        }
    }
}
