import Foundation

/// One line of a build's audit.jsonl, read back (for `explain`, `diff` and audit.html).
package struct AuditLine: Sendable, Equatable {
    /// The line number in audit.jsonl (1 = first), the `seq` of audit.parquet.
    package let seq: Int
    /// Every string-valued key; null keys are absent.
    package let fields: [String: String]
    package let count: Int?

    /// The value of `key` (`code`, `centre`, `locator`, …), nil when null.
    package subscript(key: String) -> String? { fields[key] }

    /// The event's code, e.g. `T3001`.
    package var code: String { fields["code"] ?? "" }
}

/// Reads `BUILD/audit.jsonl`.
enum BuildAuditFile {
    /// Every line; a missing or malformed file is an input error naming it and the line.
    static func read(buildPath: String) throws -> [AuditLine] {
        let path = "\(buildPath)/audit.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(
                .input, "\(path) cannot be read: every build holds its audit.jsonl; is \(buildPath) a regpool build?")
        }
        var lines: [AuditLine] = []
        for (index, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw PipelineError(
                    .input,
                    "\(path) line \(index + 1) is not a JSON object; the build was altered "
                        + "(regpool verify names the files that differ from the manifest).")
            }
            var fields: [String: String] = [:]
            for (key, value) in object { if let text = value as? String { fields[key] = text } }
            lines.append(AuditLine(seq: index + 1, fields: fields, count: object["count"] as? Int))
        }
        return lines
    }
}
