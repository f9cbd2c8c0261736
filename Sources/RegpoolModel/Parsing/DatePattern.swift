/// A date pattern of a mapping rule, e.g. `dd/MM/yyyy`: `yyyy` year, `yy` two-digit year (needs
/// a pivot), `MM`/`dd` two digits, `M`/`d` one or two digits (greedy); any other character must
/// match itself (byte for byte, so `yyyy년 M월 d일` works). A partial pattern (`MM/yyyy`, `yyyy`)
/// names no day, or neither month nor day; it reads with an imputation. The same type validates
/// patterns in mapping files (Config) and reads dates from exports (Transform), so a pattern the
/// checker accepts reads as it said.
package struct DatePattern: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case year
        case shortYear
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
    package struct Problem: Error, Sendable, Equatable {
        package let message: String
        package let hint: String
    }

    /// How much of a date a pattern names.
    package enum Precision: String, Sendable, Equatable {
        case day, month, year
    }

    let tokens: [Token]
    /// The pattern as written.
    package let text: String
    /// The first year of the 100-year window a two-digit year falls in (e.g. 1930: 30 → 1930, 29 → 2029).
    package let pivot: Int?

    /// Day for full patterns; month (`MM/yyyy`) or year (`yyyy`) for partial ones.
    package var precision: Precision {
        if tokens.contains(where: { if case .day = $0 { true } else { false } }) { return .day }
        if tokens.contains(where: { if case .month = $0 { true } else { false } }) { return .month }
        return .year
    }

    /// The default pattern of the mapping format, `yyyy-MM-dd`.
    package static let iso = DatePattern(
        text: "yyyy-MM-dd",
        tokens: [
            .year, .literal(UInt8(ascii: "-")), .month(fixed: true), .literal(UInt8(ascii: "-")), .day(fixed: true),
        ])

    private init(text: String, tokens: [Token], pivot: Int? = nil) {
        self.text = text
        self.tokens = tokens
        self.pivot = pivot
    }

    /// Compiles `pattern`, refusing unknown letters, `yy` without a pivot, repeated or missing
    /// parts (a partial pattern only when `partial`), and a one-or-two-digit part that touches
    /// another part (ambiguous).
    package init(_ pattern: String, pivot: Int? = nil, partial: Bool = false) throws(Problem) {
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
        try Self.checkParts(tokens, pattern, partial: partial)
        if tokens.contains(.shortYear), pivot == nil {
            throw Problem(
                message: "date pattern '\(pattern)' uses the two-digit year 'yy' but the rule gives no pivot",
                hint: "add 'pivot: 1930' (the first year of the 100-year window: 30 → 1930, 29 → 2029)")
        }
        if let pivot, !(1800...2100).contains(pivot) {
            throw Problem(
                message: "pivot \(pivot) is not a plausible first year of a 100-year window",
                hint: "write a year between 1800 and 2100, e.g. 1930")
        }
        self.init(text: pattern, tokens: tokens, pivot: pivot)
    }

    private static func token(_ run: String, in pattern: String) throws(Problem) -> Token {
        switch run {
        case "yyyy": return .year
        case "MM": return .month(fixed: true)
        case "M": return .month(fixed: false)
        case "dd": return .day(fixed: true)
        case "d": return .day(fixed: false)
        case "yy": return .shortYear
        default:
            throw Problem(
                message: "date pattern '\(pattern)' has unknown letters '\(run)'",
                hint: "use yyyy (year), MM or M (month), dd or d (day), e.g. dd/MM/yyyy")
        }
    }

    private static func checkParts(_ tokens: [Token], _ pattern: String, partial: Bool) throws(Problem) {
        let years = tokens.filter { $0 == .year || $0 == .shortYear }.count
        let months = tokens.filter { if case .month = $0 { true } else { false } }.count
        let days = tokens.filter { if case .day = $0 { true } else { false } }.count
        let full = years == 1 && months == 1 && days == 1
        let partialShape = years == 1 && days == 0 && months <= 1
        if partial {
            guard partialShape else {
                throw Problem(
                    message: "partial date pattern '\(pattern)' must name the year once, the month at most "
                        + "once and no day", hint: "e.g. MM/yyyy or yyyy; full dates go in 'date:'")
            }
        } else if !full {
            throw Problem(
                message: "date pattern '\(pattern)' must name the year, month and day once each",
                hint: partialShape
                    ? "a pattern without a day is a partial date: list it under 'partial:' "
                        + "with its imputation" : "e.g. dd/MM/yyyy or yyyy-MM-dd")
        }
        for (a, b) in zip(tokens, tokens.dropFirst()) where a.isField && b.isField && (a.isVariable || b.isVariable) {
            throw Problem(
                message: "date pattern '\(pattern)' is ambiguous: a one-or-two-digit part touches another part",
                hint: "put a separator between the parts or use MM and dd")
        }
    }

    /// The outcome of reading one date.
    package enum Outcome: Sendable, Equatable {
        case date(CivilDate)
        /// The text does not have the pattern's shape.
        case malformed
        /// The shape fits but no such day exists (31/02/2012).
        case impossible(year: Int, month: Int, day: Int)

        /// The date, or nil.
        package var date: CivilDate? {
            if case .date(let d) = self { return d }
            return nil
        }
    }

    /// Reads a date from trimmed source bytes; the parts a partial pattern lacks come from `imputation`.
    package func parse(_ bytes: ArraySlice<UInt8>, imputation: DateImputation? = nil) -> Outcome {
        var i = bytes.startIndex
        var year = 0
        var month = imputation?.month ?? 0
        var day = imputation?.day ?? 0
        for token in tokens {
            switch token {
            case .literal(let ch):
                guard i < bytes.endIndex, bytes[i] == ch else { return .malformed }
                i += 1
            case .year:
                guard let v = Self.digits(bytes, &i, min: 4, max: 4) else { return .malformed }
                year = v
            case .shortYear:
                guard let v = Self.digits(bytes, &i, min: 2, max: 2), let pivot else { return .malformed }
                year = pivot + (v - pivot % 100 + 100) % 100
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
    package func date(from text: String) -> CivilDate? {
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

/// How a partial date is completed: the day for a month-precision pattern (`15`), the month and
/// day for a year-precision one (`07-01`). Written in a rule's `partial:` entry.
package struct DateImputation: Sendable, Equatable {
    /// Nil for a month-precision pattern (the month is read).
    package let month: Int?
    package let day: Int

    /// Reads `15` (precision month: a day 1–28, valid in every month) or `07-01` (precision year:
    /// a month-day valid in every year), or nil.
    package init?(_ text: String, for precision: DatePattern.Precision) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        switch precision {
        case .month:
            guard parts.count == 1, let d = parts[0], (1...28).contains(d) else { return nil }
            month = nil
            day = d
        case .year:
            guard parts.count == 2, let m = parts[0], let d = parts[1], CivilDate(year: 2001, month: m, day: d) != nil
            else { return nil }
            month = m
            day = d
        case .day:
            return nil
        }
    }
}
