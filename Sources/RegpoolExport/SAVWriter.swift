import CReadStat
import RegpoolModel

/// Writes a table as an SPSS `.sav` file through libreadstat (the only file that imports it).
///
/// The bytes are deterministic: the header's creation date and time (which libreadstat takes
/// from a timestamp rendered in the machine's local time zone) are fixed to 01 Jan 70 00:00:00.
package enum SAVWriter {
    /// Where the header's creation date (9 bytes) and time (8 bytes) lie.
    static let creationStamp = 92..<109
    static let fixedStamp = Array("01 Jan 7000:00:00".utf8)

    /// The `.sav` bytes of `table` with the variables `plan` describes; throws `ExportError`.
    package static func encode(_ table: TableData, plan: [SPSSVariable], fileLabel: String) throws -> [UInt8] {
        guard let writer = readstat_writer_init() else {
            throw ExportError(file: "sav", "libreadstat could not start a writer")
        }
        defer { readstat_writer_free(writer) }
        let sink = ByteSink()
        let context = Unmanaged.passRetained(sink)
        defer { context.release() }
        try check(
            readstat_set_data_writer(writer) { data, length, context in
                guard let data, let context else { return 0 }
                let sink = Unmanaged<ByteSink>.fromOpaque(context).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
                return length
            }, "setting the output")
        try check(readstat_writer_set_file_label(writer, String(fileLabel.utf8.prefix(64)) ?? ""), "the file label")
        try check(readstat_writer_set_file_timestamp(writer, 0), "the file timestamp")
        let variables = try plan.map { try addVariable($0, to: writer) }
        try check(readstat_begin_writing_sav(writer, context.toOpaque(), table.rows.count), "starting the file")
        for row in table.rows {
            try check(readstat_begin_row(writer), "starting a row")
            for (index, variable) in plan.enumerated() {
                try insert(row[index], as: variable, into: variables[index], writer)
            }
            try check(readstat_end_row(writer), "ending a row")
        }
        try check(readstat_end_writing(writer), "finishing the file")
        guard sink.bytes.count >= creationStamp.upperBound else {
            throw ExportError(file: "sav", "libreadstat wrote no header")
        }
        sink.bytes.replaceSubrange(creationStamp, with: fixedStamp)
        return sink.bytes
    }

    private final class ByteSink {
        var bytes: [UInt8] = []
    }

    /// Declares one variable: type, label, format, measure and (for codes and flags) value labels.
    private static func addVariable(
        _ v: SPSSVariable, to writer: UnsafeMutablePointer<readstat_writer_t>
    ) throws -> OpaquePointer? {
        let type: readstat_type_t
        var width = 0
        if case .text(let w) = v.kind { (type, width) = (READSTAT_TYPE_STRING, w) } else { type = READSTAT_TYPE_DOUBLE }
        guard let variable = readstat_add_variable(writer, v.name, type, width) else {
            throw ExportError(file: "sav", "libreadstat refused variable '\(v.name)'")
        }
        readstat_variable_set_label(variable, v.label)
        readstat_variable_set_format(variable, v.format)
        readstat_variable_set_measure(variable, v.measure == .scale ? READSTAT_MEASURE_SCALE : READSTAT_MEASURE_NOMINAL)
        let labels: [(Int32, String)]
        switch v.kind {
        case .coded(_, let names): labels = names.enumerated().map { (Int32($0.offset + 1), $0.element) }
        case .flag: labels = [(0, "No"), (1, "Yes")]
        default: labels = []
        }
        if !labels.isEmpty, let set = readstat_add_label_set(writer, READSTAT_TYPE_DOUBLE, "labels_\(v.name)") {
            for (code, label) in labels { readstat_label_double_value(set, Double(code), label) }
            readstat_variable_set_label_set(variable, set)
        }
        return OpaquePointer(variable)
    }

    /// One cell: a code, 0/1, SPSS seconds, a number, text, or system-missing.
    private static func insert(
        _ value: Value, as v: SPSSVariable, into variable: OpaquePointer?,
        _ writer: UnsafeMutablePointer<readstat_writer_t>
    ) throws {
        let target = UnsafePointer<readstat_variable_t>(variable)
        let status: readstat_error_t
        switch (v.kind, value) {
        case (.text, .null): status = readstat_insert_string_value(writer, target, "")
        case (_, .null): status = readstat_insert_missing_value(writer, target)
        case (.coded(let tokens, _), .string(let token)):
            guard let code = tokens.firstIndex(of: token) else {
                throw ExportError(file: "sav", "column '\(v.name)' holds '\(token)', not one of its tokens")
            }
            status = readstat_insert_double_value(writer, target, Double(code + 1))
        case (.flag, .bool(let b)): status = readstat_insert_double_value(writer, target, b ? 1 : 0)
        case (.date, .date(let days)):
            status = readstat_insert_double_value(
                writer, target, Double(Int(days) + SPSSVariable.daysBefore1970) * 86_400)
        case (.number, .double(let d)): status = readstat_insert_double_value(writer, target, d)
        case (.number, .int32(let i)): status = readstat_insert_double_value(writer, target, Double(i))
        case (.text, let text): status = readstat_insert_string_value(writer, target, text.text)
        default:
            throw ExportError(
                file: "sav", "column '\(v.name)' holds \(value.text), which its SPSS variable cannot take")
        }
        try check(status, "writing column '\(v.name)'")
    }

    private static func check(_ status: readstat_error_t, _ what: String) throws {
        guard status != READSTAT_OK else { return }
        throw ExportError(file: "sav", "libreadstat failed \(what): \(String(cString: readstat_error_message(status)))")
    }
}
