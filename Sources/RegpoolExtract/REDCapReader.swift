import RegpoolModel

/// Streams the rows of a REDCap flat CSV export ("raw" codes) that a source selects, each with the
/// labels its data dictionary gives the codes (see README, REDCap).
package struct REDCapReader: Sendable {
    /// Column naming the repeating instrument of a row (empty on base rows).
    package static let repeatInstrumentColumn = "redcap_repeat_instrument"

    /// File to open.
    package let path: String
    /// Path relative to the inbox, used in records and messages.
    package let displayName: String
    /// The data dictionary file to decode codes with.
    package let dictionaryPath: String
    /// The dictionary's name in messages (its path relative to the inbox).
    package let dictionaryName: String
    package let spec: REDCapSourceSpec

    /// A reader for the export at `path` (reported as `displayName`) decoded with the dictionary at
    /// `dictionaryPath` (reported as `dictionaryName`, by default its last path component).
    package init(
        path: String, displayName: String, dictionaryPath: String, dictionaryName: String? = nil,
        spec: REDCapSourceSpec
    ) {
        self.path = path
        self.displayName = displayName
        self.dictionaryPath = dictionaryPath
        self.dictionaryName = dictionaryName ?? String(dictionaryPath.split(separator: "/").last ?? "")
        self.spec = spec
    }

    /// Reads the dictionary, then sends each selected row (or rejected record) to `sink` in file
    /// order; throws `ExtractError` for a bad dictionary or export, or whatever `sink` throws.
    @discardableResult
    package func read(_ sink: (ExtractEvent) throws -> Void) throws -> REDCapReadSummary {
        let dictionary = try REDCapDictionary.read(path: dictionaryPath, displayName: dictionaryName)
        let decoder = REDCapRowDecoder(dictionary: dictionary)
        var skipped = 0
        var selector: (names: FieldNames, column: Int?)?
        let csv = try CSVReader(path: path, displayName: displayName, dialect: CSVDialect()).read { event in
            guard case .record(let record) = event else { return try sink(event) }
            if selector?.names !== record.names { selector = (record.names, try repeatColumn(record.names)) }
            guard isSelected(record, column: selector?.column) else {
                skipped += 1
                return
            }
            try sink(.record(decoder.decode(record)))
        }
        return REDCapReadSummary(
            csv: csv, skippedRows: skipped, unknownCodes: decoder.unknownCodes,
            firstUnknownCode: decoder.firstUnknown)
    }

    /// The repeat-instrument column; an `instrument` without one is an error.
    private func repeatColumn(_ names: FieldNames) throws -> Int? {
        let column = names.index(of: Self.repeatInstrumentColumn)
        if column == nil, let instrument = spec.instrument {
            throw ExtractError(
                file: displayName, line: 1,
                message: "the source reads repeating instrument '\(instrument)' but the export has no "
                    + "\(Self.repeatInstrumentColumn) column",
                hint: "export the whole project (records with their repeating instruments), or remove "
                    + "`instrument:` from the source")
        }
        return column
    }

    /// Base rows without an `instrument`, else rows of that instrument.
    private func isSelected(_ record: SourceRecord, column: Int?) -> Bool {
        let instrument = column.flatMap { record.string(at: $0) }.map(REDCapDictionary.trimmed) ?? ""
        return instrument == (spec.instrument ?? "")
    }
}

/// What reading a REDCap export passed over or could not decode.
package struct REDCapReadSummary: Sendable, Equatable {
    /// What the CSV reader repaired (always 0 replacements for UTF-8).
    package let csv: CSVReadSummary
    /// Rows of other instruments (or base rows, when an instrument is selected) that were not sent.
    package let skippedRows: Int
    /// Coded values whose code the dictionary does not list (their `#label` field holds the code as sent).
    package let unknownCodes: Int
    /// `line N, variable = code` of the first of them.
    package let firstUnknownCode: String?

    /// A summary of one read.
    package init(csv: CSVReadSummary, skippedRows: Int, unknownCodes: Int, firstUnknownCode: String?) {
        self.csv = csv
        self.skippedRows = skippedRows
        self.unknownCodes = unknownCodes
        self.firstUnknownCode = firstUnknownCode
    }
}
