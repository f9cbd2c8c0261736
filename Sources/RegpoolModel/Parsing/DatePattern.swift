/// A date pattern of a mapping rule, e.g. `dd/MM/yyyy`: `yyyy` year, `MM`/`dd` two digits,
/// `M`/`d` one or two digits (greedy); any other character must match itself (byte for byte,
/// so `yyyy년 M월 d일` works). The same type validates patterns in mapping files (Config) and
/// reads dates from exports (Transform), so a pattern the checker accepts reads as it said.
public struct DatePattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case year
        case month(fixed: Bool)
        case day(fixed: Bool)
        case literal(UInt8)

        var isField: Bool { if case .literal = self { false } else { true } }
        var isVariable: Bool {
            switch self {
            case .month(let fixed), .day(let fixed): return !fixed
            default: return false
            }
        }
    }

    /// Why a pattern was refused: what, and how to fix it.
    public struct Problem: Error, Sendable, Equatable {
        public let message: String
        public let hint: String
    }

    let tokens: [Token]
    /// The pattern as written.
    public let text: String

    /// The default pattern of the mapping format, `yyyy-MM-dd`.
    public static let iso = DatePattern(text: "yyyy-MM-dd", tokens: [
        .year, .literal(UInt8(ascii: "-")), .month(fixed: true), .literal(UInt8(ascii: "-")), .day(fixed: true),
    ])

    private init(text: String, tokens: [Token]) {
        self.text = text
        self.tokens = tokens
    }

    /// Compiles `pattern`, refusing unknown letters, `yy`, repeated or missing parts, and a
    /// one-or-two-digit part that touches another part (ambiguous).
    public init(_ pattern: String) throws(Problem) {
        var tokens: [Token] = []
        var rest = Substring(pattern)
        while let first = rest.first {
            guard first.isASCII, first.isLetter else {
                tokens.append(contentsOf: String(first).utf8.map { .literal($0) })
                rest = rest.dropFirst()
                continue
            }
            let run = rest.prefix { $0 == first }
            rest = rest.dropFirst(run.count)
            tokens.append(try Self.token(String(run), in: pattern))
        }
        try Self.checkParts(tokens, pattern)
        self.init(text: pattern, tokens: tokens)
    }

    private static func token(_ run: String, in pattern: String) throws(Problem) -> Token {
        switch run {
        case "yyyy": return .year
        case "MM": return .month(fixed: true)
        case "M": return .month(fixed: false)
        case "dd": return .day(fixed: true)
        case "d": return .day(fixed: false)
        case "yy":
            throw Problem(message: "date pattern '\(pattern)' uses 'yy'",
                          hint: "two-digit years need a pivot, not supported in version 1")
        default:
            throw Problem(message: "date pattern '\(pattern)' has unknown letters '\(run)'",
                          hint: "use yyyy (year), MM or M (month), dd or d (day), e.g. dd/MM/yyyy")
        }
    }

    private static func checkParts(_ tokens: [Token], _ pattern: String) throws(Problem) {
        let years = tokens.filter { $0 == .year }.count
        let months = tokens.filter { if case .month = $0 { true } else { false } }.count
        let days = tokens.filter { if case .day = $0 { true } else { false } }.count
        guard years == 1, months == 1, days == 1 else {
            throw Problem(message: "date pattern '\(pattern)' must name the year, month and day once each",
                          hint: "e.g. dd/MM/yyyy or yyyy-MM-dd")
        }
        for (a, b) in zip(tokens, tokens.dropFirst()) where a.isField && b.isField && (a.isVariable || b.isVariable) {
            throw Problem(message: "date pattern '\(pattern)' is ambiguous: a one-or-two-digit part touches another part",
                          hint: "put a separator between the parts or use MM and dd")
        }
    }

    /// The outcome of reading one date.
    public enum Outcome: Sendable, Equatable {
        case date(CivilDate)
        /// The text does not have the pattern's shape.
        case malformed
        /// The shape fits but no such day exists (31/02/2012).
        case impossible(year: Int, month: Int, day: Int)

        /// The date, or nil.
        public var date: CivilDate? {
            if case .date(let d) = self { return d }
            return nil
        }
    }

    /// Reads a date from trimmed source bytes.
    public func parse(_ bytes: ArraySlice<UInt8>) -> Outcome {
        var i = bytes.startIndex
        var year = 0, month = 0, day = 0
        for token in tokens {
            switch token {
            case .literal(let ch):
                guard i < bytes.endIndex, bytes[i] == ch else { return .malformed }
                i += 1
            case .year:
                guard let v = Self.digits(bytes, &i, min: 4, max: 4) else { return .malformed }
                year = v
            case .month(let fixed):
                guard let v = Self.digits(bytes, &i, min: fixed ? 2 : 1, max: 2) else { return .malformed }
                month = v
            case .day(let fixed):
                guard let v = Self.digits(bytes, &i, min: fixed ? 2 : 1, max: 2) else { return .malformed }
                day = v
            }
        }
        guard i == bytes.endIndex else { return .malformed }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            return .impossible(year: year, month: month, day: day)
        }
        return .date(date)
    }

    /// The date `text` names under this pattern, or nil when it does not match or is impossible.
    public func date(from text: String) -> CivilDate? {
        parse(ArraySlice(text.utf8)).date
    }

    /// Reads between `min` and `max` digits (greedy) at `i`.
    private static func digits(_ bytes: ArraySlice<UInt8>, _ i: inout Int, min: Int, max: Int) -> Int? {
        var value = 0
        var n = 0
        while n < max, i < bytes.endIndex, let d = ByteText.digit(bytes[i]) {
            value = value * 10 + d
            i += 1
            n += 1
        }
        return n >= min ? value : nil
    }
}
