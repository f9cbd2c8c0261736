import RegpoolConfig
import RegpoolModel

/// The whole-patient derivations a mapping lists under `derive:` (docs/mapping.md, "Derivations"),
/// run after merging and before validation, in catalogue order whatever the order in the file.
struct PatientDerivations {
    let centre: String
    let specs: [DerivationSpec]

    /// How close (days) a transplant must be to an allo_sct line's start to be the same transplant.
    static let sameTransplantDays: Int32 = 31

    /// Runs each listed derivation on `patient` (edits through the `LocalPatient` edit API only).
    func run(on patient: inout LocalPatient, audit: inout AuditLog) {
        for name in DerivationName.allCases {
            guard let spec = specs.first(where: { $0.name == name }) else { continue }
            switch name {
            case .transplantsFromTreatmentLines: transplantsFromLines(&patient, spec: spec, audit: &audit)
            case .directlyAfterLEN: directlyAfterLEN(&patient, spec: spec, audit: &audit)
            }
        }
    }

    /// A treatment line, typed.
    struct Line {
        let row: Int
        let number: Int32?
        let category: String?
        let start: Int32?

        var isTransplant: Bool { category == "allo_sct" }

        /// `line_number=2, category=allo_sct, start_date=2013-04-02` for the audit.
        var description: String {
            "line_number=\(number.map(String.init) ?? ""), category=\(category ?? ""), start_date=\(start?.iso ?? "")"
        }
    }

    /// The patient's treatment lines in line-number order (undated ones included).
    static func lines(_ p: LocalPatient) -> [Line] {
        p.rows(Tables.lines).enumerated().map { i, r in
            Line(
                row: i, number: r[Columns.lineNumber].int32Value, category: r[Columns.lineCategory].stringValue,
                start: r[Columns.lineStart].dateValue)
        }.sorted { ($0.number ?? .max, $0.row) < ($1.number ?? .max, $1.row) }
    }

    /// The transplant dates of the patient.
    static func transplantDates(_ p: LocalPatient) -> [Int32] {
        p.rows(Tables.transplants).compactMap { $0[Columns.transplantDate].dateValue }
    }

    /// T3020: a transplants row for each dated allo_sct line with no transplant within 31 days.
    func transplantsFromLines(_ p: inout LocalPatient, spec: DerivationSpec, audit: inout AuditLog) {
        for line in Self.lines(p) where line.isTransplant {
            guard let start = line.start else { continue }
            guard !Self.transplantDates(p).contains(where: { abs($0 - start) <= Self.sameTransplantDays }) else {
                continue
            }
            var row = [Value](repeating: .null, count: CDM.transplants.columns.count)
            row[Columns.transplantDate] = .date(start)
            let origin = p.origin(table: Tables.lines, row: line.row, column: Columns.lineStart)
            p.appendRow(row, table: Tables.transplants, origin: origin)
            audit.record(
                AuditEvent(
                    .transplantDerived, centre: centre, file: origin?.file, locator: origin?.locator,
                    target: "transplants.transplant_date", sourceValue: line.description, targetValue: start.iso,
                    rule: spec.reference,
                    message:
                        "patient \(p.localID): treatment line \(line.number.map(String.init) ?? "?") is an allo_sct "
                        + "starting \(start.iso) and no transplant is recorded within \(Self.sameTransplantDays) days; "
                        + "a transplants row dated \(start.iso) was derived from it"))
        }
    }
}
