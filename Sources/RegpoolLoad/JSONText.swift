import RegpoolModel

/// Minimal, deterministic JSON text building: keys in the order given, strings escaped on bytes.
public struct JSONText: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Appends `s` as a JSON string literal (quotes, backslash and control bytes escaped).
    public mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
            case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends raw JSON text (a number, `true`, `null`, punctuation).
    public mutating func raw(_ s: String) {
        bytes.append(contentsOf: s.utf8)
    }

    /// Appends an object built from ordered key/value pairs; nil values are written as `null`.
    public mutating func object(_ pairs: [(String, JSONValue?)]) {
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
    public mutating func value(_ v: JSONValue?) {
        switch v {
        case nil, .null?: raw("null")
        case .string(let s)?: string(s)
        case .int(let i)?: raw(String(i))
        case .double(let d)?: raw(d.isFinite ? String(d) : "null")
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
}

extension JSONValue {
    /// A CDM value as JSON: dates as ISO `yyyy-MM-dd` text, everything else as itself.
    public init(_ v: Value) {
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

/// A JSON value whose objects keep their key order.
public indirect enum JSONValue: Sendable {
    case null
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([(String, JSONValue?)])

    /// The value as compact JSON text.
    public var text: String {
        var t = JSONText()
        t.value(self)
        return String(decoding: t.bytes, as: UTF8.self)
    }
}
