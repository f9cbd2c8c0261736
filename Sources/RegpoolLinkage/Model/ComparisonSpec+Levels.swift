import RegpoolConfig
import RegpoolMapping
import RegpoolModel

extension ComparisonSpec {
    /// The level of two values: the first tolerance `|a - b|` is within, else the last level
    /// ("disagree"); categories agree (level 0) only when equal. nil when either value is missing.
    package func level(_ a: Value, _ b: Value) -> Int? {
        guard let x = Self.number(a), let y = Self.number(b) else {
            if case .string(let s) = a, case .string(let t) = b { return s == t ? 0 : levelCount - 1 }
            return nil
        }
        return ComparisonLevels(self).level(x, y)
    }

    /// A level's label for people: `same day`, `≤ 7 days`, `agree`, `disagree`; `missing` for nil.
    package func label(level: Int?) -> String {
        guard let level else { return "missing" }
        if level >= tolerances.count { return "disagree" }
        let tolerance = tolerances[level]
        let amount = LinkNumber.plain(tolerance)
        switch field.kind {
        case .category: return "agree"
        case .date: return tolerance == 0 ? "same day" : "≤ \(amount) \(tolerance == 1 ? "day" : "days")"
        case .number: return tolerance == 0 ? "same dose" : "≤ \(amount) mg"
        case .integer:
            let unit = field == .birthMonth ? "month" : "year"
            return tolerance == 0 ? "same \(unit)" : "≤ \(amount) \(unit)\(tolerance == 1 ? "" : "s")"
        }
    }

    /// A numeric value's number (dates as days), nil for null or text.
    static func number(_ v: Value) -> Double? {
        switch v {
        case .date(let d): Double(d)
        case .int32(let i): Double(i)
        case .double(let d): d.isFinite ? d : nil
        default: nil
        }
    }
}
