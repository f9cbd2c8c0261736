import RegpoolModel

/// What `regpool inspect` was asked to read: the file, how to read it and what to show.
public struct InspectionOptions: Sendable {
    /// The export to read.
    public var file: String
    /// `csv` or `xml`; nil = from the file's extension.
    public var format: String?
    /// CSV delimiter: one ASCII character, `\t` or `tab`; nil = `,` (tab for `.tsv`).
    public var delimiter: String?
    /// CSV quote character; nil = `"`.
    public var quote: String?
    /// CSV encoding, one of `encodingNames`; nil = utf-8.
    public var encoding: String?
    /// XML record element path, e.g. `/registry/patient`.
    public var record: String?
    /// A mapping file: show the CDM values it gives for each record.
    public var mapping: String?
    /// The mapping's source to use when the file matches several.
    public var source: String?
    /// Records (or rejected records) to pass over before printing.
    public var skip: Int
    /// At most this many records (or rejected records) are printed; nil = all.
    public var limit: Int?

    /// Options for `file` with every setting at its default.
    public init(file: String, skip: Int = 0, limit: Int? = nil) {
        self.file = file
        self.skip = skip
        self.limit = limit
    }

    /// The encodings a CSV export may declare.
    public static var encodingNames: [String] { TextEncoding.allCases.map(\.rawValue) }

    /// True when an option that only applies without a mapping was given.
    var hasFormatOptions: Bool {
        format != nil || delimiter != nil || quote != nil || encoding != nil || record != nil
    }
}
