import RegpoolModel

/// How `regpool inspect` reads a file without a mapping: its options, or its extension.
enum InspectionFormat {
    case csv(CSVDialect)
    /// XML records at a path; nil when `--record` was not given (then the structure is surveyed).
    case xml(recordPath: String?)

    /// The format the options ask for; throws a usage error naming the option that is wrong.
    package static func resolve(_ options: InspectionOptions) throws -> InspectionFormat {
        let ext = options.file.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
        }
        let kind = try options.format.map { $0.lowercased() } ?? kind(ofExtension: ext, file: options.file)
        switch kind {
        case "csv":
            if options.record != nil {
                throw InspectionError.usage("--record applies only to XML; \(options.file) is read as CSV.")
            }
            return .csv(try dialect(options, tabByDefault: ext == "tsv"))
        case "xml":
            if options.delimiter != nil || options.quote != nil || options.encoding != nil {
                throw InspectionError.usage(
                    "--delimiter, --quote and --encoding apply only to CSV; \(options.file) is read as XML.")
            }
            if let record = options.record, !isElementPath(record) {
                throw InspectionError.usage(
                    "--record must be an absolute element path such as /registry/patient, found '\(record)'.")
            }
            return .xml(recordPath: options.record)
        default:
            throw InspectionError.usage("unknown --format '\(kind)'; use csv or xml.")
        }
    }

    /// `/a/b`: absolute, with non-empty element steps (no attributes, no `.` or `..`).
    private static func isElementPath(_ text: String) -> Bool {
        let steps = text.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        return text.hasPrefix("/") && !steps.isEmpty
            && steps.allSatisfy { !$0.isEmpty && !$0.contains("@") && $0 != "." && $0 != ".." }
    }

    private static func kind(ofExtension ext: String?, file: String) throws -> String {
        switch ext {
        case "csv", "txt", "tsv": return "csv"
        case "xml": return "xml"
        default:
            throw InspectionError.usage(
                "cannot tell the format of \(file) from its extension "
                    + "(.csv, .txt and .tsv are CSV, .xml is XML); pass --format csv or --format xml.")
        }
    }

    private static func dialect(_ options: InspectionOptions, tabByDefault: Bool) throws -> CSVDialect {
        var dialect = CSVDialect()
        if tabByDefault { dialect.delimiter = UInt8(ascii: "\t") }
        if let text = options.delimiter { dialect.delimiter = try byte(text, option: "--delimiter") }
        if let text = options.quote { dialect.quote = try byte(text, option: "--quote") }
        if let name = options.encoding {
            guard let encoding = TextEncoding(rawValue: name.lowercased()) else {
                throw InspectionError.usage(
                    "unsupported --encoding '\(name)'; use one of "
                        + InspectionOptions.encodingNames.joined(separator: ", ") + ".")
            }
            dialect.encoding = encoding
        }
        guard dialect.delimiter != dialect.quote else {
            throw InspectionError.usage(
                "the quote and the delimiter must differ (both are '\(Character(Unicode.Scalar(dialect.quote)))').")
        }
        return dialect
    }

    /// One ASCII character, or `\t` / `tab` for tab.
    static func byte(_ text: String, option: String) throws -> UInt8 {
        if text == "\\t" || text.lowercased() == "tab" { return UInt8(ascii: "\t") }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != 0x0A, bytes[0] != 0x0D else {
            throw InspectionError.usage(
                "\(option) must be one ASCII character (or \\t for tab), found '\(text)'; e.g. \(option) ';'.")
        }
        return bytes[0]
    }
}
