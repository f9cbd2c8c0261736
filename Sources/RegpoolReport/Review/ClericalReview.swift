import RegpoolModel

/// The clerical review files: a CSV whose first six columns are the overrides file's (a reviewer
/// fills `decision` and `reason` and copies those rows), and a readable HTML page.
package enum ClericalReview {
    /// The CSV columns before the per-comparison ones (the overrides file's header).
    package static let leadingColumns = ["decision", "centre_a", "local_id_a", "centre_b", "local_id_b", "reason"]

    /// clerical-review.csv: one row per pair (in the order given), `decision` and `reason` empty.
    package static func csv(_ pairs: [Pair], fields: [String]) -> [UInt8] {
        var header = leadingColumns + ["match_probability", "total_weight"]
        for f in fields { header += ["\(f)_a", "\(f)_b", "\(f)_level", "\(f)_weight"] }
        var text = CSVText.line(header, ending: "\n")
        for pair in pairs {
            var cells = [
                "", pair.centreA, pair.localIDA, pair.centreB, pair.localIDB, "",
                FixedDecimal.text(pair.probability, places: 4), FixedDecimal.text(pair.totalWeight, places: 2),
            ]
            for f in fields {
                let c = pair.comparisons.first { $0.field == f }
                cells += [
                    c?.valueA ?? "", c?.valueB ?? "", c?.level ?? "",
                    c?.weight.map { FixedDecimal.text($0, places: 2) } ?? "",
                ]
            }
            text += CSVText.line(cells, ending: "\n")
        }
        return Array(text.utf8)
    }
}
