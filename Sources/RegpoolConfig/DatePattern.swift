import RegpoolModel

/// A validated date pattern of a mapping rule, e.g. `dd/MM/yyyy` (letters yyyy, MM, M, dd, d).
struct DatePattern: Equatable {
    enum Token: Equatable {
        case year
        case month(digits: ClosedRange<Int>)
        case day(digits: ClosedRange<Int>)
        case literal(Character)
    }

    /// Why a pattern was refused: message and hint.
    struct Problem: Error {
        let message: String
        let hint: String
    }

    let tokens: [Token]

    /// The ISO pattern used when a date rule names none.
    static let iso = "yyyy-MM-dd"

    /// Parses `pattern`, refusing unknown letters, `yy`, repeated or missing parts and ambiguous runs.
    init(_ pattern: String) throws(Problem) {
        var tokens: [Token] = []
        var rest = Substring(pattern)
        while let first = rest.first {
            guard first.isASCII, first.isLetter else {
                tokens.append(.literal(first))
                rest = rest.dropFirst()
                continue
            }
            let run = rest.prefix { $0 == first }
            rest = rest.dropFirst(run.count)
            tokens.append(try Self.token(String(run), in: pattern))
        }
        try Self.checkParts(tokens, pattern)
        self.tokens = tokens
    }

    /// The token for one run of equal letters.
    private static func token(_ run: String, in pattern: String) throws(Problem) -> Token {
        switch run {
        case "yyyy": return .year
        case "MM": return .month(digits: 2...2)
        case "M": return .month(digits: 1...2)
        case "dd": return .day(digits: 2...2)
        case "d": return .day(digits: 1...2)
        case "yy":
            throw Problem(message: "date pattern '\(pattern)' uses 'yy'",
                          hint: "two-digit years need a pivot, not supported in version 1")
        default:
            throw Problem(message: "date pattern '\(pattern)' has unknown letters '\(run)'",
                          hint: "use yyyy (year), MM or M (month), dd or d (day), e.g. dd/MM/yyyy")
        }
    }

    /// Exactly one year, month and day; a one-or-two-digit part may not touch another part.
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

    /// The date `text` names under this pattern, or nil when it does not match or is impossible.
    func date(from text: String) -> CivilDate? {
        var rest = Substring(text)
        var parts = (year: 0, month: 0, day: 0)
        for token in tokens {
            switch token {
            case .literal(let c):
                guard rest.first == c else { return nil }
                rest = rest.dropFirst()
            case .year: guard let v = Self.digits(&rest, 4...4) else { return nil }; parts.year = v
            case .month(let n): guard let v = Self.digits(&rest, n) else { return nil }; parts.month = v
            case .day(let n): guard let v = Self.digits(&rest, n) else { return nil }; parts.day = v
            }
        }
        guard rest.isEmpty else { return nil }
        return CivilDate(year: parts.year, month: parts.month, day: parts.day)
    }

    /// Reads as many ASCII digits as `count` allows (greedy), or nil.
    private static func digits(_ rest: inout Substring, _ count: ClosedRange<Int>) -> Int? {
        let run = rest.prefix { $0.isASCII && $0.isNumber }.prefix(count.upperBound)
        guard count.contains(run.count), let value = Int(run) else { return nil }
        rest = rest.dropFirst(run.count)
        return value
    }
}

extension DatePattern.Token {
    var isField: Bool { if case .literal = self { false } else { true } }
    var isVariable: Bool {
        switch self {
        case .month(let n), .day(let n): return n.lowerBound != n.upperBound
        default: return false
        }
    }
}
