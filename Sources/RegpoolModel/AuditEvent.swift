/// One audit event: what happened to which value, where it came from and which rule decided.
///
/// The data is in the fields; `message` is for people and never needs to be parsed.
package struct AuditEvent: Sendable, Equatable {
    package var code: AuditCode
    package var centre: String?
    package var file: String?
    package var locator: String?
    /// The source field (CSV column, XML path) the value came from.
    package var field: String?
    /// The CDM target, `table.column`.
    package var target: String?
    package var sourceValue: String?
    package var targetValue: String?
    /// The mapping file, line and key that decided, e.g. `mappings/fr.yaml:31 patients.sex`.
    package var rule: String?
    /// For summary events: how many values this line stands for.
    package var count: Int?
    package var message: String

    package init(
        _ code: AuditCode, centre: String? = nil, file: String? = nil, locator: String? = nil,
        field: String? = nil, target: String? = nil, sourceValue: String? = nil,
        targetValue: String? = nil, rule: String? = nil, count: Int? = nil, message: String
    ) {
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

    /// The deterministic order of events in audit.jsonl: stage, centre, file, locator (numbers
    /// compared as numbers), code, target, field, values, rule, message — all on UTF-8 bytes.
    package static func precedes(_ a: AuditEvent, _ b: AuditEvent) -> Bool {
        SortKey(a) < SortKey(b)
    }

    /// The sort key of an event, computed once per event.
    struct SortKey: Comparable {
        let parts: [[UInt8]]

        init(_ e: AuditEvent) {
            let stage = UInt8(Stage.allCases.firstIndex(of: e.code.stage)!)
            parts =
                [[stage]]
                + [
                    e.centre, e.file, e.locator.map(Self.numbered), e.code.code, e.target, e.field,
                    e.sourceValue, e.targetValue, e.rule, e.message,
                ].map { Array(($0 ?? "").utf8) }
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            for (x, y) in zip(a.parts, b.parts) where x != y { return x.lexicographicallyPrecedes(y) }
            return false
        }

        /// Digits runs left-padded to 12 places, so `line 9` precedes `line 10`.
        static func numbered(_ locator: String) -> String {
            var out = ""
            var digits = ""
            func flush() {
                if !digits.isEmpty { out += String(repeating: "0", count: max(0, 12 - digits.count)) + digits }
                digits = ""
            }
            for ch in locator {
                if ch.isASCII, ch.isNumber {
                    digits.append(ch)
                } else {
                    flush()
                    out.append(ch)
                }
            }
            flush()
            return out
        }
    }
}
