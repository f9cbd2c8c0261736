import Foundation
import RegpoolCohort
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// `regpool explain` as text for a terminal.
extension PatientExplanation {
    /// Records, linkage, values with their sources, audit events and notes.
    package var text: String {
        let members = Set(records.map(\.member))
        var lines = [
            "Patient \(pooledID) in build \(buildID): \(members.count) local patient(s), \(records.count) source record(s)",
            "",
        ]
        lines.append("Source records")
        for r in records {
            let p = r.matchProbability.map { "  p=\(String(format: "%.4f", $0))" } ?? ""
            lines.append(
                "  \(r.status.padding(toLength: 9, withPad: " ", startingAt: 0))\(r.member)  \(r.file)  \(r.locator)  sha256 \(r.sha256.prefix(16))…\(p)"
            )
        }
        if !links.isEmpty {
            lines += ["", "Linkage"]
            for link in links {
                lines.append("  \(link.event["message"] ?? "") [\(link.event.code), audit line \(link.event.seq)]")
                if let explanation = link.explanation {
                    lines += explanation.text.split(separator: "\n", omittingEmptySubsequences: false).map {
                        "    " + $0
                    }
                }
            }
        }
        lines += ["", "Values (✓ = the source value the build holds)"]
        var heading = ""
        for v in values {
            let title = v.row.isEmpty ? v.table : "\(v.table) \(v.row)"
            if title != heading {
                lines.append("  \(title)")
                heading = title
            }
            lines.append("    \(v.column) = \(Self.shown(v.value)) — \(v.why)")
            for c in v.candidates { lines.append("      " + Self.candidate(c)) }
        }
        lines += ["", "Audit events (\(events.count))"]
        for e in events { lines.append("  [line \(e.seq)] \(e.code) \(e["event"] ?? ""): \(e["message"] ?? "")") }
        if !notes.isEmpty {
            lines += ["", "Notes"]
            lines += notes.map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func shown(_ v: Value) -> String { v.isNull ? "null" : v.text }

    /// `✓ centre:local  file locator  field F "text"  rule R → value`.
    static func candidate(_ c: Candidate) -> String {
        var parts = [(c.wins ? "✓ " : "  ") + c.record.member, "\(c.record.file) \(c.record.locator)"]
        if let field = c.field { parts.append("field \(field)" + (c.sourceText.map { " \"\($0)\"" } ?? "")) }
        parts.append(c.rule.map { "rule \($0)" } ?? "derived")
        if let conversion = c.conversion { parts.append(conversion) }
        return parts.joined(separator: "  ") + " → \(shown(c.value))"
    }
}
