import RegpoolConfig
import RegpoolModel

/// A source's `updated:` key prepared for use: reads each record's update date with the same
/// date parser as column rules, so the same patterns and the same T3002 messages apply.
struct CompiledUpdateDate: Sendable {
    let spec: UpdateDateSpec
    let parser: TypedParser
    /// The mapping's "not known" tokens, trimmed: such a value is no date, without audit.
    let missing: MissingTokens
    /// `file:line source.updated`, for the audit.
    package let reference: String

    init(spec: UpdateDateSpec, source: SourceSpec, missing: MissingTokens) {
        self.spec = spec
        self.missing = missing
        let pattern = spec.datePattern
        parser = TypedParser(type: .date, pattern: pattern, decimal: UInt8(ascii: "."), factor: nil)
        reference = "\(spec.location.file):\(spec.location.line) \(source.name).updated"
    }

    /// The record's update date in days since 1970-01-01, or nil when the field is absent, empty
    /// or "not known" (no audit) or cannot be read (T3002 naming the value and the pattern).
    func date(_ raw: ArraySlice<UInt8>?, context: RecordContext, audit: inout AuditLog) -> Int32? {
        guard let raw else { return nil }
        let text = ByteText.trimmed(raw)
        guard !text.isEmpty, !missing.contains(text) else { return nil }
        switch parser.parse(text) {
        case .value(.date(let days)):
            return days
        case .invalid(let why):
            let shown = ByteText.string(text)
            audit.record(
                AuditEvent(
                    .valueInvalid, centre: context.centre, file: context.file, locator: context.locator,
                    field: spec.field, sourceValue: shown, rule: reference,
                    message:
                        "the update date \"\(shown)\" in \(spec.field) \(why); the record counts as undated (it yields "
                        + "to every dated record of its patient). To fix: correct the export or `updated:` in "
                        + "\(spec.location.file):\(spec.location.line)"))
            return nil
        default:
            return nil
        }
    }
}
