/// Numbers as the page shows them (fixed rules, no locale).
enum Format {
    /// One decimal, or an en dash when unknown.
    static func one(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "–" }
        return String(format1: v)
    }

    /// A p-value: three decimals, "< 0.001" below that.
    static func p(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "–" }
        if v < 0.001 { return "< 0.001" }
        let thousandths = Int((v * 1000).rounded())
        let frac = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - frac.count) + frac
    }

    /// "n (p %)" of the known.
    static func count(_ n: Int, of known: Int) -> String {
        known == 0 ? "\(n)" : "\(n) (\(one(Double(n) / Double(known) * 100)) %)"
    }

    /// A median with its 95 % CI; "not reached" for an open end.
    static func median(_ m: Double?, _ lo: Double?, _ hi: Double?) -> String {
        func side(_ v: Double?) -> String { v.map { one($0) } ?? "NR" }
        return "\(m.map { one($0) } ?? "not reached") (\(side(lo))–\(side(hi)))"
    }
}
