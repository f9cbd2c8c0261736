import RegpoolConfig
import RegpoolModel

/// A column rule prepared for fast use: map, missing tokens and date pattern as bytes.
struct CompiledRule: Sendable {
    let rule: ColumnRule
    let table: String
    let columnIndex: Int
    let type: ColumnType
    /// The source field, or nil for a constant.
    let field: String?
    /// Trimmed label bytes → target text (nil target = "not known").
    let map: [ArraySlice<UInt8>: String?]?
    let missing: Set<ArraySlice<UInt8>>
    let pattern: DatePattern
    let decimal: UInt8
    /// The typed value of a constant (`value:`); `.null` for field rules.
    let constant: Value
    /// `file:line table.column`, for the audit.
    let reference: String
    /// `table.column`.
    let target: String
    /// The rule's identity for noted decisions.
    let tag: RuleTag

    init(rule: ColumnRule, schema: TableSchema, defaultMissing: [String]) {
        self.rule = rule
        table = schema.name
        columnIndex = schema.index(of: rule.column) ?? 0
        type = schema.column(rule.column)?.type ?? .string
        reference = rule.reference(table: schema.name)
        target = "\(schema.name).\(rule.column)"
        tag = RuleTag(field: rule.input.fieldName, target: target, reference: reference)
        pattern = rule.datePattern.flatMap { try? DatePattern($0) } ?? .iso  // validated by the parser
        decimal = rule.decimal.asciiValue ?? UInt8(ascii: ".")
        missing = Set((rule.missing ?? defaultMissing).map { ArraySlice(ByteText.trimmed($0)) })
        map = rule.map.map(CompiledRule.compile)
        switch rule.input {
        case .field(let name):
            field = name
            constant = .null
        case .constant(let text):
            field = nil
            constant = TypedParser(type: type, pattern: pattern, decimal: decimal, factor: rule.factor)
                .parse(ArraySlice(ByteText.trimmed(text))).value ?? .null
        }
    }

    /// The value map as a byte-keyed dictionary (looked up with the field's bytes, no copy); the
    /// first entry of a repeated label wins.
    private static func compile(_ entries: [MapEntry]) -> [ArraySlice<UInt8>: String?] {
        var out: [ArraySlice<UInt8>: String?] = [:]
        for e in entries {
            let key = ArraySlice(ByteText.trimmed(e.source))
            if out[key] == nil { out[key] = .some(e.target) }
        }
        return out
    }

    /// The typed parser of this rule's column.
    var parser: TypedParser {
        TypedParser(type: type, pattern: pattern, decimal: decimal, factor: rule.factor)
    }
}
