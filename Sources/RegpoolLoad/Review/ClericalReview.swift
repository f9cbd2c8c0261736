/// The clerical review files: a CSV whose first six columns are the overrides file's (a reviewer
/// fills `decision` and `reason` and copies those rows), and a readable HTML page.
public enum ClericalReview {
    /// The CSV columns before the per-comparison ones (the overrides file's header).
    public static let leadingColumns = ["decision", "centre_a", "local_id_a", "centre_b", "local_id_b", "reason"]

    /// clerical-review.csv: one row per pair (in the order given), `decision` and `reason` empty.
    public static func csv(_ pairs: [Pair], fields: [String]) -> [UInt8] {
        var header = leadingColumns + ["match_probability", "total_weight"]
        for f in fields { header += ["\(f)_a", "\(f)_b", "\(f)_level", "\(f)_weight"] }
        var lines = [header.map(csvField).joined(separator: ",")]
        for pair in pairs {
            var cells = ["", pair.centreA, pair.localIDA, pair.centreB, pair.localIDB, "",
                         FixedDecimal.text(pair.probability, places: 4), FixedDecimal.text(pair.totalWeight, places: 2)]
            for f in fields {
                let c = pair.comparisons.first { $0.field == f }
                cells += [c?.valueA ?? "", c?.valueB ?? "", c?.level ?? "",
                          c?.weight.map { FixedDecimal.text($0, places: 2) } ?? ""]
            }
            lines.append(cells.map(csvField).joined(separator: ","))
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
    static func csvField(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = "\""
        for c in s { out += c == "\"" ? "\"\"" : String(c) }
        return out + "\""
    }
}
