import RegpoolModel

/// What `CSVSniffer` proposes for a CSV file's settings, each guess with a short reason, for a data
/// manager to check before writing the mapping's `csv:` settings.
public struct CSVDialectProposal: Sendable, Equatable {
    /// One guess and why it was made.
    public struct Guess<Value: Sendable & Equatable>: Sendable, Equatable {
        public let value: Value
        public let reason: String

        /// A guess of `value` because of `reason`.
        public init(_ value: Value, _ reason: String) {
            self.value = value
            self.reason = reason
        }
    }

    public let encoding: Guess<TextEncoding>
    /// The field delimiter byte (`,` `;` tab or `|`).
    public let delimiter: Guess<UInt8>
    /// The quote byte (`"` or `'`).
    public let quote: Guess<UInt8>
    public let lineEnd: Guess<LineEndKind>
    /// True when numbers seem to be written with a decimal comma (`12,5`).
    public let decimalComma: Guess<Bool>
    /// True when the first record seems to be a header of column names.
    public let header: Guess<Bool>

    /// The settings as the mapping's `csv:` block, e.g. `csv: { delimiter: ";", quote: '"', encoding: windows-1252 }`.
    public var mappingSettings: String {
        let delimiterText = delimiter.value == 0x09 ? "\"\\t\"" : "\"\(Character(Unicode.Scalar(delimiter.value)))\""
        let quoteText = quote.value == UInt8(ascii: "'") ? "\"'\"" : "'\"'"
        return "csv: { delimiter: \(delimiterText), quote: \(quoteText), encoding: \(encoding.value.rawValue) }"
    }
}

/// How the lines of a text file end.
public enum LineEndKind: String, Sendable, Equatable {
    /// `\n` (Unix, macOS).
    case lf
    /// `\r\n` (Windows).
    case crlf
    /// A lone `\r` (classic Mac OS exports).
    case cr
    /// More than one kind (regpool reads them all).
    case mixed
    /// No line end in the sample (a single line).
    case none
}
