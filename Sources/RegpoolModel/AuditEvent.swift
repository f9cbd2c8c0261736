/// One audit event: what happened to which value, where it came from and which rule decided.
///
/// The data is in the fields; `message` is for people and never needs to be parsed.
public struct AuditEvent: Sendable, Equatable {
    public var code: AuditCode
    public var centre: String?
    public var file: String?
    public var locator: String?
    /// The source field (CSV column, XML path) the value came from.
    public var field: String?
    /// The CDM target, `table.column`.
    public var target: String?
    public var sourceValue: String?
    public var targetValue: String?
    /// The mapping file, line and key that decided, e.g. `mappings/fr.yaml:31 patients.sex`.
    public var rule: String?
    /// For summary events: how many values this line stands for.
    public var count: Int?
    public var message: String

    public init(_ code: AuditCode, centre: String? = nil, file: String? = nil, locator: String? = nil,
                field: String? = nil, target: String? = nil, sourceValue: String? = nil,
                targetValue: String? = nil, rule: String? = nil, count: Int? = nil, message: String) {
        self.code = code
        self.centre = centre
        self.file = file
        self.locator = locator
        self.field = field
        self.target = target
        self.sourceValue = sourceValue
        self.targetValue = targetValue
        self.rule = rule
        self.count = count
        self.message = message
    }

    /// The deterministic order of events in audit.jsonl: stage, centre, file, locator, code, field.
    public static func precedes(_ a: AuditEvent, _ b: AuditEvent) -> Bool {
        if a.code.stage != b.code.stage { return a.code.stage < b.code.stage }
        let ka = [a.centre, a.file, a.locatorSortKey, a.code.code, a.target, a.field, a.sourceValue, a.targetValue, a.rule]
        let kb = [b.centre, b.file, b.locatorSortKey, b.code.code, b.target, b.field, b.sourceValue, b.targetValue, b.rule]
        for (x, y) in zip(ka, kb) where x != y {
            return (x ?? "").utf8.lexicographicallyPrecedes((y ?? "").utf8)
        }
        return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
    }

    /// Locators compare with their numbers zero-padded, so `line 9` precedes `line 10`.
    private var locatorSortKey: String? {
        guard let locator else { return nil }
        var out = ""
        var digits = ""
        for ch in locator {
            if ch.isASCII, ch.isNumber {
                digits.append(ch)
            } else {
                if !digits.isEmpty { out += String(repeating: "0", count: max(0, 12 - digits.count)) + digits; digits = "" }
                out.append(ch)
            }
        }
        if !digits.isEmpty { out += String(repeating: "0", count: max(0, 12 - digits.count)) + digits }
        return out
    }
}
