/// A small RFC 4180 reader for hand-edited configuration CSV (the overrides file): comma-separated,
/// `"`-quoted fields that may hold commas, doubled quotes and line breaks; LF or CRLF line ends;
/// a leading UTF-8 byte order mark is skipped; empty lines and lines starting with `#` are skipped.
struct CSVRecordReader {
    /// One field: its text and where it starts (1-based line, column in characters).
    struct Field {
        var text: String
        var line: Int
        var column: Int
    }

    /// One record: the line it starts on and its fields.
    struct Record {
        var line: Int
        var fields: [Field]
    }

    /// A syntax problem: where and what.
    struct Problem {
        var line: Int
        var column: Int
        var message: String
        var hint: String?
    }

    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    private var lineStart: Int
    private(set) var problems: [Problem] = []

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r"), hash = UInt8(ascii: "#")

    /// A reader over `bytes` (UTF-8).
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        index = bom
        lineStart = bom
    }

    /// Every record, in file order; syntax problems are in `problems` afterwards.
    mutating func records() -> [Record] {
        var result: [Record] = []
        while index < bytes.count {
            if skipBlankOrComment() { continue }
            result.append(record())
        }
        return result
    }

    /// Skips the current line when it is empty or a `#` comment; true when it did.
    private mutating func skipBlankOrComment() -> Bool {
        var end = index
        while end < bytes.count, bytes[end] != Self.newline { end += 1 }
        let content = bytes[index..<end].filter { $0 != Self.carriageReturn && $0 != UInt8(ascii: " ") && $0 != 0x09 }
        guard content.isEmpty || bytes[index] == Self.hash else { return false }
        index = end
        endLine()
        return true
    }

    /// One record starting at `index`, up to and including its line end.
    private mutating func record() -> Record {
        let start = line
        var fields: [Field] = []
        while true {
            fields.append(field())
            if index < bytes.count, bytes[index] == Self.comma {
                index += 1
                continue
            }
            endLine()
            return Record(line: start, fields: fields)
        }
    }

    /// One field; `index` is left on the comma or line end after it.
    private mutating func field() -> Field {
        let (fieldLine, column) = (line, self.column(of: index))
        var text: [UInt8] = []
        if index < bytes.count, bytes[index] == Self.quote {
            index += 1
            quoted(into: &text, line: fieldLine, column: column)
        } else {
            while index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.newline {
                if bytes[index] == Self.quote, !text.contains(Self.quote) {
                    report("a '\"' inside a field that does not start with one", at: index,
                           hint: "quote the whole field and double the quote inside: \"say \"\"no\"\"\"")
                }
                text.append(bytes[index])
                index += 1
            }
            if text.last == Self.carriageReturn, index == bytes.count || bytes[index] == Self.newline { text.removeLast() }
        }
        return Field(text: decode(text, line: fieldLine, column: column), line: fieldLine, column: column)
    }

    /// The rest of a quoted field after its opening quote, then anything up to the next comma or line end.
    private mutating func quoted(into text: inout [UInt8], line fieldLine: Int, column: Int) {
        while true {
            guard index < bytes.count else {
                problems.append(Problem(line: fieldLine, column: column, message: "a quoted field is never closed",
                                        hint: "end it with '\"' (a '\"' inside is written '\"\"')"))
                return
            }
            let byte = bytes[index]
            index += 1
            if byte == Self.quote {
                guard index < bytes.count, bytes[index] == Self.quote else { break }
                index += 1
            } else if byte == Self.newline {
                line += 1
                lineStart = index
            }
            text.append(byte)
        }
        if index < bytes.count, bytes[index] == Self.carriageReturn,
           index + 1 == bytes.count || bytes[index + 1] == Self.newline { index += 1 }
        guard index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.newline else { return }
        report("text after the closing quote of a field", at: index, hint: "put the whole value inside the quotes")
        while index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.newline { index += 1 }
    }

    /// Moves past the line end at `index` (if any) to the next line.
    private mutating func endLine() {
        if index < bytes.count { index += 1 }
        line += 1
        lineStart = index
    }

    /// The text of a field, reporting bytes that are not UTF-8.
    private mutating func decode(_ text: [UInt8], line fieldLine: Int, column: Int) -> String {
        if let string = String(validating: text, as: UTF8.self) { return string }
        problems.append(Problem(line: fieldLine, column: column, message: "this field is not valid UTF-8 text",
                                hint: "save the file as UTF-8"))
        return String(decoding: text, as: UTF8.self)
    }

    /// Records a problem at byte `offset` of the current line.
    private mutating func report(_ message: String, at offset: Int, hint: String?) {
        problems.append(Problem(line: line, column: column(of: offset), message: message, hint: hint))
    }

    /// The 1-based column, in characters (UTF-8 lead bytes), of byte `offset` on the current line.
    private func column(of offset: Int) -> Int {
        bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
