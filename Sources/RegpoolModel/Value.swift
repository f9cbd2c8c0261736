/// One cell of a CDM table. Dates are days since 1970-01-01 (see `CivilDate`).
package enum Value: Sendable, Equatable {
    case null
    case string(String)
    case int32(Int32)
    case double(Double)
    case bool(Bool)
    case date(Int32)

    /// True for `.null`.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string payload of `.string`, or nil.
    package var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The day number of `.date`, or nil.
    package var dateValue: Int32? {
        if case .date(let d) = self { return d }
        return nil
    }

    /// The payload of `.double` (or `.int32` widened), or nil.
    package var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int32(let i): return Double(i)
        default: return nil
        }
    }

    /// The payload of `.int32`, or nil.
    package var int32Value: Int32? {
        if case .int32(let i) = self { return i }
        return nil
    }

    /// The payload of `.bool`, or nil.
    package var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// A canonical text form for audit logs and golden files (dates as ISO yyyy-MM-dd).
    package var text: String {
        switch self {
        case .null: return ""
        case .string(let s): return s
        case .int32(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return CivilDate(days: d).iso
        }
    }
}

extension Value {
    /// Three-way comparison for deterministic row sorting (negative, zero, positive): nulls
    /// first, strings by UTF-8 bytes, doubles by value then bit pattern.
    package static func compare(_ a: Value, _ b: Value) -> Int {
        switch (a, b) {
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        case (.string(let x), .string(let y)): return compareUTF8(x, y)
        case (.int32(let x), .int32(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.date(let x), .date(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.double(let x), .double(let y)):
            if x < y { return -1 }
            if x > y { return 1 }
            return x.bitPattern == y.bitPattern ? 0 : (x.bitPattern < y.bitPattern ? -1 : 1)
        default: return precedes(a, b) ? -1 : (precedes(b, a) ? 1 : 0)
        }
    }

    /// Compares two strings on their UTF-8 bytes without copying native strings.
    package static func compareUTF8(_ a: String, _ b: String) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                let n = min(pa.count, pb.count)
                var i = 0
                while i < n {
                    if pa[i] != pb[i] { return pa[i] < pb[i] ? -1 : 1 }
                    i += 1
                }
                return pa.count == pb.count ? 0 : (pa.count < pb.count ? -1 : 1)
            }
        }
    }

    /// A total order used for deterministic row sorting: nulls first, strings by UTF-8 bytes.
    package static func precedes(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return false
        case (.null, _): return true
        case (_, .null): return false
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        case (.int32(let x), .int32(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        case (.date(let x), .date(let y)): return x < y
        default: return a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
        }
    }

    /// Equality on UTF-8 bytes for strings (never canonical equivalence), exact otherwise.
    package static func sameBytes(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
        default: return a == b
        }
    }
}
