import RegpoolConfig
import RegpoolMapping
import RegpoolModel

extension LinkExplanation {
    /// The explanation as plain text for a terminal: a header, the waterfall table, the final
    /// probability, the decision and the outcome.
    package var text: String {
        var lines = ["Link explanation: \(a.description) × \(b.description)", ""]
        if let prior, let priorLog2Odds, let totalLog2Odds, let probability {
            lines.append(
                "prior λ = \(LinkNumber.probability(prior)), the share of cross-centre pairs that match (log2 odds \(LinkNumber.signed(priorLog2Odds, 2)))"
            )
            lines.append("")
            lines += table
            lines.append("")
            lines.append(
                "final log2 odds \(LinkNumber.signed(totalLog2Odds, 2)) → match probability \(LinkNumber.fixed(probability, 6))"
            )
            if let linkThreshold, let reviewThreshold {
                lines.append(
                    "thresholds: link ≥ \(LinkNumber.plain(linkThreshold)), review ≥ \(LinkNumber.plain(reviewThreshold))"
                )
            }
        } else {
            lines.append("no probabilistic linkage configured")
        }
        lines.append("decision: \(decisionText)")
        if let refusal { lines.append("refused: \(refusal)") }
        lines.append("outcome: \(outcomeText)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The waterfall as aligned columns.
    var table: [String] {
        let header = ["comparison", a.description, b.description, "level", "m", "u", "weight", "total"]
        let rows = steps.map { step -> [String] in
            let c = step.comparison
            return [
                c.field.rawValue, c.left ?? "—", c.right ?? "—", c.label, c.m.map { LinkNumber.fixed($0, 4) } ?? "—",
                c.u.map { LinkNumber.fixed($0, 4) } ?? "—", LinkNumber.signed(c.weight, 2),
                LinkNumber.signed(step.total, 2),
            ]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            zip(row, widths).enumerated().map { column, cell in
                let pad = String(repeating: " ", count: cell.1 - cell.0.count)
                return column >= 4 ? pad + cell.0 : cell.0 + pad  // numbers right-aligned
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
    }

    /// The decision in words.
    var decisionText: String {
        switch decision {
        case .sameCentre: "same centre — two local patients of one centre are never linked"
        case .forceSeparate(let location): "override force_separate \(location) keeps them apart"
        case .forceLink(let location): "override force_link \(location) links them"
        case .deterministic(let rule): "deterministic rule \(rule) links them"
        case .scored(.link): "scored in the link zone (≥ \(LinkNumber.plain(linkThreshold ?? 1)))"
        case .scored(.review):
            "scored in the review zone: left separate for clerical review unless they end in one cluster"
        case .scored(.separate): "scored below the review threshold: separate"
        case .notCompared: "not compared: no blocking pass makes them a candidate pair"
        case .noRule: "no rule or override names them and no probabilistic linkage is configured"
        }
    }

    /// Whether they ended as one patient, and how.
    var outcomeText: String {
        if let joinedBy { return "one pooled patient — this pair's edge joined them (\(joinedBy.rule))" }
        return sameCluster ? "one pooled patient — through links with other records" : "separate pooled patients"
    }
}

extension String {
    /// The text without trailing spaces.
    fileprivate var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
