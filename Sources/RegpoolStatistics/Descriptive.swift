/// Order statistics for Table 1. NaN values are ignored; an input without other values gives nil.
package enum Descriptive {
    /// The middle value; the mean of the two middle values when the count is even (= DuckDB median()).
    package static func median(_ values: [Double]) -> Double? {
        let sorted = values.filter { !$0.isNaN }.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The smallest value.
    package static func minimum(_ values: [Double]) -> Double? {
        values.filter { !$0.isNaN }.min()
    }

    /// The largest value.
    package static func maximum(_ values: [Double]) -> Double? {
        values.filter { !$0.isNaN }.max()
    }
}
