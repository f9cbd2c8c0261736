import RegpoolConfig
import RegpoolModel

/// A column rule prepared for fast use: map, missing tokens and date pattern as bytes.
///
/// A final class: the mapper reads its rules once per value, and a reference costs one retain
/// where a struct of a dozen reference fields cost a dozen.
final class CompiledRule: Sendable {
    let rule: ColumnRule
    let table: String
    let columnIndex: Int
    let type: ColumnType
    /// The source field, or nil for a constant.
    package let field: String?
    /// Trimmed (and folded) label bytes → the entry it names.
    let map: [ArraySlice<UInt8>: MapTarget]?
    /// The first audit slot of this rule's map entries (see `AuditLog.count(slot:_:)`), when
    /// labels are not folded (then a label's entry tells its summary line); nil = key look-up.
    let slotBase: Int?
    let fold: TextFold
    /// Partial date patterns with their imputations, tried in order after the full pattern.
    let partials: [TypedParser.PartialDate]
    /// Trimmed unit label bytes → factor, for a rule with `unit_field`.
    let units: [ArraySlice<UInt8>: Double]?
    /// The plausible range of the value (the rule's, else the CDM's); lab values use the analyte's.
    let range: CDM.PlausibleRange?
    /// The rule's "not known" tokens (its own `missing:`, else the mapping's).
    let missing: MissingTokens
    let pattern: DatePattern
    let decimal: UInt8
    /// The typed value of a constant (`value:`); `.null` for field rules.
    let constant: Value
    /// `file:line table.column`, for the audit.
    package let reference: String
    /// `table.column`.
    package let target: String
    /// The rule's identity for noted decisions.
    package let tag: RuleTag
    /// The typed parser of this rule's column, built once.
    let parser: TypedParser
    /// The rule fills lab_results' `value` (whose source text and unit fill `source_value`/`source_unit`).
    let fillsValue: Bool

    /// One label's entry in a value map: its position, target text and bytes (nil = "not known").
    struct MapTarget: Sendable {
        let entry: Int
        let text: String?
        let bytes: ArraySlice<UInt8>
    }

    /// `slots` is the next free audit slot of the mapper; the rule takes one per map entry.
    init(rule: ColumnRule, schema: TableSchema, defaultMissing: [String], slots: inout Int) {
        self.rule = rule
        table = schema.name
        columnIndex = schema.index(of: rule.column) ?? 0
        type = schema.column(rule.column)?.type ?? .string
        reference = rule.reference(table: schema.name)
        target = "\(schema.name).\(rule.column)"
        tag = RuleTag(field: rule.input.fieldName, target: target, reference: reference)
        pattern = rule.datePattern ?? .iso
        decimal = rule.decimal.asciiValue ?? UInt8(ascii: ".")
        missing = MissingTokens(rule.missing ?? defaultMissing)
        fold = rule.fold
        let map = rule.map.map { CompiledRule.compile($0, fold: rule.fold) }
        self.map = map
        if let map, rule.fold.isNone {
            slotBase = slots
            slots += map.count
        } else {
            slotBase = nil
        }
        partials = rule.partial.map { p in
            TypedParser.PartialDate(pattern: p.pattern, imputation: p.imputation, text: p.imputationText)
        }
        units = rule.units.map { list in
            // Labels are unique after trimming (checked by the parser).
            Dictionary(
                list.map { (ArraySlice(ByteText.trimmed($0.label)), $0.factor) }, uniquingKeysWith: { a, _ in a })
        }
        range = rule.range ?? CDM.plausibleRanges["\(schema.name).\(rule.column)"]
        fillsValue = rule.column == "value"
        parser = TypedParser(
            type: type, pattern: pattern, decimal: decimal, factor: rule.factor,
            thousands: rule.thousands?.asciiValue, partials: partials)
        switch rule.input {
        case .field(let name):
            field = name
            constant = .null
        case .constant(let text):
            field = nil
            constant =
                TypedParser(type: type, pattern: pattern, decimal: decimal, factor: rule.factor, thousands: nil)
                .parse(ArraySlice(ByteText.trimmed(text))).value ?? .null
        }
    }

    /// The value map as a byte-keyed dictionary (looked up with the field's bytes, no copy); the
    /// first entry of a repeated label wins.
    private static func compile(_ entries: [MapEntry], fold: TextFold) -> [ArraySlice<UInt8>: MapTarget] {
        var out: [ArraySlice<UInt8>: MapTarget] = [:]
        for e in entries {
            let key = fold.fold(ArraySlice(ByteText.trimmed(e.source)))
            if out[key] == nil {
                out[key] = MapTarget(entry: out.count, text: e.target, bytes: ArraySlice((e.target ?? "").utf8))
            }
        }
        return out
    }

}
