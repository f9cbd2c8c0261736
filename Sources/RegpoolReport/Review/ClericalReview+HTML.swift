import Mustache

extension ClericalReview {
    /// The most pairs the page shows (the CSV lists all): a person reads the page, and a page of
    /// 100,000 pairs is 100 MB that no browser opens and that took Mustache 20 s to render.
    package static let pagePairLimit = 1000

    /// clerical-review.html: one table per pair with every comparison's values, level and weight
    /// (positive weights speak for a match, negative against); rendered from `ClericalReviewTemplate`.
    package static func html(
        _ pairs: [Pair], buildID: String, linkThreshold: Double,
        reviewThreshold: Double
    ) throws -> [UInt8] {
        let page: MustacheTemplate
        let pairTemplate: MustacheTemplate
        do {
            page = try MustacheTemplate(string: ClericalReviewTemplate.page)
            pairTemplate = try MustacheTemplate(string: ClericalReviewTemplate.pair)
        } catch {
            throw ReportError("the clerical review template does not parse: \(error)")
        }
        var sections = ""
        for (index, pair) in pairs.prefix(pagePairLimit).enumerated() {
            sections += pairTemplate.render(pairValues(pair, number: index + 1))
        }
        var values: [String: Any] = [
            "build_id": buildID, "pair_count": pairs.count,
            "review_threshold": FixedDecimal.text(reviewThreshold, places: 2),
            "link_threshold": FixedDecimal.text(linkThreshold, places: 2), "sections": sections,
        ]
        if pairs.count > pagePairLimit {
            values["more"] = pairs.count - pagePairLimit
            values["shown"] = pagePairLimit
        }
        return Array(page.render(values).utf8)
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
