extension CSVSniffer {
    /// The delimiters tried, in the order ties are broken.
    static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// `"` unless `'` opens more fields (right after a line start or a candidate delimiter).
    static func guessQuote(_ text: [UInt8]) -> Guess<UInt8> {
        var double = 0
        var single = 0
        var previous: UInt8 = 0x0A
        for byte in text {
            if previous == 0x0A || previous == 0x0D || delimiters.contains(previous) {
                if byte == UInt8(ascii: "\"") { double += 1 } else if byte == UInt8(ascii: "'") { single += 1 }
            }
            previous = byte
        }
        if single > double {
            return Guess(UInt8(ascii: "'"), "\(single) fields start with ' and \(double) with \"")
        }
        if double == 0 {
            return Guess(UInt8(ascii: "\""), "no quoted field in the sample; \" is the standard (RFC 4180)")
        }
        return Guess(UInt8(ascii: "\""), "\(double) field\(double == 1 ? "" : "s") start with \"")
    }

    /// The candidate that splits the most records into the same number (≥ 2) of fields, outside quotes.
    static func guessDelimiter(_ text: [UInt8], quote: UInt8) -> Guess<UInt8> {
        let scores = delimiters.map { delimiter in
            FieldCountScore(
                SniffedRecords(text, delimiter: delimiter, quote: quote, limit: 200).records.map(\.fields.count))
        }
        let candidates = zip(delimiters, scores).filter { $0.1.mode >= 2 }
        guard let best = candidates.max(by: { $0.1 < $1.1 }) else {
            return Guess(UInt8(ascii: ","), "none of , ; tab | splits the lines into several fields: one column?")
        }
        let others = zip(delimiters, scores).filter { $0.0 != best.0 && $0.1.mode >= 2 }
            .map { "\(name($0.0)) gives \($0.1.range)" }
        let against = others.isEmpty ? "" : "; " + others.joined(separator: ", ")
        return Guess(
            best.0,
            "\(name(best.0)) gives \(best.1.mode) fields on \(best.1.modeCount) of \(best.1.total)"
                + " records\(against)")
    }

    /// A delimiter as a data manager would write it.
    static func name(_ delimiter: UInt8) -> String {
        delimiter == 0x09 ? "tab" : "'\(Character(Unicode.Scalar(delimiter)))'"
    }

    /// The kind of line end most lines have, or `mixed`.
    static func guessLineEnd(_ text: [UInt8]) -> Guess<LineEndKind> {
        var crlf = 0
        var cr = 0
        var lf = 0
        var index = 0
        while index < text.count {
            if text[index] == 0x0D {
                if index + 1 < text.count, text[index + 1] == 0x0A {
                    crlf += 1
                    index += 1
                } else {
                    cr += 1
                }
            } else if text[index] == 0x0A {
                lf += 1
            }
            index += 1
        }
        let counts: [(LineEndKind, Int, String)] = [(.crlf, crlf, "\\r\\n"), (.lf, lf, "\\n"), (.cr, cr, "a lone \\r")]
        let present = counts.filter { $0.1 > 0 }
        let summary = present.map { "\($0.1) end in \($0.2)" }.joined(separator: ", ")
        switch present.count {
        case 0: return Guess(.none, "no line end in the sample: a single line")
        case 1: return Guess(present[0].0, "all \(present[0].1) lines end in \(present[0].2)")
        default: return Guess(.mixed, "\(summary); regpool reads them all")
        }
    }
}

/// How consistently one delimiter splits the sample's records.
struct FieldCountScore: Comparable {
    let mode: Int
    let modeCount: Int
    let total: Int
    let range: String

    init(_ counts: [Int]) {
        var frequency: [Int: Int] = [:]
        for count in counts { frequency[count, default: 0] += 1 }
        let best = frequency.max { ($0.value, $0.key) < ($1.value, $1.key) }
        mode = best?.key ?? 0
        modeCount = best?.value ?? 0
        total = counts.count
        let low = counts.min() ?? 0
        let high = counts.max() ?? 0
        range = low == high ? "\(low) fields" : "\(low)–\(high) fields"
    }

    /// Share of records with the modal count, then the modal count.
    static func < (a: Self, b: Self) -> Bool {
        let left = a.modeCount * max(b.total, 1)
        let right = b.modeCount * max(a.total, 1)
        return left != right ? left < right : a.mode < b.mode
    }
}
