import RegpoolModel

/// Fills lab_results' `unit`, `source_value` and `source_unit` when the mapping does not.
enum LabAutoFill {
    /// Sets the three self-filling columns of a lab row that no rule maps.
    static func apply(_ values: inout [Value], schema: TableSchema, mapped: Set<String>,
                      valueSource: String?, valueUnit: String?) {
        func set(_ column: String, _ value: Value) {
            guard !mapped.contains(column), let i = schema.index(of: column) else { return }
            values[i] = value
        }
        if let a = schema.index(of: "analyte"), let analyte = values[a].stringValue,
            let unit = CDM.canonicalUnit[analyte] {
            set("unit", .string(unit))
        }
        set("source_value", valueSource.map(Value.string) ?? .null)
        set("source_unit", valueUnit.map(Value.string) ?? .null)
    }
}
