import RegpoolModel

/// What `CSVSniffer` proposes for a CSV file's settings, each guess with a short reason, for a data
/// manager to check before writing the mapping's `csv:` settings.
package struct CSVDialectProposal: Sendable, Equatable {
    /// One guess and why it was made.
    package struct Guess<Value: Sendable & Equatable>: Sendable, Equatable {
        package let value: Value
        package let reason: String

        /// A guess of `value` because of `reason`.
        package init(_ value: Value, _ reason: String) {
            self.value = value
            self.reason = reason
        }
    }

    package let encoding: Guess<TextEncoding>
    /// The field delimiter byte (`,` `;` tab or `|`).
    package let delimiter: Guess<UInt8>
    /// The quote byte (`"` or `'`).
    package let quote: Guess<UInt8>
    package let lineEnd: Guess<LineEndKind>
    /// True when numbers seem to be written with a decimal comma (`12,5`).
    package let decimalComma: Guess<Bool>
    /// True when the first record seems to be a header of column names.
    package let header: Guess<Bool>

    /// The settings as the mapping's `csv:` block, e.g. `csv: { delimiter: ";", quote: '"', encoding: windows-1252 }`.
    package var mappingSettings: String {
        let delimiterText = delimiter.value == 0x09 ? "\"\\t\"" : "\"\(Character(Unicode.Scalar(delimiter.value)))\""
        let quoteText = quote.value == UInt8(ascii: "'") ? "\"'\"" : "'\"'"
        return "csv: { delimiter: \(delimiterText), quote: \(quoteText), encoding: \(encoding.value.rawValue) }"
    }
}

/// How the lines of a text file end.
package enum LineEndKind: String, Sendable, Equatable {
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
