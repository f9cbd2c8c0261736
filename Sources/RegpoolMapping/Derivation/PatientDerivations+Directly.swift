import RegpoolConfig
import RegpoolModel

/// `directly_after_len`: is a transplant the first treatment after LEN failure?
extension PatientDerivations {
    /// T3021: fills each null `directly_after_len`; left null when the order cannot be told.
    func directlyAfterLEN(_ p: inout LocalPatient, spec: DerivationSpec, audit: inout AuditLog) {
        let lines = Self.lines(p)
        for row in p.rows(Tables.transplants).indices {
            let r = p.rows(Tables.transplants)[row]
            guard r[Columns.directlyAfterLEN].isNull, let day = r[Columns.transplantDate].dateValue,
                let (value, reason) = Self.directly(transplant: day, lines: lines)
            else { continue }
            p.setValue(.bool(value), table: Tables.transplants, row: row, column: Columns.directlyAfterLEN)
            let origin = p.origin(table: Tables.transplants, row: row, column: Columns.directlyAfterLEN)
            audit.record(
                AuditEvent(
                    .directlyAfterLENDerived, centre: centre, file: origin?.file,
                    locator: origin?.locator, target: "transplants.directly_after_len", sourceValue: reason,
                    targetValue: value ? "true" : "false", rule: spec.reference,
                    message: "patient \(p.localID): the transplant of \(day.iso) is "
                        + (value
                            ? "the first treatment after LEN failure" : "not the first treatment after LEN failure")
                        + " (\(reason)); directly_after_len = \(value)"))
        }
    }

    /// True when no other line than an allo_sct one comes before the transplant; nil when unknown.
    ///
    /// A line "comes before" when it starts before the transplant date, or, undated, when its
    /// line_number is lower than that of the allo_sct line matching the transplant (start within
    /// 31 days). An undated line with no matching allo_sct line to compare with leaves it unknown.
    static func directly(transplant day: Int32, lines: [Line]) -> (Bool, String)? {
        let others = lines.filter { !$0.isTransplant }
        if let before = others.first(where: { $0.start.map { $0 < day } ?? false }) {
            return (false, "a line starts before the transplant: \(before.description)")
        }
        let undated = others.filter { $0.start == nil }
        guard !undated.isEmpty else {
            return (true, "no other treatment line starts before \(day.iso)")
        }
        let match = lines.filter { $0.isTransplant && $0.number != nil }
            .filter { $0.start.map { abs($0 - day) <= sameTransplantDays } ?? false }
            .min { abs($0.start! - day) < abs($1.start! - day) }
        guard let match, let matchNumber = match.number,
            undated.allSatisfy({ $0.number != nil })
        else { return nil }
        if let before = undated.first(where: { $0.number! < matchNumber }) {
            return (
                false, "an undated line is numbered before the transplant's line \(matchNumber): \(before.description)"
            )
        }
        return (true, "no other treatment line starts before \(day.iso) or is numbered before line \(matchNumber)")
    }
}
