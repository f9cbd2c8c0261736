import Mustache

extension ClericalReview {
    /// clerical-review.html: one table per pair with every comparison's values, level and weight
    /// (positive weights speak for a match, negative against); rendered from `ClericalReviewTemplate`.
    package static func html(
        _ pairs: [Pair], buildID: String, linkThreshold: Double,
        reviewThreshold: Double
    ) throws -> [UInt8] {
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: ClericalReviewTemplate.page)
        } catch {
            throw ReportError("the clerical review template does not parse: \(error)")
        }
        let page: [String: Any] = [
            "build_id": buildID, "pair_count": pairs.count,
            "review_threshold": FixedDecimal.text(reviewThreshold, places: 2),
            "link_threshold": FixedDecimal.text(linkThreshold, places: 2),
            "pairs": pairs.enumerated().map { pairValues($1, number: $0 + 1) },
        ]
        return Array(template.render(page).utf8)
    }

    /// The template values of one pair.
    private static func pairValues(_ pair: Pair, number: Int) -> [String: Any] {
        [
            "number": number, "centre_a": pair.centreA, "local_id_a": pair.localIDA, "centre_b": pair.centreB,
            "local_id_b": pair.localIDB, "probability": FixedDecimal.text(pair.probability, places: 4),
            "total_weight": FixedDecimal.text(pair.totalWeight, places: 2),
            "comparisons": pair.comparisons.map { c -> [String: Any] in
                var row: [String: Any] = [
                    "field": c.field, "value_a": c.valueA ?? "—", "value_b": c.valueB ?? "—", "level": c.level ?? "—",
                    "has_weight": c.weight != nil,
                ]
                if let w = c.weight {
                    row["weight_class"] = w >= 0 ? "pos" : "neg"
                    row["weight"] = (w >= 0 ? "+" : "") + FixedDecimal.text(w, places: 2)
                }
                return row
            },
        ]
    }
}
