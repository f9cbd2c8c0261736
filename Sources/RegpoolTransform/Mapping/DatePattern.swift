import RegpoolModel

/// A compiled date pattern (`dd/MM/yyyy`): `yyyy` year, `MM`/`dd` two digits, `M`/`d` one or two
/// digits; any other character must match itself.
public struct DatePattern: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case year4
        case month(fixed: Bool)
        case day(fixed: Bool)
        case literal(UInt8)
    }

    let parts: [Part]
    /// The pattern as written.
    public let text: String

    /// The default pattern of the mapping format, `yyyy-MM-dd`.
    public static let iso = DatePattern("yyyy-MM-dd")

    /// Compiles `pattern`; letters other than the known tokens match themselves.
    public init(_ pattern: String) {
        text = pattern
        let b = Array(pattern.utf8)
        var parts: [Part] = []
        var i = 0
        func run(_ ch: UInt8) -> Int {
            var n = 0
            while i + n < b.count, b[i + n] == ch { n += 1 }
            return n
        }
        while i < b.count {
            let ch = b[i]
            let n = run(ch)
            switch ch {
            case UInt8(ascii: "y") where n == 4: parts.append(.year4); i += 4
            case UInt8(ascii: "M") where n <= 2: parts.append(.month(fixed: n == 2)); i += n
            case UInt8(ascii: "d") where n <= 2: parts.append(.day(fixed: n == 2)); i += n
            default: parts.append(.literal(ch)); i += 1
            }
        }
        self.parts = parts
    }

    /// The outcome of reading one date.
    public enum Outcome: Sendable, Equatable {
        case date(CivilDate)
        /// The text does not have the pattern's shape.
        case malformed
        /// The shape fits but no such day exists (31/02/2012).
        case impossible(year: Int, month: Int, day: Int)
    }

    /// Reads a date from trimmed source bytes.
    public func parse(_ bytes: ArraySlice<UInt8>) -> Outcome {
        var i = bytes.startIndex
        var year = 0, month = 0, day = 0
        for part in parts {
            switch part {
            case .literal(let ch):
                guard i < bytes.endIndex, bytes[i] == ch else { return .malformed }
                i += 1
            case .year4:
                guard let v = digits(bytes, &i, min: 4, max: 4) else { return .malformed }
                year = v
            case .month(let fixed):
                guard let v = digits(bytes, &i, min: fixed ? 2 : 1, max: 2) else { return .malformed }
                month = v
            case .day(let fixed):
                guard let v = digits(bytes, &i, min: fixed ? 2 : 1, max: 2) else { return .malformed }
                day = v
            }
        }
        guard i == bytes.endIndex else { return .malformed }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            return .impossible(year: year, month: month, day: day)
        }
        return .date(date)
    }

    /// Reads between `min` and `max` digits (greedy) at `i`.
    private func digits(_ bytes: ArraySlice<UInt8>, _ i: inout Int, min: Int, max: Int) -> Int? {
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
