import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel

@testable import RegpoolLinkage
@testable import RegpoolMapping

/// Cluster members for the survivorship tests: the same woman with del(5q) MDS seen in a German
/// trial (de-ulm, A-7), an Italian compassionate-use programme (it-pavia, CU-12) and the French
/// registry (fr-lyon, 1001); provenance released, as after the centres' validation.
enum SV {
    static func centre(_ id: String, _ source: String, region: String = "europe") -> CentreConfig {
        CentreConfig(
            id: id, region: region, cohortSource: source, inbox: "inbox/\(id)", mapping: "mappings/\(id).yaml",
            location: SourceLocation(file: "pipelines/nightly.yaml", line: 12, column: 5))
    }

    static let trial = centre("de-ulm", "clinical_trial")
    static let compassionate = centre("it-pavia", "compassionate_use")
    static let registry = centre("fr-lyon", "registry")
    static let toronto = centre("ca-toronto", "registry", region: "north_america")

    static let settings = SurvivorshipSettings.defaults

    static func d(_ iso: String) -> Value { .date(Fixtures.day(iso)) }
    static func s(_ text: String) -> Value { .string(text) }

    /// A member with rows given by column name (the `patients` row always present).
    static func member(
        _ centre: CentreConfig, _ localID: String, p: Double? = nil, records: Int = 1,
        patients: [String: Value] = [:], outcomes: [String: Value]? = nil,
        courses: [[String: Value]] = [], lines: [[String: Value]] = [],
        transplants: [[String: Value]] = [], labs: [[String: Value]] = []
    ) -> ClusterMember {
        var children: [String: [[Value]]] = [:]
        for (schema, rows) in [
            (CDM.lenCourses, courses), (CDM.treatmentLines, lines), (CDM.transplants, transplants),
            (CDM.labResults, labs),
        ] where !rows.isEmpty {
            children[schema.name] = rows.map { TestRows.build(schema, $0) }
        }
        let patient = LocalPatient(
            localID: localID, patients: TestRows.build(CDM.patients, patients),
            outcomes: outcomes.map { TestRows.build(CDM.outcomes, $0) }, outcomesOrigin: nil,
            childRows: children, recordCount: records, patientRecordCount: 1)
        return ClusterMember(patient: patient, centre: centre, joinProbability: p)
    }

    /// `CODE centre locator target source→target` of every event, in audit order.
    static func lines(_ audit: AuditLog) -> [String] {
        audit.events().map {
            "\($0.code.code) \($0.centre ?? "") \($0.locator ?? "") \($0.target ?? "") "
                + "\($0.sourceValue ?? "∅")→\($0.targetValue ?? "∅")"
        }
    }

    static func value(_ p: LocalPatient, _ table: TableSchema, _ column: String, row: Int = 0) -> Value? {
        p.value(table: table.name, row: row, column: table.index(of: column)!)
    }

    /// `table` rows of `p` as `column=value` lists of the named columns.
    static func rows(_ p: LocalPatient, _ table: TableSchema, _ columns: [String]) -> [String] {
        p.rows(table.name).map { row in
            columns.map { "\($0)=\(row[table.index(of: $0)!].text)" }.joined(separator: " ")
        }
    }
}
