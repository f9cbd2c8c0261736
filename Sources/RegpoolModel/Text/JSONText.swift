/// regpool's one JSON writer: deterministic compact text, keys in the order given, strings escaped on
/// bytes, numbers in one format (`number(_:)`). `JSONValue.prettyText` lays out the same tokens.
package struct JSONText: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    /// Appends `s` as a JSON string literal (quotes, backslash and control bytes escaped).
    package mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                bytes.append(contentsOf: [
                    92, UInt8(ascii: "u"), 48, 48, Hex.digits[Int(b >> 4)], Hex.digits[Int(b & 15)],
                ])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends raw JSON text (a number, `true`, `null`, punctuation).
    package mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Appends an object built from ordered key/value pairs; nil values are written as `null`.
    package mutating func object(_ pairs: [(String, JSONValue?)]) {
        raw("{")
        for (i, (key, value)) in pairs.enumerated() {
            if i > 0 { raw(",") }
            string(key)
            raw(":")
            self.value(value)
        }
        raw("}")
    }

    /// Appends one value.
    package mutating func value(_ v: JSONValue?) {
        switch v {
        case nil, .null?: raw("null")
        case .string(let s)?: string(s)
        case .int(let i)?: raw(String(i))
        case .double(let d)?: raw(Self.number(d))
        case .bool(let b)?: raw(b ? "true" : "false")
        case .array(let items)?:
            raw("[")
            for (i, item) in items.enumerated() {
                if i > 0 { raw(",") }
                value(item)
            }
            raw("]")
        case .object(let pairs)?: object(pairs)
        }
    }

    /// The one number format: a whole number below 10^15 without a fraction (`3`, not `3.0`, as
    /// JavaScript writes it), any other finite number in Swift's shortest round-trip form, and
    /// `null` for NaN and infinities, which JSON cannot hold.
    package static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
    }

    /// `s` as a JSON string literal.
    package static func quoted(_ s: String) -> String {
        var t = JSONText()
        t.string(s)
        return String(decoding: t.bytes, as: UTF8.self)
    }
}
