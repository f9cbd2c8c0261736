import Crypto
import RegpoolModel

/// Turns physical lines into records: tracks where each record starts, hashes its UTF-8 bytes,
/// reads the header, and rejects ragged or malformed records.
final class CSVRecordAssembler {
    /// A record longer than this is rejected (usually an unclosed quote swallowing the file).
    static let maxRecordBytes = 64 * 1024 * 1024

    private struct Start {
        let line: Int
        let offset: Int
    }

    private let displayName: String
    private let sink: (ExtractEvent) throws -> Void
    private let tokenizer: CSVTokenizer
    private var header: FieldNames?
    private var start: Start?
    private var hasher = SHA256()
    private var recordBytes = 0
    private var pendingEnd = LineEnd.none
    private var lastLine = 0

    init(displayName: String, dialect: CSVDialect, sink: @escaping (ExtractEvent) throws -> Void) {
        self.displayName = displayName
        self.sink = sink
        tokenizer = CSVTokenizer(delimiter: dialect.delimiter, quote: dialect.quote)
    }

    /// Feeds one physical line.
    func feed(_ line: PhysicalLine) throws {
        lastLine = line.number
        var bytes = line.bytes
        var offset = line.offset
        if line.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3))
            offset += 3
        }
        let body = PhysicalLine(bytes: bytes, number: line.number, offset: offset)
        if start == nil {
            if body.isBlank { return }
            begin(at: body)
        } else {
            hasher.update(data: pendingEnd.bytes)
        }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(body.content))
        recordBytes += body.bytes.count
        pendingEnd = body.end
        let parsed = tokenizer.parse(body.bytes)
        try emitFinishedRows(at: body)
        if !parsed {
            try reject(reason: malformedReason(errorLine: body.number))
        } else if recordBytes > Self.maxRecordBytes, start != nil {
            try reject(
                reason: "\(locator) the record is longer than \(Self.maxRecordBytes / 1_048_576) MiB"
                    + " — look for a quote that is opened and never closed")
        }
    }

    /// Ends the file: flushes a last line without terminator, rejects a quote left open.
    func finish() throws {
        let closed = tokenizer.finish()
        try emitFinishedRows(at: nil)
        if !closed, start != nil {
            try reject(
                reason: "\(locator) a quoted field opened in this record is never closed before the end"
                    + " of the file — close the quote (and double any quote inside the field)")
        }
    }

    private var locator: String { "line \(start?.line ?? lastLine):" }

    private func begin(at line: PhysicalLine) {
        start = Start(line: line.number, offset: line.offset)
        hasher = SHA256()
        recordBytes = 0
    }

    private func emitFinishedRows(at line: PhysicalLine?) throws {
        for row in tokenizer.takeRows() {
            if start == nil, let line {
                begin(at: line)
                hasher.update(bufferPointer: UnsafeRawBufferPointer(line.content))
            }
            let here = start ?? Start(line: lastLine, offset: 0)
            let digest = Hex.lowercase(hasher.finalize())
            start = nil
            try emit(row, at: here, sha256: digest)
        }
    }

    private func emit(_ row: CSVRow, at start: Start, sha256: String) throws {
        guard let header else {
            header = FieldNames((0..<row.fieldCount).map { row.text(at: $0) })
            return
        }
        guard row.fieldCount == header.count else {
            let reason =
                "line \(start.line): \(row.fieldCount) field\(row.fieldCount == 1 ? "" : "s") where the header"
                + " has \(header.count) — check for an unquoted delimiter or a missing field"
            try sink(
                .rejected(
                    rejected(
                        at: start, reason: reason, sha256: sha256,
                        firstField: row.fieldCount > 0 ? row.text(at: 0) : "")))
            return
        }
        try sink(
            .record(
                SourceRecord(
                    file: displayName, locator: "line \(start.line)", line: start.line,
                    sha256: sha256, names: header, bytes: row.bytes, bounds: row.bounds)))
    }

    private func malformedReason(errorLine: Int) -> String {
        let whereText = start.map { $0.line == errorLine ? "" : " (detected on line \(errorLine))" } ?? ""
        return "\(locator) malformed quoting\(whereText): a quote inside an unquoted field or text after a"
            + " closing quote — enclose the whole field in quotes and double every quote inside it"
    }

    /// Rejects the record in progress and restarts the tokenizer at the next line.
    private func reject(reason: String) throws {
        let here = start ?? Start(line: lastLine, offset: 0)
        let firstField = tokenizer.currentFirstField ?? ""
        let digest = Hex.lowercase(hasher.finalize())
        tokenizer.reset()
        start = nil
        guard header != nil else {
            throw ExtractError(
                file: displayName, line: here.line, message: "the header cannot be read: \(reason)",
                hint: "the first line must be the column names, separated by the declared delimiter")
        }
        try sink(.rejected(rejected(at: here, reason: reason, sha256: digest, firstField: firstField)))
    }

    private func rejected(at start: Start, reason: String, sha256: String, firstField: String) -> RejectedRecord {
        RejectedRecord(
            file: displayName, locator: "line \(start.line)", line: start.line, byteOffset: start.offset,
            reason: reason, sha256: sha256, firstField: firstField)
    }
}
