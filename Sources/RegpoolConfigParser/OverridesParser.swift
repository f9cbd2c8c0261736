import RegpoolConfig
import RegpoolExtract
import RegpoolModel

/// Reads a linkage overrides file (docs/linkage.md, "Overrides file"): a person's force_link /
/// force_separate decisions on pairs of local patients. Strict and pure: every problem at once,
/// each with `file:line:column` and a hint; no file I/O.
package enum OverridesParser {
    /// The header line, exactly.
    package static let header = ["decision", "centre_a", "local_id_a", "centre_b", "local_id_b", "reason"]

    /// Parses the file's bytes (UTF-8, LF or CRLF); centre ids must be among `centres` (the pipeline's).
    package static func parse(_ bytes: [UInt8], file: String, centres: [String]) throws(ConfigError) -> [LinkOverride] {
        let csv = CSVDocument(bytes, comments: true)
        let records = csv.records
        let diagnostics = Diagnostics(file: file)
        for problem in csv.problems {
            diagnostics.report(
                SourceLocation(file: file, line: problem.line, column: problem.column), problem.message,
                hint: problem.hint)
        }
        var reader = OverridesReader(diagnostics: diagnostics, centres: centres)
        let overrides = reader.overrides(records)
        if let error = diagnostics.error() { throw error }
        return overrides
    }

    /// Parses the file's text; see `parse(_:file:centres:)`.
    package static func parse(text: String, file: String, centres: [String]) throws(ConfigError) -> [LinkOverride] {
        try parse(Array(text.utf8), file: file, centres: centres)
    }
}

/// Checks the records of an overrides file, reporting every problem.
struct OverridesReader {
    let diagnostics: Diagnostics
    let centres: [String]
    /// Each pair met so far (in PatientReference order) → its decision and line.
    private var seen: [PairKey: (decision: LinkOverride.Decision, line: Int)] = [:]

    private struct PairKey: Hashable {
        let first: PatientReference
        let second: PatientReference
    }

    static let decisions = [LinkOverride.Decision.forceLink, .forceSeparate].map(\.rawValue)

    init(diagnostics: Diagnostics, centres: [String]) {
        self.diagnostics = diagnostics
        self.centres = centres
    }

    /// The overrides of every data line, in file order, after the header is checked.
    mutating func overrides(_ records: [CSVDocument.Record]) -> [LinkOverride] {
        let expected = OverridesParser.header.joined(separator: ",")
        guard let first = records.first else {
            report(
                line: 1, column: 1, "the overrides file has no header line", hint: "start it with the line \(expected)")
            return []
        }
        let found = first.fields.map(\.text)
        guard found == OverridesParser.header else {
            let mismatch = zip(found, OverridesParser.header).first { $0 != $1 }
            report(
                line: first.line, column: 1,
                "the header must be exactly '\(expected)', found '\(found.joined(separator: ","))'",
                hint: mismatch.map { "column '\($0.0)' should be '\($0.1)'" } ?? "write the six columns in this order")
            return []
        }
        return records.dropFirst().compactMap { override($0) }
    }

    /// One data line, or nil after reporting its problems.
    private mutating func override(_ record: CSVDocument.Record) -> LinkOverride? {
        let fields = record.fields
        guard fields.count == OverridesParser.header.count else {
            report(
                line: record.line, column: 1,
                "an override has 6 fields (\(OverridesParser.header.joined(separator: ","))), found \(fields.count)",
                hint: fields.count > 6 ? "put a reason that holds commas in quotes: \"checked, same patient\"" : nil)
            return nil
        }
        let decision = self.decision(fields[0])
        let centreA = centre(fields[1], "centre_a")
        let centreB = centre(fields[3], "centre_b")
        let idA = value(fields[2], "local_id_a", hint: "the centre's own patient key")
        let idB = value(fields[4], "local_id_b", hint: "the centre's own patient key")
        let reason = value(fields[5], "reason", hint: "say who decided and why, e.g. \"confirmed by the trial office\"")
        guard let decision, let centreA, let centreB, let idA, let idB, let reason else { return nil }
        let a = PatientReference(centre: centreA, localID: idA)
        let b = PatientReference(centre: centreB, localID: idB)
        guard pairIsPossible(decision, a, b, at: fields[3]), isNew(decision, a, b, line: record.line) else {
            return nil
        }
        return LinkOverride(
            decision: decision, a: a, b: b, reason: reason,
            location: SourceLocation(file: diagnostics.file, line: record.line, column: 1))
    }

