import RegpoolConfig
import RegpoolModel

/// A source of a mapping prepared for use, with its field positions resolved per header.
struct CompiledSource: Sendable {
    let spec: SourceSpec
    let rows: [CompiledRow]
    /// The last header seen and the positions of each row's fields (and the patient key) in it.
    private var resolved: (names: FieldNames, key: Int?, rows: [[Int?]])?

    init(spec: SourceSpec, defaultMissing: [String]) {
        self.spec = spec
        var rows: [CompiledRow] = []
        for table in spec.tables {
            guard let schema = CDM.table(table.table) else { continue }
            rows += table.rows.map { CompiledRow(row: $0, schema: schema, defaultMissing: defaultMissing) }
        }
        self.rows = rows
    }

    /// Field positions for `names`, computed once per header object.
    mutating func positions(for names: FieldNames) -> (key: Int?, rows: [[Int?]]) {
        if let r = resolved, r.names === names { return (r.key, r.rows) }
        let key = names.index(of: spec.patientKey)
        let rowIndexes = rows.map { row in
            row.fields.map { field -> Int? in
                // An unpack row's item fields are answered by the item: positions -1, -2, …
                if let k = row.unpack?.itemIndex(of: field) { return -(k + 1) }
                return names.index(of: field)
            }
        }
        resolved = (names, key, rowIndexes)
        return (key, rowIndexes)
    }
}
