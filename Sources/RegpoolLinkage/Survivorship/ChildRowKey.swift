import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// What makes child rows of two members one row: key columns equal, the date column (if any)
/// within a tolerance. len_courses: course_number; treatment_lines: line_number; transplants:
/// transplant_date; lab_results: analyte and sample_date.
struct ChildRowKey {
    let schema: TableSchema
    /// Columns compared exactly.
    let exact: [Int]
    /// The column compared within the tolerance.
    let dateColumn: Int?

    init(_ schema: TableSchema) {
        self.schema = schema
        let dateName: String? =
            switch schema.name {
            case CDM.transplants.name: "transplant_date"
            case CDM.labResults.name: "sample_date"
            default: nil
            }
        let date = dateName.flatMap(schema.index(of:))
        dateColumn = date
        exact = schema.naturalKey.compactMap(schema.index(of:)).filter { $0 != date }
    }

    /// Every key column.
    var columns: [Int] { exact + (dateColumn.map { [$0] } ?? []) }

    /// The column an L4023 event names: the date column, else the first key column.
    var reported: Int { dateColumn ?? exact.first ?? 0 }

    /// The days between the two rows' dates (0 without a date column), or nil when a key column
    /// differs or is null.
    func distance(_ a: [Value], _ b: [Value]) -> Int? {
        for c in exact where a[c].isNull || !Value.sameBytes(a[c], b[c]) { return nil }
        guard let d = dateColumn else { return 0 }
        guard let x = a[d].dateValue, let y = b[d].dateValue else { return nil }
        return abs(Int(x) - Int(y))
    }

    /// `course_number=1`, `analyte=hb sample_date=2012-03-01`: the row's key columns in schema order.
    func text(_ row: [Value]) -> String {
        schema.naturalKey.compactMap(schema.index(of:)).map { "\(schema.columns[$0].name)=\(row[$0].text)" }
            .joined(separator: " ")
    }

    /// Rows with their original positions, by natural key (schema order), then whole row.
    func sorted(_ rows: [[Value]]) -> [(Int, [Value])] {
        let keys = schema.naturalKey.compactMap(schema.index(of:))
        return rows.enumerated().sorted { a, b in
            for c in keys + Array(a.element.indices) {
                let order = Value.compare(a.element[c], b.element[c])
                if order != 0 { return order < 0 }
            }
            return a.offset < b.offset
        }.map { ($0.offset, $0.element) }
    }
}
