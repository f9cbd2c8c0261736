import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel

@testable import RegpoolMapping

/// One hand-written merged patient for the validation and derivation tests: rows by column name,
/// each child row from its own record (`<table>.csv`, `line 2`, `line 3`, …), the per-patient rows
/// from `patients.csv line 2` and `outcomes.csv line 2`.
enum VP {
    /// A date value from ISO text.
    static func d(_ iso: String) -> Value { .date(Fixtures.day(iso)) }

    static func row(_ schema: TableSchema, _ pairs: [String: Value]) -> [Value] {
        TestRows.build(schema, pairs)
    }

    static func patient(
        patients: [String: Value] = [:], outcomes: [String: Value]? = nil,
        courses: [[String: Value]] = [], lines: [[String: Value]] = [],
        transplants: [[String: Value]] = []
    ) -> LocalPatient {
        var children: [String: [[Value]]] = [:]
        var rowOrigins: [String: [RecordOrigin?]] = [:]
        for (schema, rows) in [(CDM.lenCourses, courses), (CDM.treatmentLines, lines), (CDM.transplants, transplants)]
        where !rows.isEmpty {
            children[schema.name] = rows.map { row(schema, $0) }
            rowOrigins[schema.name] = rows.indices.map {
                RecordOrigin(file: "\(schema.name).csv", locator: "line \($0 + 2)")
            }
        }
        let p = row(CDM.patients, patients)
        let o = outcomes.map { row(CDM.outcomes, $0) }
        var columnOrigins: [String: [RecordOrigin?]] = [
            "patients": p.map { $0.isNull ? nil : RecordOrigin(file: "patients.csv", locator: "line 2") }
        ]
        columnOrigins["outcomes"] = o?.map { $0.isNull ? nil : RecordOrigin(file: "outcomes.csv", locator: "line 2") }
        return LocalPatient(
            localID: "1001", patients: p, outcomes: o,
            outcomesOrigin: o == nil ? nil : RecordOrigin(file: "outcomes.csv", locator: "line 2"),
            childRows: children, recordCount: 1, patientRecordCount: 1,
            columnOrigins: columnOrigins, rowOrigins: rowOrigins)
    }

    /// Runs the validation rules with `overrides` (code → action) and returns the patient and the events.
    static func validate(
        _ p: LocalPatient, _ overrides: [String: ValidationAction] = [:]
    ) -> (LocalPatient, [AuditEvent]) {
        let settings = ValidationSettings(
            overrides: overrides.sorted { $0.key < $1.key }.map {
                .init(
                    code: $0.key, action: $0.value,
                    location: SourceLocation(file: "pipelines/p.yaml", line: 9, column: 3))
            })
        var patient = p
        var audit = AuditLog()
        PatientValidator(centre: "fr-lyon", settings: settings).validate(&patient, audit: &audit)
        return (patient, audit.events())
    }

    /// Runs the listed derivations and returns the patient and the events.
    static func derive(_ p: LocalPatient, _ names: [DerivationName]) -> (LocalPatient, [AuditEvent]) {
        let specs = names.enumerated().map {
            DerivationSpec(name: $1, location: SourceLocation(file: "mappings/fr-lyon.yaml", line: 40 + $0, column: 5))
        }
        var patient = p
        var audit = AuditLog()
        PatientDerivations(centre: "fr-lyon", specs: specs).run(on: &patient, audit: &audit)
        return (patient, audit.events())
    }

    /// `column` of `table` row `row`.
    static func value(_ p: LocalPatient, _ table: String, _ row: Int, _ column: String) -> Value? {
        let schema = CDM.tables.first { $0.name == table }!
        return p.value(table: table, row: row, column: schema.index(of: column)!)
    }

    /// `CODE target source→target @file locator | rule` for each event.
    static func lines(_ events: [AuditEvent]) -> [String] {
        events.map {
            "\($0.code.code) \($0.target ?? "") \($0.sourceValue ?? "∅")→\($0.targetValue ?? "∅") "
                + "@\($0.file ?? "") \($0.locator ?? "") | \($0.rule ?? "")"
        }
    }

    /// A patient who breaks no rule: diagnosed, LEN, failure, a line, a transplant, alive at last contact.
    static func cleanPatient() -> LocalPatient {
        patient(
            patients: ["diagnosis_date": d("2010-06-15")],
            outcomes: ["vital_status": .string("alive"), "last_contact_date": d("2015-01-10")],
            courses: [
                [
                    "course_number": .int32(1), "start_date": d("2011-01-10"), "end_date": d("2012-02-01"),
                    "failure_date": d("2012-03-01"), "failure_type": .string("progression"),
                    "progression_to": .string("raeb2"),
                ]
            ],
            lines: [
                [
                    "line_number": .int32(1), "category": .string("hma"), "start_date": d("2012-04-01"),
                    "end_date": d("2012-10-01"),
                ],
                ["line_number": .int32(2), "category": .string("allo_sct"), "start_date": d("2013-01-15")],
            ],
            transplants: [["transplant_date": d("2013-01-15")]])
    }
}
