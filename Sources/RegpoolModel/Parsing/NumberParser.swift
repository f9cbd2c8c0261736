/// Parses integers and decimal numbers from source bytes, strictly: thousands separators only
/// when the rule names one, and then only between groups of exactly three digits.
package enum NumberParser {
    /// An Int32 from `[+-]digits`, or nil when the text is not one or is out of range.
    package static func int32(_ bytes: ArraySlice<UInt8>) -> Int32? {
        var i = bytes.startIndex
        var negative = false
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < bytes.endIndex else { return nil }
        var value: Int64 = 0
        while i < bytes.endIndex {
            guard let d = ByteText.digit(bytes[i]) else { return nil }
            value = value * 10 + Int64(d)
            if value > Int64(Int32.max) + 1 { return nil }
            i += 1
        }
        let signed = negative ? -value : value
        return Int32(exactly: signed)
    }

    /// A Double from `[+-]digits[sep digits][e[+-]digits]` with `decimal` as separator, or nil.
    package static func double(_ bytes: ArraySlice<UInt8>, decimal: UInt8, thousands: UInt8? = nil) -> Double? {
        guard let canonical = canonicalNumber(bytes, decimal: decimal, thousands: thousands) else { return nil }
        guard let value = Double(canonical), value.isFinite else { return nil }
        return value
    }

    /// The number rewritten with `.` as separator after a strict shape check, or nil.
    private static func canonicalNumber(_ bytes: ArraySlice<UInt8>, decimal: UInt8, thousands: UInt8?) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            out.append(bytes[i])
            i += 1
        }
        var mantissaDigits = 0
        var group = 0
        while i < bytes.endIndex, ByteText.digit(bytes[i]) != nil {
            out.append(bytes[i])
            i += 1
            mantissaDigits += 1
            group += 1
        }
        if let thousands, i < bytes.endIndex, bytes[i] == thousands {
            guard (1...3).contains(group) else { return nil }
            while i < bytes.endIndex, bytes[i] == thousands {
                i += 1
                for _ in 0..<3 {
                    guard i < bytes.endIndex, ByteText.digit(bytes[i]) != nil else { return nil }
                    out.append(bytes[i])
                    i += 1
                    mantissaDigits += 1
                }
                if i < bytes.endIndex, ByteText.digit(bytes[i]) != nil { return nil }
            }
        }
        if i < bytes.endIndex, bytes[i] == decimal {
            out.append(UInt8(ascii: "."))
            i += 1
            while i < bytes.endIndex, ByteText.digit(bytes[i]) != nil {
                out.append(bytes[i])
                i += 1
                mantissaDigits += 1
            }
        }
        guard mantissaDigits > 0 else { return nil }
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            out.append(UInt8(ascii: "e"))
            i += 1
            if i < bytes.endIndex, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                out.append(bytes[i])
                i += 1
            }
            var expDigits = 0
            while i < bytes.endIndex, ByteText.digit(bytes[i]) != nil {
                out.append(bytes[i])
                i += 1
                expDigits += 1
            }
            guard expDigits > 0 else { return nil }
        }
        guard i == bytes.endIndex else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}
