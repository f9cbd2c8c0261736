import RegpoolModel

/// What `regpool inspect` was asked to read: the file, how to read it and what to show.
package struct InspectionOptions: Sendable {
    /// The export to read.
    package var file: String
    /// `csv` or `xml`; nil = from the file's extension.
    package var format: String?
    /// CSV delimiter: one ASCII character, `\t` or `tab`; nil = `,` (tab for `.tsv`).
    package var delimiter: String?
    /// CSV quote character; nil = `"`.
    package var quote: String?
    /// CSV encoding, one of `encodingNames`; nil = utf-8.
    package var encoding: String?
    /// XML record element path, e.g. `/registry/patient`.
    package var record: String?
    /// A mapping file: show the CDM values it gives for each record.
    package var mapping: String?
    /// The mapping's source to use when the file matches several.
    package var source: String?
    /// Records (or rejected records) to pass over before printing.
    package var skip: Int
    /// At most this many records (or rejected records) are printed; nil = all.
    package var limit: Int?

    /// Options for `file` with every setting at its default.
    package init(file: String, skip: Int = 0, limit: Int? = nil) {
        self.file = file
        self.skip = skip
        self.limit = limit
    }

    /// The encodings a CSV export may declare.
    package static var encodingNames: [String] { TextEncoding.allCases.map(\.rawValue) }

    /// True when an option that only applies without a mapping was given.
    var hasFormatOptions: Bool {
        format != nil || delimiter != nil || quote != nil || encoding != nil || record != nil
    }
}
