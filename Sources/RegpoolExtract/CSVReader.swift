import RegpoolModel

/// Streams the records of a CSV export (header line first), in 64 KiB chunks.
public struct CSVReader: Sendable {
    /// File to open.
    public let path: String
    /// Path relative to the inbox, used in records and messages.
    public let displayName: String
    public let dialect: CSVDialect

    /// A reader for the file at `path`, reported as `displayName`.
    public init(path: String, displayName: String, dialect: CSVDialect) {
        self.path = path
        self.displayName = displayName
        self.dialect = dialect
    }

    /// Sends every record (or rejected record) to `sink` in file order; throws `ExtractError` when the
    /// file as a whole cannot be read, or whatever `sink` throws.
    public func read(_ sink: (ExtractEvent) throws -> Void) throws {
        let file = try InputFile(path: path, displayName: displayName)
        try withoutActuallyEscaping(sink) { sink in
            let assembler = CSVRecordAssembler(displayName: displayName, dialect: dialect, sink: sink)
            try LineReader(file: file).forEachLine { line in try assembler.feed(line) }
            try assembler.finish()
        }
    }
}
