import RegpoolConfig
import RegpoolModel

/// A column rule prepared for fast use: map, missing tokens and date pattern as bytes.
struct CompiledRule: Sendable {
    let rule: ColumnRule
    let table: String
    let columnIndex: Int
    let type: ColumnType
    /// The source field, or nil for a constant.
    package let field: String?
    /// Trimmed (and folded) label bytes → target text (nil target = "not known").
    let map: [ArraySlice<UInt8>: String?]?
    let fold: TextFold
    /// Partial date patterns with their imputations, tried in order after the full pattern.
    let partials: [TypedParser.PartialDate]
    /// Trimmed unit label bytes → factor, for a rule with `unit_field`.
    let units: [ArraySlice<UInt8>: Double]?
    /// The plausible range of the value (the rule's, else the CDM's); lab values use the analyte's.
    let range: CDM.PlausibleRange?
    let missing: Set<ArraySlice<UInt8>>
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

    init(rule: ColumnRule, schema: TableSchema, defaultMissing: [String]) {
        self.rule = rule
        table = schema.name
        columnIndex = schema.index(of: rule.column) ?? 0
        type = schema.column(rule.column)?.type ?? .string
        reference = rule.reference(table: schema.name)
        target = "\(schema.name).\(rule.column)"
        tag = RuleTag(field: rule.input.fieldName, target: target, reference: reference)
        pattern = rule.datePattern ?? .iso
        decimal = rule.decimal.asciiValue ?? UInt8(ascii: ".")
        missing = Set((rule.missing ?? defaultMissing).map { ArraySlice(ByteText.trimmed($0)) })
        fold = rule.fold
        map = rule.map.map { CompiledRule.compile($0, fold: rule.fold) }
        partials = rule.partial.map { p in
            TypedParser.PartialDate(pattern: p.pattern, imputation: p.imputation, text: p.imputationText)
        }
        units = rule.units.map { list in
            // Labels are unique after trimming (checked by the parser).
            Dictionary(
                list.map { (ArraySlice(ByteText.trimmed($0.label)), $0.factor) }, uniquingKeysWith: { a, _ in a })
        }
        range = rule.range ?? CDM.plausibleRanges["\(schema.name).\(rule.column)"]
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
    private static func compile(_ entries: [MapEntry], fold: TextFold) -> [ArraySlice<UInt8>: String?] {
        var out: [ArraySlice<UInt8>: String?] = [:]
        for e in entries {
            let key = fold.fold(ArraySlice(ByteText.trimmed(e.source)))
            if out[key] == nil { out[key] = .some(e.target) }
        }
        return out
    }

    /// The typed parser of this rule's column.
    var parser: TypedParser {
        TypedParser(
            type: type, pattern: pattern, decimal: decimal, factor: rule.factor,
            thousands: rule.thousands?.asciiValue, partials: partials)
    }
}
