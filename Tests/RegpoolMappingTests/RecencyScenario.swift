import RegpoolConfig
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// fr-lyon re-exports its registry: each patient export carries the date of the export
/// (`DATE_MAJ`, dd/MM/yyyy) and the trial subject id a patient had in MDS-07 (`ESSAI_ID`).
enum RecencyScenario {
    static let patientHeader = [
        "NUM_PATIENT", "SEXE", "ANNEE_NAISSANCE", "STATUT", "DATE_DECES", "DERNIERES_NOUVELLES",
        "DATE_MAJ", "ESSAI_ID",
    ]
    static let courseHeader = ["NUM_PATIENT", "CURE", "DEBUT", "DOSE", "DATE_MAJ"]

    /// The mapping; `updated` is the source-level line of both sources ("" = none).
    static func mapping(updated: String = "updated: { field: DATE_MAJ, date: dd/MM/yyyy }") -> String {
        """
        version: 1
        centre: fr-lyon
        missing: ["", "NA"]
        sources:
          - name: patients
            files: ["patients_*.csv"]
            format: csv
            patient_key: NUM_PATIENT
            \(updated)
            link: { trial_subject_id: ESSAI_ID }
            tables:
              patients:
                sex: { field: SEXE, map: { M: male, F: female } }
                birth_year: { field: ANNEE_NAISSANCE }
              outcomes:
                vital_status: { field: STATUT, map: { vivant: alive, "décédé": dead } }
                death_date: { field: DATE_DECES, date: dd/MM/yyyy }
                last_contact_date: { field: DERNIERES_NOUVELLES, date: dd/MM/yyyy }
          - name: courses
            files: ["cures_*.csv"]
            format: csv
            patient_key: NUM_PATIENT
            \(updated)
            tables:
              len_courses:
                course_number: { field: CURE }
                start_date: { field: DEBUT, date: dd/MM/yyyy }
                initial_dose_mg: { field: DOSE }
        """
    }

    /// One patients file.
    static func patients(_ file: String, _ rows: [[String?]]) -> MappingHarness.Input {
        MappingHarness.Input(source: "patients", file: file, header: patientHeader, rows: rows)
    }

    /// One courses file.
    static func courses(_ file: String, _ rows: [[String?]]) -> MappingHarness.Input {
        MappingHarness.Input(source: "courses", file: file, header: courseHeader, rows: rows)
    }

    /// Maps `inputs` in the given order (the order files and rows arrive in).
    static func run(_ inputs: [MappingHarness.Input], updated: String? = nil) throws -> CentreResult {
        try MappingHarness.run(updated.map { mapping(updated: $0) } ?? mapping(), inputs)
    }

    /// The value text of `table.column` of patient `id` (nil for null).
    static func text(_ r: CentreResult, _ id: String, _ table: TableSchema, _ column: String) -> String? {
        let v = MappingHarness.value(r, id, table, column)
        return v.isNull ? nil : v.text
    }

    static func events(_ r: CentreResult, _ code: AuditCode) -> [AuditEvent] {
        r.audit.events().filter { $0.code == code }
    }

    /// `file locator → status` of every lineage entry.
    static func statuses(_ r: CentreResult) -> [String: String] {
        Dictionary(uniqueKeysWithValues: r.lineage.map { ("\($0.file) \($0.locator)", $0.status.rawValue) })
    }
}
