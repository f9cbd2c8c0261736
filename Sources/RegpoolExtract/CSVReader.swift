import RegpoolModel

/// Streams the records of a CSV export (header line first), in 64 KiB chunks, transcoded to UTF-8.
package struct CSVReader: Sendable {
    /// File to open.
    package let path: String
    /// Path relative to the inbox, used in records and messages.
    package let displayName: String
    package let dialect: CSVDialect

    /// A reader for the file at `path`, reported as `displayName`.
    package init(path: String, displayName: String, dialect: CSVDialect) {
        self.path = path
        self.displayName = displayName
        self.dialect = dialect
    }

    /// Sends every record (or rejected record) to `sink` in file order and returns what transcoding
    /// replaced; throws `ExtractError` when the file as a whole cannot be read, or whatever `sink` throws.
    @discardableResult
    package func read(_ sink: (ExtractEvent) throws -> Void) throws -> CSVReadSummary {
        let input = try TextInput(path: path, displayName: displayName, encoding: dialect.encoding)
        var lines = LineReader(input: input)
        try withoutActuallyEscaping(sink) { sink in
            let assembler = CSVRecordAssembler(displayName: displayName, dialect: dialect, sink: sink)
            try lines.forEachLine { line in try assembler.feed(line) }
            try assembler.finish()
        }
        return CSVReadSummary(replacedCharacters: input.replacements, firstReplacementLine: lines.firstReplacementLine)
    }
}

/// What reading a CSV file had to repair while transcoding it to UTF-8.
package struct CSVReadSummary: Sendable, Equatable {
    /// Characters that could not be decoded and became U+FFFD: bytes Windows-1252 leaves undefined
    /// (0x81, 0x8D, 0x8F, 0x90, 0x9D), unpaired UTF-16 surrogates, a dangling half UTF-16 code unit.
    /// Always 0 for UTF-8 and Latin-1 (invalid UTF-8 is kept as bytes and repaired when read as text).
    package let replacedCharacters: Int
    /// The physical line holding the first of them.
    package let firstReplacementLine: Int?

    /// A summary of `replacedCharacters` replacements, the first on `firstReplacementLine`.
    package init(replacedCharacters: Int, firstReplacementLine: Int?) {
        self.replacedCharacters = replacedCharacters
        self.firstReplacementLine = firstReplacementLine
    }
}
