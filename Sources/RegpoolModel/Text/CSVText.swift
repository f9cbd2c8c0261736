/// RFC 4180 CSV text: regpool's one CSV escaper, for every CSV it writes (exports, the clerical
/// review, the crosswalk). A field is quoted only when it holds a comma, a quote, CR or LF, and a
/// quote inside is doubled.
package enum CSVText {
    /// One line: `fields` escaped, separated by commas, then `ending` (`"\n"` or `"\r\n"`).
    package static func line(_ fields: [String], ending: String) -> String {
        fields.map(field).joined(separator: ",") + ending
    }

    /// `text` as one CSV field.
    package static func field(_ text: String) -> String {
        let special: (UInt8) -> Bool = { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard text.utf8.contains(where: special) else { return text }
        var out = "\""
        for c in text.unicodeScalars {
            if c == "\"" { out.unicodeScalars.append(c) }
            out.unicodeScalars.append(c)
        }
        return out + "\""
    }
}
