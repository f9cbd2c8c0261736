import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// A cluster member in survivorship order, with its index in the caller's list.
struct RankedMember {
    let index: Int
    let member: ClusterMember

    var patient: LocalPatient { member.patient }
    var centre: String { member.centre.id }
    var label: String { member.label }

    /// Where a value of this member came from: the record (file, locator) when the patient still
    /// carries its provenance, else `local_id=<id>` followed by `key` (a child row's natural key).
    func place(table: String, row: Int = 0, column: Int, key: String? = nil) -> (file: String?, locator: String) {
        if let origin = patient.origin(table: table, row: row, column: column) {
            return (origin.file, origin.locator)
        }
        return (nil, "local_id=\(patient.localID)" + (key.map { " \($0)" } ?? ""))
    }

    /// An L4020–L4023 event about a value of this member.
    func event(
        _ code: AuditCode, table: String, row: Int = 0, column: Int, key: String? = nil,
        sourceValue: Value?, targetValue: Value?, rule: String, message: String
    ) -> AuditEvent {
        let (file, locator) = place(table: table, row: row, column: column, key: key)
        let schema = CDM.tables.first { $0.name == table }
        let target = schema.map { "\(table).\($0.columns[column].name)" } ?? table
        return AuditEvent(
            code, centre: centre, file: file, locator: locator, target: target,
            sourceValue: sourceValue.flatMap(Self.text), targetValue: targetValue.flatMap(Self.text),
            rule: rule, message: message)
    }

    /// The audit text of a value; nil for null.
    static func text(_ v: Value) -> String? { v.isNull ? nil : v.text }
}

/// True when two non-null values are the same for survivorship: strings on bytes, doubles within
/// a relative 1e-9 (a unit conversion's last bit is no disagreement), others exactly.
func survivorshipAgrees(_ a: Value, _ b: Value) -> Bool {
    if case .double(let x) = a, case .double(let y) = b {
        return abs(x - y) <= 1e-9 * max(abs(x), abs(y))
    }
    return Value.sameBytes(a, b)
}
