/// A small CSV file read whole through libcsv (the one CSV reader): the configuration CSVs a data
/// manager edits by hand (linkage overrides) or regpool wrote (the id crosswalk). Comma-separated,
/// `"`-quoted fields that may hold commas, doubled quotes and line breaks; LF or CRLF line ends; a
/// leading UTF-8 byte order mark, blank lines and (when asked) lines starting with `#` are skipped.
/// Every field knows its line and column, so a caller can say where a value is wrong.
package struct CSVDocument: Sendable {
    /// One field: its text and where it starts (1-based line, column in characters).
    package struct Field: Sendable, Equatable {
        package var text: String
        package var line: Int
        package var column: Int
    }

    /// One record: the line it starts on and its fields.
    package struct Record: Sendable, Equatable {
        package var line: Int
        package var fields: [Field]
    }

    /// A syntax problem: where, what and how to fix it. The rest of that line is skipped.
    package struct Problem: Sendable, Equatable {
        package var line: Int
        package var column: Int
        package var message: String
        package var hint: String?
    }

    /// Every record, in file order.
    package private(set) var records: [Record] = []
    /// Every syntax problem, in file order.
    package private(set) var problems: [Problem] = []

    /// Reads `bytes` (UTF-8); lines starting with `#` are comments when `comments` is true.
    package init(_ bytes: [UInt8], comments: Bool = false) {
        var scanner = CSVDocumentScanner(bytes: bytes, comments: comments)
        scanner.run()
        records = scanner.records
        problems = scanner.problems
    }
}

/// Feeds libcsv one byte at a time (configuration files are small), so each field's end is known
/// to the byte and every field gets its line and column.
private struct CSVDocumentScanner {
    let bytes: [UInt8]
    let comments: Bool
    let tokenizer = CSVTokenizer(delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\""))
    var records: [CSVDocument.Record] = []
    var problems: [CSVDocument.Problem] = []
    /// Byte offsets of the fields of the row in progress (empty: no row started).
    var fieldStarts: [Int] = []
    var index = 0
    /// The start offset of every line (after the byte order mark on the first), found once.
    let lineStarts: [Int]

    private static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let quote = UInt8(ascii: "\""), hash = UInt8(ascii: "#")

    init(bytes: [UInt8], comments: Bool) {
        self.bytes = bytes
        self.comments = comments
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var starts = [index]
        for (i, b) in bytes.enumerated() where b == Self.newline { starts.append(i + 1) }
        lineStarts = starts
    }

    mutating func run() {
        while index < bytes.count {
            if fieldStarts.isEmpty {
                if skipBlankOrComment() { continue }
                fieldStarts = [index]
            }
            feed(index)
        }
        if !fieldStarts.isEmpty {
            if tokenizer.finish() { collectRows() } else { unclosedQuote() }
        }
    }

    /// Feeds the byte at `offset` and notes the field or row it ends.
    private mutating func feed(_ offset: Int) {
        let fieldsBefore = tokenizer.currentFieldCount
        let ok = bytes.withUnsafeBufferPointer {
            tokenizer.parse(UnsafeBufferPointer(rebasing: $0[offset..<offset + 1]))
        }
        index = offset + 1
        guard ok else { return malformed(at: offset) }
        if tokenizer.finishedRowCount > 0 {
            collectRows()
        } else if tokenizer.currentFieldCount > fieldsBefore {
            fieldStarts.append(offset + 1)
        }
    }

    /// Moves finished rows to `records`, with each field's place.
    private mutating func collectRows() {
        for row in tokenizer.takeRows() {
            let fields = (0..<row.fieldCount).map { i -> CSVDocument.Field in
                let (line, column) = place(fieldStarts[min(i, fieldStarts.count - 1)])
                return CSVDocument.Field(text: text(row, i, line: line, column: column), line: line, column: column)
            }
            records.append(CSVDocument.Record(line: place(fieldStarts[0]).line, fields: fields))
        }
        fieldStarts = []
    }

    /// The text of field `i`, reporting bytes that are not UTF-8.
    private mutating func text(_ row: CSVRow, _ i: Int, line: Int, column: Int) -> String {
        let raw = row.bytes[Int(row.bounds[2 * i])..<Int(row.bounds[2 * i + 1])]
        if let string = String(validating: raw, as: UTF8.self) { return string }
        problems.append(
            .init(
                line: line, column: column, message: "this field is not valid UTF-8 text",
                hint: "save the file as UTF-8"))
        return String(decoding: raw, as: UTF8.self)
    }

    /// Skips an empty, blank or (with `comments`) `#` line at `index`; true when it did.
    private mutating func skipBlankOrComment() -> Bool {
        var end = index
        while end < bytes.count, bytes[end] != Self.newline { end += 1 }
        let blank = bytes[index..<end].allSatisfy { [Self.carriageReturn, 0x20, 0x09].contains($0) }
        guard blank || (comments && bytes[index] == Self.hash) else { return false }
        index = min(end + 1, bytes.count)
        return true
    }

    /// libcsv refused the byte at `offset`: a quote inside an unquoted field, or text after a
    /// closing quote. Reports it and goes on at the next line.
    private mutating func malformed(at offset: Int) {
        let fieldStart = fieldStarts.last ?? offset
        let (line, column) = place(offset)
        if bytes[fieldStart] == Self.quote {
            problems.append(
                .init(
                    line: line, column: column, message: "text after the closing quote of a field",
                    hint: "put the whole value inside the quotes"))
        } else {
            problems.append(
                .init(
                    line: line, column: column,
                    message: "a '\"' inside a field that does not start with one",
                    hint: "quote the whole field and double the quote inside: \"say \"\"no\"\"\""))
        }
        tokenizer.reset()
        _ = tokenizer.takeRows()
        fieldStarts = []
        while index < bytes.count, bytes[index - 1] != Self.newline { index += 1 }
    }

    /// The input ended inside a quoted field.
    private mutating func unclosedQuote() {
        let (line, column) = place(fieldStarts.last ?? index)
        problems.append(
            .init(
                line: line, column: column, message: "a quoted field is never closed",
                hint: "end it with '\"' (a '\"' inside is written '\"\"')"))
    }

    /// 1-based line and column (in characters: UTF-8 lead bytes) of byte `offset`.
    private func place(_ offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let column = bytes[lineStarts[low]..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return (low + 1, column)
    }
}
