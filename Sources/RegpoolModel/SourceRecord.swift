/// The names of a source's fields (a CSV header, or the field paths an XML source asks for).
package final class FieldNames: Sendable {
    package let names: [String]
    private let positions: [String: Int]

    package init(_ names: [String]) {
        self.names = names
        var positions: [String: Int] = [:]
        for (i, n) in names.enumerated() where positions[n] == nil { positions[n] = i }
        self.positions = positions
    }

    /// The position of the field named `name` (the first when a name repeats), or nil.
    package func index(of name: String) -> Int? { positions[name] }

    package var count: Int { names.count }
}

/// One record as extracted from an export: raw field bytes plus where it came from.
///
/// Field values are kept as UTF-8 bytes in one buffer; a field that is absent from the record
/// (an XML element that is not there) is distinct from an empty one.
package struct SourceRecord: Sendable {
    /// Path of the file relative to the centre's inbox.
    package let file: String
    /// `line N` for CSV (the physical line where the record starts); an XPath-like path for XML.
    package let locator: String
    /// Physical line where the record starts (1-based).
    package let line: Int
    /// Lowercase hex SHA-256 of the record's raw bytes.
    package let sha256: String
    package let names: FieldNames
    private let bytes: [UInt8]
    /// Start and end offset of each field in `bytes`; start -1 = absent.
    private let bounds: [Int32]

    package init(
        file: String, locator: String, line: Int, sha256: String, names: FieldNames,
        bytes: [UInt8], bounds: [Int32]
    ) {
        precondition(bounds.count == names.count * 2, "one (start, end) pair per field name")
        self.file = file
        self.locator = locator
        self.line = line
        self.sha256 = sha256
        self.names = names
        self.bytes = bytes
        self.bounds = bounds
    }

    /// Builds a record from optional string values, one per name (tests, small inputs).
    package init(file: String, locator: String, line: Int, sha256: String, names: FieldNames, values: [String?]) {
        var bytes: [UInt8] = []
        var bounds: [Int32] = []
        for v in values {
            if let v {
                bounds.append(Int32(bytes.count))
                bytes.append(contentsOf: v.utf8)
                bounds.append(Int32(bytes.count))
            } else {
                bounds.append(-1)
                bounds.append(-1)
            }
        }
        self.init(file: file, locator: locator, line: line, sha256: sha256, names: names, bytes: bytes, bounds: bounds)
    }

    /// The raw bytes of field `index`, or nil when the field is absent.
    package func bytes(at index: Int) -> ArraySlice<UInt8>? {
        let start = bounds[2 * index]
        guard start >= 0 else { return nil }
        return bytes[Int(start)..<Int(bounds[2 * index + 1])]
    }

    /// The text of field `index` (invalid UTF-8 repaired), or nil when absent.
    package func string(at index: Int) -> String? {
        bytes(at: index).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text of the field named `name`, or nil when absent or unknown.
    package func string(_ name: String) -> String? {
        names.index(of: name).flatMap { string(at: $0) }
    }
}

/// A record the extractor could not read, with where it was and why.
package struct RejectedRecord: Sendable, Equatable {
    package let file: String
    package let locator: String
    package let line: Int
    /// Byte offset of the record's first byte in the file.
    package let byteOffset: Int
    package let reason: String
    /// Lowercase hex SHA-256 of the record's raw bytes.
    package let sha256: String
    /// The first field's text when it could be read (usually the patient key), else "".
    package let firstField: String

    package init(
        file: String, locator: String, line: Int, byteOffset: Int, reason: String, sha256: String,
        firstField: String
    ) {
        self.file = file
        self.locator = locator
        self.line = line
        self.byteOffset = byteOffset
        self.reason = reason
        self.sha256 = sha256
        self.firstField = firstField
    }
}
