/// Case and accent folding for value-map labels (`fold:` in a column rule).
///
/// - case: Unicode lowercase (`É` → `é`, `Ä` → `ä`, Hangul unchanged);
/// - accents: combining marks are removed and a Latin letter with a diacritic becomes its base
///   letter (`é` → `e`, `Å` → `a`, `ø` → `o`), read from the Unicode name of the scalar
///   ("LATIN SMALL LETTER E WITH ACUTE"), so no table needs maintaining. Other scripts are kept.
/// ASCII text takes a byte-only fast path.
package struct TextFold: Sendable, Equatable, Hashable {
    package var caseInsensitive: Bool
    package var accentInsensitive: Bool

    /// No folding: labels compare as exact text.
    package static let none = TextFold(caseInsensitive: false, accentInsensitive: false)

    package init(caseInsensitive: Bool, accentInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
        self.accentInsensitive = accentInsensitive
    }

    /// True when the fold changes nothing.
    package var isNone: Bool { !caseInsensitive && !accentInsensitive }

    /// The folded form of `bytes` (UTF-8), as bytes.
    package func fold(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        if isNone { return bytes }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            guard caseInsensitive else { return bytes }
            return ArraySlice(bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 })
        }
        return ArraySlice(fold(ByteText.string(bytes)).utf8)
    }

    /// The folded form of `text`.
    package func fold(_ text: String) -> String {
        var s = caseInsensitive ? text.lowercased() : text
        if accentInsensitive { s = Self.stripAccents(s) }
        return s
    }

    private static func stripAccents(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            out.append(baseLatinLetter(scalar) ?? scalar)
        }
        return String(out)
    }

    /// `e` for "LATIN SMALL LETTER E WITH …", `E` for the capital; nil for anything else.
    private static func baseLatinLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        guard scalar.value >= 0xC0, scalar.value < 0x2000, let name = scalar.properties.name else { return nil }
        for (prefix, offset) in [("LATIN SMALL LETTER ", UInt32(0x20)), ("LATIN CAPITAL LETTER ", UInt32(0))] {
            guard name.hasPrefix(prefix) else { continue }
            let rest = name.dropFirst(prefix.count).unicodeScalars
            guard let letter = rest.first, letter.value >= 0x41, letter.value <= 0x5A,
                rest.dropFirst().starts(with: " WITH ".unicodeScalars)
            else { return nil }
            return Unicode.Scalar(letter.value + offset)
        }
        return nil
    }
}
