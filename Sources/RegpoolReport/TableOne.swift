import RegpoolModel
import RegpoolStatistics

/// Table 1: per variable, counts and percentages (of the known) or median and range.
struct TableOne {
    enum Summary {
        case continuous(median: Double?, min: Double?, max: Double?)
        case binary(count: Int)
        case categorical([(token: String, count: Int)])
    }

    struct Row {
        let variable: CohortValues.Variable
        let known: Int
        let missing: Int
        let summary: Summary
    }

    let patients: Int
    let rows: [Row]

    init(_ cohort: CohortValues) {
        patients = cohort.pooledIDs.count
        rows = zip(CohortValues.variables, cohort.values).map { Self.row($0, values: $1) }
    }

    static func row(_ variable: CohortValues.Variable, values: [Value]) -> Row {
        let known = values.filter { !$0.isNull }
        let summary: Summary
        switch variable.column.type {
        case .double, .int32:
            let numbers = known.compactMap(\.doubleValue)
            summary = .continuous(
                median: Descriptive.median(numbers), min: Descriptive.minimum(numbers),
                max: Descriptive.maximum(numbers))
        case .bool:
            summary = .binary(count: known.filter { $0.boolValue == true }.count)
        default:
            let texts = known.map(\.text)
            summary = .categorical(
                (variable.column.type.tokens ?? []).map { token in
                    (token, texts.filter { $0 == token }.count)
                })
        }
        return Row(variable: variable, known: known.count, missing: values.count - known.count, summary: summary)
    }

    /// count as a percentage of `known` (nil when nothing is known).
    static func percent(_ count: Int, of known: Int) -> Double? {
        known == 0 ? nil : Double(count) / Double(known) * 100
    }
}
