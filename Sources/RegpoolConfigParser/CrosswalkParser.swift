import RegpoolConfig
import RegpoolExtract
import RegpoolModel

/// Reads the id crosswalk of the previous build (`crosswalk.csv`, docs/linkage.md "Stable pooled
/// ids and the crosswalk") strictly, as CSV through libcsv: exactly the header, then
/// `member_key,pooled_id` rows (ids of 18 characters, `M-`/`P-` and Crockford base32), each member
/// key once. Every problem is reported at once, as `file:line:column` with a fix.
package enum CrosswalkParser {
    /// The header, exactly.
    package static let header = ["member_key", "pooled_id"]

    /// At most this many problems are reported for one file (a file that is wrong throughout
    /// says so in the first lines).
    static let problemLimit = 20

    /// The pooled id of every member key of the file's bytes.
    package static func parse(_ bytes: [UInt8], file: String) throws(ConfigError) -> [String: String] {
        var problems = Problems(file: file)
        let csv = CSVDocument(bytes)
        for p in csv.problems { problems.report(p.line, p.column, p.message, p.hint ?? restore) }
        guard let first = csv.records.first else {
            throw ConfigError([
                ConfigProblem(
                    SourceLocation(file: file, line: 1, column: 1),
                    "the crosswalk is empty; it must start with the header `\(header.joined(separator: ","))`",
                    hint: restore)
            ])
        }
        if first.fields.map(\.text) != header {
            problems.report(
                first.line, 1,
                "the header is `\(first.fields.map(\.text).joined(separator: ","))`, "
                    + "expected `\(header.joined(separator: ","))`", restore)
        }
        var pooledIDs: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        for record in csv.records.dropFirst() {
            guard let (key, id) = pair(record, &problems) else { continue }
            if let earlier = firstLine[key] {
                problems.report(
                    record.line, 1, "member key \(key) is listed again (first on line \(earlier))",
                    "keep one line per member key: a member has one pooled id; \(restore)")
                continue
            }
            firstLine[key] = record.line
            pooledIDs[key] = id
        }
        if !problems.found.isEmpty { throw ConfigError(problems.found) }
        return pooledIDs
    }

    /// The member key and pooled id of one row, or nil after reporting what is wrong with it.
    private static func pair(_ record: CSVDocument.Record, _ problems: inout Problems) -> (String, String)? {
        let fields = record.fields
        guard fields.count == 2 else {
            problems.report(
                record.line, 1,
                "\(fields.count) fields (`\(fields.map(\.text).joined(separator: ","))`), "
                    + "expected 2: member_key,pooled_id", restore)
            return nil
        }
        let (key, id) = (fields[0], fields[1])
        var valid = true
        if !CrockfordBase32.isPseudonym(key.text[...], prefix: "M-") {
            problems.report(
                key.line, key.column, "malformed member key `\(key.text)`",
                "a member key is `M-` and 16 Crockford base32 characters (0-9, A-Z without I, L, O, U); \(restore)")
            valid = false
        }
        if !CrockfordBase32.isPseudonym(id.text[...], prefix: "P-") {
            problems.report(
                id.line, id.column, "malformed pooled id `\(id.text)`",
                "a pooled id is `P-` and 16 Crockford base32 characters (0-9, A-Z without I, L, O, U); \(restore)")
            valid = false
        }
        return valid ? (key.text, id.text) : nil
    }

    /// The problems found so far, at most `problemLimit`.
    private struct Problems {
        let file: String
        var found: [ConfigProblem] = []

        mutating func report(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
            guard found.count < CrosswalkParser.problemLimit else { return }
            found.append(ConfigProblem(SourceLocation(file: file, line: line, column: column), message, hint: hint))
        }
    }

    private static let restore = "use the crosswalk.csv of the previous build as it was written"
}
