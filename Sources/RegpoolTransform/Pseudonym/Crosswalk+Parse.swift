import RegpoolConfig

extension Crosswalk {
    /// At most this many problems are reported for one file (a file that is wrong throughout
    /// says so in the first lines).
    static let problemLimit = 20

    /// Reads crosswalk text strictly: exactly the header, then `M-…,P-…` lines (two fields, ids of
    /// 18 characters in Crockford base32), each member key once, LF line ends (the last line's LF
    /// may be missing). Throws every problem found, as `file:line:column` with a fix.
    public static func parse(_ text: String, file: String) throws(ConfigError) -> Crosswalk {
        var problems: [ConfigProblem] = []
        func report(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
            if problems.count < problemLimit {
                problems.append(ConfigProblem(SourceLocation(file: file, line: line, column: column), message, hint: hint))
            }
        }
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init)
        if lines.last?.isEmpty == true, lines.count > 1 { lines.removeLast() }
        guard let first = lines.first, !(lines.count == 1 && first.isEmpty) else {
            throw ConfigError([ConfigProblem(SourceLocation(file: file, line: 1, column: 1),
                "the crosswalk is empty; it must start with the header `\(header)`", hint: restore)])
        }
        if first != header[...] {
            report(1, 1, "the header is `\(first)`, expected `\(header)`", restore)
        }
        var pooledIDs: [String: String] = [:]
        var firstLine: [String: Int] = [:]
        for (offset, line) in lines.enumerated().dropFirst() {
            let number = offset + 1
            guard let (key, id) = readRow(line, line: number, report: report) else { continue }
            if let earlier = firstLine[key] {
                report(number, 1, "member key \(key) is listed again (first on line \(earlier))",
                       "keep one line per member key: a member has one pooled id; \(restore)")
                continue
            }
            firstLine[key] = number
            pooledIDs[key] = id
        }
        if !problems.isEmpty { throw ConfigError(problems) }
        return Crosswalk(pooledIDs)
    }

    /// The member key and pooled id of one line, or nil after reporting what is wrong with it.
    private static func readRow(_ line: Substring, line number: Int,
                                report: (Int, Int, String, String) -> Void) -> (String, String)? {
        if line.isEmpty {
            report(number, 1, "empty line", "remove it: every line after the header is `member_key,pooled_id`")
            return nil
        }
        if let cr = line.firstIndex(of: "\r") {
            report(number, line.distance(from: line.startIndex, to: cr) + 1, "carriage return in the line",
                   "the crosswalk has LF line ends; \(restore)")
            return nil
        }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == 2 else {
            report(number, 1, "\(fields.count) fields (`\(line)`), expected 2: member_key,pooled_id", restore)
            return nil
        }
        var valid = true
        if !isPseudonym(fields[0], prefix: "M-") {
            report(number, 1, "malformed member key `\(fields[0])`",
                   "a member key is `M-` and 16 Crockford base32 characters (0-9, A-Z without I, L, O, U); \(restore)")
            valid = false
        }
        if !isPseudonym(fields[1], prefix: "P-") {
            report(number, fields[0].count + 2, "malformed pooled id `\(fields[1])`",
                   "a pooled id is `P-` and 16 Crockford base32 characters (0-9, A-Z without I, L, O, U); \(restore)")
            valid = false
        }
        return valid ? (String(fields[0]), String(fields[1])) : nil
    }

    /// True for `prefix` followed by exactly 16 characters of the Crockford alphabet.
    static func isPseudonym(_ text: Substring, prefix: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == prefix.utf8.count + 16, bytes.starts(with: prefix.utf8) else { return false }
        return bytes.dropFirst(prefix.utf8.count).allSatisfy(CrockfordBase32.alphabet.contains)
    }

    private static let restore = "use the crosswalk.csv of the previous build as it was written"
}
