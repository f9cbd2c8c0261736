import Foundation
import RegpoolExtract
import RegpoolLoad
import RegpoolModel

extension Inspector {
    /// The CSV sniffer's proposal for `path` as one JSON line: encoding, delimiter, quote, line
    /// ends, decimal comma and header, each with its reason, plus the mapping's `csv:` line.
    package static func sniff(_ path: String) throws -> String {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InspectionError(
                .inputUnreadable, "\(path) does not exist or cannot be read; check the path and its permissions.")
        }
        let p: CSVDialectProposal
        do {
            p = try CSVSniffer.propose(path: path)
        } catch {
            throw InspectionError(.inputUnreadable, "\(path) cannot be sniffed: \(error)")
        }
        func guess(_ value: JSONValue, _ reason: String) -> JSONValue {
            .object([("value", value), ("reason", .string(reason))])
        }
        func char(_ b: UInt8) -> JSONValue { .string(b == 0x09 ? "\\t" : String(Character(Unicode.Scalar(b)))) }
        let json = JSONValue.object([
            ("file", .string(path)),
            (
                "proposal",
                .object([
                    ("encoding", guess(.string(p.encoding.value.rawValue), p.encoding.reason)),
                    ("delimiter", guess(char(p.delimiter.value), p.delimiter.reason)),
                    ("quote", guess(char(p.quote.value), p.quote.reason)),
                    ("line_end", guess(.string(p.lineEnd.value.rawValue), p.lineEnd.reason)),
                    ("decimal_comma", guess(.bool(p.decimalComma.value), p.decimalComma.reason)),
                    ("header", guess(.bool(p.header.value), p.header.reason)),
                ])
            ),
            ("mapping", .string(p.mappingSettings)),
        ])
        return json.text
    }
}
