/// How a CSV export is written.
package struct CSVDialect: Sendable, Equatable {
    package var delimiter: UInt8
    package var quote: UInt8
    package var encoding: TextEncoding

    package init(
        delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\""), encoding: TextEncoding = .utf8
    ) {
        self.delimiter = delimiter
        self.quote = quote
        self.encoding = encoding
    }
}

/// The character encoding a centre declares for a text export; the extractor turns every one into UTF-8.
package enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8 = "utf-8"
    /// ISO-8859-1: each byte is the code point of the same number.
    case latin1 = "latin-1"
    /// Windows-1252: Latin-1 with printable characters (€, ‚, œ, …) in 0x80–0x9F.
    case windows1252 = "windows-1252"
    /// UTF-16 with a byte-order mark that says little or big endian (the mark is required).
    case utf16 = "utf-16"
    /// UTF-16 little endian (a matching byte-order mark is allowed).
    case utf16le = "utf-16le"
    /// UTF-16 big endian (a matching byte-order mark is allowed).
    case utf16be = "utf-16be"

    /// Other accepted spellings, lowercase, with the encoding they name.
    package static let aliases: [(name: String, encoding: TextEncoding)] = [
        ("utf8", .utf8), ("latin1", .latin1), ("iso-8859-1", .latin1), ("iso8859-1", .latin1),
        ("cp1252", .windows1252), ("utf16", .utf16), ("utf16le", .utf16le), ("utf16be", .utf16be),
    ]

    /// The encoding a mapping names, case-insensitively, by its name or an alias; nil when unknown.
    package init?(name: String) {
        let key = name.lowercased()
        if let known = TextEncoding(rawValue: key) {
            self = known
        } else if let alias = Self.aliases.first(where: { $0.name == key }) {
            self = alias.encoding
        } else {
            return nil
        }
    }
}

/// Which records an XML export holds and which fields to read from each.
package struct XMLRecordSpec: Sendable, Equatable {
    /// Absolute element path of a record, e.g. `/registry/patient`.
    package var recordPath: String
    /// Field paths relative to the record: `child`, `child/grandchild`, `@attr`, `child/@attr`,
    /// or `../@attr` / `../child` for an ancestor's attribute or earlier child.
    package var fields: [String]

    package init(recordPath: String, fields: [String]) {
        self.recordPath = recordPath
        self.fields = fields
    }
}

/// Which records a CDISC ODM 1.3 export holds: every occurrence of one item group.
package struct ODMSourceSpec: Sendable, Equatable {
    /// The ItemGroupOID whose ItemGroupData occurrences are the records, e.g. `IG.DEMOG`.
    package var itemGroupOID: String

    package init(itemGroupOID: String) {
        self.itemGroupOID = itemGroupOID
    }
}

/// The shape of one source of a centre's export.
package enum SourceFormat: Sendable, Equatable {
    case csv(CSVDialect)
    case xml(XMLRecordSpec)
    /// A CDISC ODM 1.3.x export; records are the ItemGroupData of one ItemGroupOID.
    case odm(ODMSourceSpec)
    /// A REDCap flat CSV export ("raw" codes) read with its data dictionary.
    case redcap(REDCapSourceSpec)
}
