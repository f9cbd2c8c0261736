extension CSVSniffer {
    /// Likely when fields such as `12,5` (digits, one comma, digits) outnumber fields such as `12.5`.
    static func guessDecimalComma(_ records: [SniffedRecords.Record], _ delimiter: UInt8) -> Guess<Bool> {
        var comma = 0
        var point = 0
        var example = ""
        for record in records.dropFirst() {
            for field in record.fields {
                if isDecimal(field, separator: UInt8(ascii: ",")) {
                    comma += 1
                    if example.isEmpty { example = String(decoding: field, as: UTF8.self) }
                } else if isDecimal(field, separator: UInt8(ascii: ".")) {
                    point += 1
                }
            }
        }
        if comma == 0, point == 0 { return Guess(false, "no number with decimals in the sample") }
        let counts =
            "\(comma) field\(comma == 1 ? "" : "s") like '\(example.isEmpty ? "12,5" : example)'"
            + " and \(point) like '12.5'"
        if comma > point {
            let quotedNote = delimiter == UInt8(ascii: ",") ? " (quoted, as the delimiter is ',')" : ""
            return Guess(true, counts + quotedNote + ": write decimal: \",\" on numeric rules")
        }
        return Guess(false, counts)
    }

    /// `[+-]digits<separator>digits`.
    static func isDecimal(_ field: [UInt8], separator: UInt8) -> Bool {
        var body = field[...]
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let split = body.firstIndex(of: separator) else { return false }
        let whole = body[..<split]
        let fraction = body[(split + 1)...]
        return !whole.isEmpty && !fraction.isEmpty && whole.allSatisfy(isDigit) && fraction.allSatisfy(isDigit)
    }

    /// A header has unique non-empty names, none number- or date-like, above columns of numbers or dates.
    static func guessHeader(_ records: [SniffedRecords.Record]) -> Guess<Bool> {
        guard let first = records.first else { return Guess(false, "the sample holds no record") }
        if let typed = first.fields.first(where: looksTyped) {
            return Guess(false, "the first record holds a number or date ('\(String(decoding: typed, as: UTF8.self))')")
        }
        if first.fields.contains(where: \.isEmpty) { return Guess(false, "the first record has an empty field") }
        if Set(first.fields).count != first.fields.count { return Guess(false, "the first record repeats a name") }
        let body = records.dropFirst().filter { $0.fields.count == first.fields.count }
        for column in first.fields.indices {
            let values = body.map { $0.fields[column] }.filter { !$0.isEmpty }
            if !values.isEmpty, values.filter(looksTyped).count * 2 >= values.count {
                return Guess(
                    true,
                    "'\(String(decoding: first.fields[column], as: UTF8.self))' names a column of"
                        + " numbers or dates; the first record's fields are unique texts")
            }
        }
        return Guess(true, "the first record's fields are unique non-empty texts (every column is text: a weak guess)")
    }

    /// Digits with separators only (`1948`, `12,5`, `03/02/1948`, `2019.04.01`).
    static func looksTyped(_ field: [UInt8]) -> Bool {
        let separators: [UInt8] = Array("+-.,/: ".utf8)
        return field.contains(where: isDigit) && field.allSatisfy { isDigit($0) || separators.contains($0) }
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
