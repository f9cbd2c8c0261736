/// A JSON value whose objects keep their key order; regpool's one JSON model, written by `JSONText`
/// (compact) or `prettyText` (indented), with the same strings and numbers either way.
package indirect enum JSONValue: Sendable {
    case null
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue?)])

    /// A number, or null when it is absent or not finite (not reached, no data).
    package static func number(_ d: Double?) -> JSONValue {
        guard let d, d.isFinite else { return .null }
        return .double(d)
    }

    /// The value as compact JSON text.
    package var text: String {
        var t = JSONText()
        t.value(self)
        return String(decoding: t.bytes, as: UTF8.self)
    }

    /// The value as indented JSON text: objects and arrays one member per line, except those
    /// holding only scalars (and arrays of such flat objects' scalars), which stay on one line.
    package func prettyText(indent: String = "") -> String {
        switch self {
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy(\.isFlat) { return "[" + items.map { $0.prettyText() }.joined(separator: ", ") + "]" }
            let inner = indent + "  "
            return "[\n" + items.map { inner + $0.prettyText(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let key = { (name: String) in JSONText.quoted(name) }
            if members.allSatisfy({ $0.1?.isScalar ?? true }) {
                return "{" + members.map { "\(key($0.0)): \(($0.1 ?? .null).prettyText())" }.joined(separator: ", ")
                    + "}"
            }
            let inner = indent + "  "
            return "{\n"
                + members.map { "\(inner)\(key($0.0)): \(($0.1 ?? .null).prettyText(indent: inner))" }
                .joined(separator: ",\n") + "\n\(indent)}"
        default:
            return text
        }
    }

    /// True for everything but arrays and objects.
    var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    /// A scalar, or an object of scalars (printed on one line).
    var isFlat: Bool {
        if case .object(let members) = self { return members.allSatisfy { $0.1?.isScalar ?? true } }
        return isScalar
    }
}

extension JSONValue {
    /// A CDM value as JSON: dates as ISO `yyyy-MM-dd` text, everything else as itself.
    package init(_ v: Value) {
        switch v {
        case .null: self = .null
        case .string(let s): self = .string(s)
        case .int32(let i): self = .int(Int(i))
        case .double(let d): self = .double(d)
        case .bool(let b): self = .bool(b)
        case .date(let d): self = .string(CivilDate(days: d).iso)
        }
    }
}
