import RegpoolModel

/// Checks a CDM value written in a mapping (a `value:` constant or a `map` target) against the
/// column's type, the way the transform will read it.
package struct ValueCheck {
    /// `table.column`, for messages.
    let name: String
    let type: ColumnType
    let decimal: Character
    let datePattern: DatePattern?
    var pivot: Int? = nil

    /// A check of values for the column `name` of `type`, read with `decimal` and `datePattern`.
    package init(name: String, type: ColumnType, decimal: Character, datePattern: DatePattern?, pivot: Int? = nil) {
        self.name = name
        self.type = type
        self.decimal = decimal
        self.datePattern = datePattern
        self.pivot = pivot
    }

    /// Message and hint when `text` is not a valid value of the column, else nil.
    package func problem(_ text: String, as what: String) -> (message: String, hint: String?)? {
        switch type {
        case .string:
            return nil
        case .enumeration(let tokens):
            if tokens.contains(text) { return nil }
            return (
                "\(what) '\(text)' is not a token of \(name); valid tokens: \(tokens.joined(separator: ", "))",
                Suggestion.hint(for: text, in: tokens)
            )
        case .bool:
            if text == "true" || text == "false" { return nil }
            return ("\(what) '\(text)' is not valid for the bool column \(name)", "write true or false")
        case .int32:
            if NumberParser.int32(ArraySlice(text.utf8)) != nil { return nil }
            return ("\(what) '\(text)' is not an integer for the int32 column \(name)", "write digits only, e.g. 3")
        case .double:
            if NumberText.parse(text, decimal: decimal) != nil { return nil }
            return (
                "\(what) '\(text)' is not a number for the double column \(name)",
                "write a number with the rule's decimal separator '\(decimal)', e.g. 1\(decimal)5"
            )
        case .date:
            return dateProblem(text, as: what)
        }
    }

    /// The date check: `text` must be a real day written with the rule's pattern (default ISO).
    private func dateProblem(_ text: String, as what: String) -> (message: String, hint: String?)? {
        let parsed = datePattern ?? .iso
        if parsed.date(from: text) != nil { return nil }
        return (
            "\(what) '\(text)' is not a date written as \(parsed.text) for \(name)",
            "write a real day in the pattern \(parsed.text)"
        )
    }
}

/// Reads decimal numbers as the mapping format allows them, with the transform's own parser.
package enum NumberText {
    /// The finite value of `text` with `decimal` (`.` or `,`) as separator, or nil.
    package static func parse(_ text: String, decimal: Character) -> Double? {
        guard let separator = decimal.asciiValue else { return nil }
        return NumberParser.double(ArraySlice(text.utf8), decimal: separator)
    }
}
