import CCSV

/// One row as libcsv tokenized it: all field bytes in one buffer, (start, end) per field.
struct CSVRow {
    var bytes: [UInt8] = []
    var bounds: [Int32] = []

    var fieldCount: Int { bounds.count / 2 }

    /// The text of field `index` (invalid UTF-8 repaired).
    func text(at index: Int) -> String {
        String(decoding: bytes[Int(bounds[2 * index])..<Int(bounds[2 * index + 1])], as: UTF8.self)
    }
}

/// Safe wrapper around a libcsv parser in strict mode (the only file that imports CCSV).
///
/// Bytes go in with `parse`; finished rows come out of `takeRows`. Spaces around unquoted fields
/// are kept; blank lines produce no row; a malformed quote makes `parse` return false.
final class CSVTokenizer {
    private let parser: UnsafeMutablePointer<csv_parser>
    private let delimiter: UInt8
    private let quote: UInt8
    /// The row in progress and the finished rows, behind a pointer: the callbacks run once per byte
    /// or field, and class-property exclusivity checks would otherwise dominate the cost.
    private struct State {
        var current = CSVRow()
        var finished: [CSVRow] = []
    }

    private let state: UnsafeMutablePointer<State>

    init(delimiter: UInt8, quote: UInt8) {
        self.delimiter = delimiter
        self.quote = quote
        parser = .allocate(capacity: 1)
        state = .allocate(capacity: 1)
        state.initialize(to: State())
        configure()
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Tokenizes `bytes`; false when libcsv reports a malformed field (the parser must then be reset).
    package func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let used = csv_parse(parser, base, bytes.count, fieldEnded, rowEnded, context)
        return used == bytes.count && csv_error(parser) == CSV_SUCCESS
    }

    /// Ends the input; false when a quoted field is still open.
    func finish() -> Bool {
        let context = Unmanaged.passUnretained(self).toOpaque()
        return csv_fini(parser, fieldEnded, rowEnded, context) == 0
    }

    /// Forgets the row in progress and starts afresh.
    func reset() {
        csv_free(parser)
        configure()
        state.pointee.current = CSVRow()
    }

    /// The rows finished since the last call.
    func takeRows() -> [CSVRow] {
        guard !state.pointee.finished.isEmpty else { return [] }
        var rows: [CSVRow] = []
        swap(&rows, &state.pointee.finished)
        return rows
    }

    /// How many fields of the row in progress have ended.
    var currentFieldCount: Int { state.pointee.current.fieldCount }

    /// How many finished rows wait in `takeRows`.
    var finishedRowCount: Int { state.pointee.finished.count }

    /// The first field of the row in progress, if it has one.
    var currentFirstField: String? {
        state.pointee.current.fieldCount > 0 ? state.pointee.current.text(at: 0) : nil
    }

    fileprivate func appendField(_ field: UnsafeRawPointer?, _ length: Int) {
        let row = state
        row.pointee.current.bounds.append(Int32(row.pointee.current.bytes.count))
        if let field, length > 0 {
            row.pointee.current.bytes.append(contentsOf: UnsafeRawBufferPointer(start: field, count: length))
        }
        row.pointee.current.bounds.append(Int32(row.pointee.current.bytes.count))
    }

    fileprivate func endRow() {
        let capacity = state.pointee.current.bytes.count
        let fields = state.pointee.current.bounds.count
        state.pointee.finished.append(state.pointee.current)
        state.pointee.current = CSVRow()
        state.pointee.current.bytes.reserveCapacity(capacity)
        state.pointee.current.bounds.reserveCapacity(fields)
    }

    private func configure() {
        _ = csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        csv_set_delim(parser, delimiter)
        csv_set_quote(parser, quote)
        csv_set_space_func(parser, keepSpaces)
    }
}

private let keepSpaces: @convention(c) (UInt8) -> Int32 = { _ in 0 }

private let fieldEnded: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void = {
    field, length, context in
    guard let context else { return }
    Unmanaged<CSVTokenizer>.fromOpaque(context).takeUnretainedValue().appendField(field, length)
}

private let rowEnded: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = { _, context in
    guard let context else { return }
    Unmanaged<CSVTokenizer>.fromOpaque(context).takeUnretainedValue().endRow()
}
