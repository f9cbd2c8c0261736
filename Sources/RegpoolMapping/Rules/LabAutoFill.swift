import RegpoolModel

/// Fills lab_results' `unit`, `source_value` and `source_unit` when the mapping does not.
enum LabAutoFill {
    /// Sets the three self-filling columns of a lab row that no rule maps (`mapped`: column names
    /// the mapping's rules fill).
    static func apply(_ values: inout [Value], mapped: Set<String>, valueSource: String?, valueUnit: String?) {
        typealias L = CDM.LabResults
        func set(_ column: Column<L>, _ value: Value) {
            guard !mapped.contains(column.name) else { return }
            values[column.index] = value
        }
        if let analyte = values[L.analyte.index].stringValue, let unit = CDM.canonicalUnit[analyte] {
            set(L.unit, .string(unit))
        }
        set(L.sourceValue, valueSource.map(Value.string) ?? .null)
        set(L.sourceUnit, valueUnit.map(Value.string) ?? .null)
    }
}
