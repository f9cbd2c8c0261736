extension ClericalReview {
    /// clerical-review.html: a self-contained page, one table per pair with every comparison's
    /// values, level and weight (positive weights speak for a match, negative against).
    public static func html(_ pairs: [Pair], buildID: String, linkThreshold: Double,
                            reviewThreshold: Double) -> [UInt8] {
        var out = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<title>Clerical review — \(escape(buildID))</title>",
            "<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin-bottom:2em}"
                + "td,th{border:1px solid #bbb;padding:.25em .6em;text-align:left}th{background:#eee}"
                + ".pos{color:#070}.neg{color:#a00}.none{color:#777}</style>",
            "</head>", "<body>",
            "<h1>Clerical review</h1>",
            "<p>Build <code>\(escape(buildID))</code>. \(pairs.count) pair(s) scored between the review threshold "
                + "(\(FixedDecimal.text(reviewThreshold, places: 2))) and the link threshold "
                + "(\(FixedDecimal.text(linkThreshold, places: 2))); they are separate patients in this build. "
                + "To decide, copy the pair's first six columns of <code>clerical-review.csv</code> into the overrides "
                + "file with <code>force_link</code> or <code>force_separate</code> and a reason; the next run applies "
                + "and audits it (L4004).</p>",
        ]
        for (n, pair) in pairs.enumerated() { out += section(pair, number: n + 1) }
        out += ["</body>", "</html>", ""]
        return Array(out.joined(separator: "\n").utf8)
    }

    /// One pair's heading and comparison table.
    private static func section(_ pair: Pair, number: Int) -> [String] {
        var out = [
            "<h2>\(number). \(escape(pair.centreA)) \(escape(pair.localIDA)) — \(escape(pair.centreB)) "
                + "\(escape(pair.localIDB))</h2>",
            "<p>Match probability <b>\(FixedDecimal.text(pair.probability, places: 4))</b>, total weight "
                + "\(FixedDecimal.text(pair.totalWeight, places: 2)) (prior included).</p>",
            "<table>",
            "<tr><th>comparison</th><th>\(escape(pair.centreA))</th><th>\(escape(pair.centreB))</th><th>level</th>"
                + "<th>weight</th></tr>",
        ]
        for c in pair.comparisons {
            let weight = c.weight.map { w in
                "<td class=\"\(w >= 0 ? "pos" : "neg")\">\(w >= 0 ? "+" : "")\(FixedDecimal.text(w, places: 2))</td>"
            } ?? "<td class=\"none\">missing: no evidence</td>"
            out.append("<tr><td>\(escape(c.field))</td><td>\(escape(c.valueA ?? "—"))</td>"
                + "<td>\(escape(c.valueB ?? "—"))</td><td>\(escape(c.level ?? "—"))</td>\(weight)</tr>")
        }
        out.append("</table>")
        return out
    }

    /// Text with `&`, `<`, `>` and `"` escaped for HTML.
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