    /// `force_link` or `force_separate`.
    private func decision(_ field: CSVDocument.Field) -> LinkOverride.Decision? {
        guard let text = value(field, "decision", hint: "force_link or force_separate") else { return nil }
        guard let decision = LinkOverride.Decision(rawValue: text) else {
            report(
                field, "'\(text)' is not a decision; use force_link or force_separate",
                hint: Suggestion.hint(for: text, in: Self.decisions))
            return nil
        }
        return decision
    }

    /// A centre id of the pipeline.
    private func centre(_ field: CSVDocument.Field, _ column: String) -> String? {
        guard let id = value(field, column, hint: "a centre id of the pipeline, e.g. \(centres.first ?? "fr-lyon")")
        else { return nil }
        guard centres.contains(id) else {
            report(
                field,
                "'\(id)' in \(column) is not a centre of this pipeline; centres: \(centres.joined(separator: ", "))",
                hint: Suggestion.hint(for: id, in: centres))
            return nil
        }
        return id
    }

    /// The field's text without surrounding spaces, or nil after reporting an empty one.
    private func value(_ field: CSVDocument.Field, _ column: String, hint: String) -> String? {
        let text = Self.trimmed(field.text)
        if text.isEmpty {
            report(field, "\(column) is empty", hint: hint)
            return nil
        }
        return text
    }

    /// False after reporting a pair that cannot be decided: one patient twice, or force_link inside one centre.
    private func pairIsPossible(
        _ decision: LinkOverride.Decision, _ a: PatientReference, _ b: PatientReference,
        at field: CSVDocument.Field
    ) -> Bool {
        if a == b {
            report(field, "both sides are the same patient \(a.description)", hint: "name two different local patients")
            return false
        }
        if decision == .forceLink, a.centre == b.centre {
            report(
                field,
                "force_link joins two patients of centre \(a.centre); local patients of one centre are never linked",
                hint: "different local ids of one centre are different patients; the centre must correct its export")
            return false
        }
        return true
    }

    /// False after reporting a pair already decided on an earlier line (in either order).
    private mutating func isNew(
        _ decision: LinkOverride.Decision, _ a: PatientReference, _ b: PatientReference,
        line: Int
    ) -> Bool {
        let key = a < b ? PairKey(first: a, second: b) : PairKey(first: b, second: a)
        guard let earlier = seen[key] else {
            seen[key] = (decision, line)
            return true
        }
        let pair = "\(key.first.description) – \(key.second.description)"
        if earlier.decision == decision {
            report(
                line: line, column: 1, "the pair \(pair) is decided twice (first at line \(earlier.line))",
                hint: "delete one of the two lines")
        } else {
            report(
                line: line, column: 1,
                "the pair \(pair) is \(decision.rawValue) here but \(earlier.decision.rawValue) at line \(earlier.line)",
                hint: "keep the one decision that holds and delete the other line")
        }
        return false
    }

    /// `text` without leading and trailing spaces and tabs.
    static func trimmed(_ text: String) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = text.firstIndex(where: { !blank($0) }), let end = text.lastIndex(where: { !blank($0) }) else {
            return ""
        }
        return String(text[start...end])
    }

    private func report(_ field: CSVDocument.Field, _ message: String, hint: String?) {
        report(line: field.line, column: field.column, message, hint: hint)
    }

    private func report(line: Int, column: Int, _ message: String, hint: String?) {
        diagnostics.report(SourceLocation(file: diagnostics.file, line: line, column: column), message, hint: hint)
    }
}
