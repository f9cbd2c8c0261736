import RegpoolModel

/// Turns trimmed source text into a CDM value of one column type (step 3 of docs/mapping.md).
struct TypedParser: Sendable {
    let type: ColumnType
    let pattern: DatePattern
    let decimal: UInt8
    let factor: Double?
    /// The thousands separator numbers may hold, if any.
    var thousands: UInt8? = nil
    /// Partial date patterns and their imputations, tried after `pattern` (`partial:`).
    var partials: [PartialDate] = []

    /// A partial date pattern of a rule with its imputation (and the imputation as written).
    struct PartialDate: Sendable, Equatable {
        let pattern: DatePattern
        let imputation: DateImputation
        let text: String
    }

    /// The outcome of one parse: a value, or why the text was refused.
    enum Outcome: Equatable {
        case value(Value)
        /// A partial date completed by a rule's imputation: T3011 when it reaches the output.
        case imputed(Value, PartialDate)
        /// The text is not one of the column's tokens (enum, bool): T3001.
        case unmapped(String)
        /// The text cannot be read as the column's type: T3002.
        case invalid(String)

        var value: Value? {
            switch self {
            case .value(let v), .imputed(let v, _): return v
            default: return nil
            }
        }
    }

    /// Parses `text` (already trimmed, not empty) as this column's type.
    package func parse(_ text: ArraySlice<UInt8>) -> Outcome {
        switch type {
        case .string:
            return .value(.string(ByteText.string(text)))
        case .enumeration(let tokens):
            let s = ByteText.string(text)
            return tokens.contains(s)
                ? .value(.string(s)) : .unmapped("is not one of \(tokens.joined(separator: ", "))")
        case .bool:
            return parseBool(text)
        case .int32:
            guard let i = NumberParser.int32(text) else { return .invalid("is not a whole number (int32)") }
            return .value(.int32(i))
        case .double:
            return parseDouble(text)
        case .date:
            return parseDate(text)
        }
    }

    private func parseBool(_ text: ArraySlice<UInt8>) -> Outcome {
        if text.elementsEqual("true".utf8) { return .value(.bool(true)) }
        if text.elementsEqual("false".utf8) { return .value(.bool(false)) }
        return .unmapped("is not true or false")
    }

    private func parseDouble(_ text: ArraySlice<UInt8>) -> Outcome {
        guard let d = NumberParser.double(text, decimal: decimal, thousands: thousands) else {
            let sep = decimal == UInt8(ascii: ",") ? "\",\"" : "\".\""
            let groups = thousands.map { " and thousands separator \"\(Character(Unicode.Scalar($0)))\"" } ?? ""
            return .invalid("is not a number with decimal separator \(sep)\(groups)")
        }
        return .value(.double(factor.map { d * $0 } ?? d))
    }

    private func parseDate(_ text: ArraySlice<UInt8>) -> Outcome {
        let outcome = pattern.parse(text)
        if case .date(let d) = outcome { return .value(.date(d.days)) }
        for p in partials {
            if case .date(let d) = p.pattern.parse(text, imputation: p.imputation) { return .imputed(.date(d.days), p) }
        }
        let patterns = ([pattern] + partials.map(\.pattern)).map(\.text).joined(separator: ", ")
        if case .impossible = outcome { return .invalid("is not a real calendar date (pattern \(patterns))") }
        return .invalid("does not match the date pattern \(patterns)")
    }
}
