/// How a CSV export is written.
public struct CSVDialect: Sendable, Equatable {
    public var delimiter: UInt8
    public var quote: UInt8
    public var encoding: TextEncoding

    public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), encoding: TextEncoding = .utf8) {
        self.delimiter = delimiter
        self.quote = quote
        self.encoding = encoding
    }
}

/// The character encoding a centre declares for a text export.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
}

/// Which records an XML export holds and which fields to read from each.
public struct XMLRecordSpec: Sendable, Equatable {
    /// Absolute element path of a record, e.g. `/registry/patient`.
    public var recordPath: String
    /// Field paths relative to the record: `child`, `child/grandchild`, `@attr`, `child/@attr`,
    /// or `../@attr` / `../child` for an ancestor's attribute or earlier child.
    public var fields: [String]

    public init(recordPath: String, fields: [String]) {
        self.recordPath = recordPath
        self.fields = fields
    }
}

/// The shape of one source of a centre's export.
public enum SourceFormat: Sendable, Equatable {
    case csv(CSVDialect)
    case xml(XMLRecordSpec)
}
