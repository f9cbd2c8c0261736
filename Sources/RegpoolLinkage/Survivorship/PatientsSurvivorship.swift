import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// The `patients` row of a cluster: the survivor's values, gaps filled from the next members in
/// order (L4020), a differing value of another member audited (L4021).
enum PatientsSurvivorship {
    static let fillRule = "survivorship: survivor's value, gap filled by source priority"
    static let keepRule = "survivorship: survivor's value kept (source priority)"

    /// Columns PatientAssembly fills from the survivor's centre and the record count.
    static let assembled: Set<String> = ["pooled_id", "region", "cohort_source", "n_source_records"]

    /// The merged row, or nil when no member has one.
    static func merge(_ ranked: [RankedMember], audit: inout AuditLog) -> [Value]? {
        guard ranked.contains(where: { $0.patient.patients != nil }) else { return nil }
        let schema = CDM.patients
        var row = ranked[0].patient.patients ?? [Value](repeating: .null, count: schema.columns.count)
        for (c, column) in schema.columns.enumerated() where !assembled.contains(column.name) {
            var giver = row[c].isNull ? nil : ranked[0]
            for m in ranked.dropFirst() {
                guard let v = m.patient.patients?[c], !v.isNull else { continue }
                if let kept = giver {
                    if !survivorshipAgrees(v, row[c]) { audit.record(conflict(m, kept, c, v, row[c])) }
                } else {
                    row[c] = v
                    giver = m
                    audit.record(
                        m.event(
                            .valueFilled, table: schema.name, column: c, sourceValue: v, targetValue: v,
                            rule: fillRule,
                            message: "patients.\(column.name) = \(v.text) comes from \(m.label): "
                                + "\(ranked[0].label) (the survivor) and the members before it did not send it"))
                }
            }
        }
        return row
    }

    private static func conflict(
        _ m: RankedMember, _ kept: RankedMember, _ c: Int, _ v: Value, _ chosen: Value
    )
        -> AuditEvent
    {
        let column = CDM.patients.columns[c].name
        return m.event(
            .valuesConflicting, table: CDM.patients.name, column: c, sourceValue: v, targetValue: chosen,
            rule: keepRule,
            message: "\(m.label) sent patients.\(column) = \(v.text), \(kept.label) sent "
                + "\(chosen.text); \(kept.label)'s value is kept (higher source priority)")
    }
}
