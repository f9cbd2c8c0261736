import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Hand-built configs and records shaped like a real centre's CSV export (fr-lyon).
package enum Fixtures {
    package static let mappingFile = "mappings/fr-lyon.yaml"

    package static func loc(_ line: Int) -> SourceLocation { SourceLocation(file: mappingFile, line: line, column: 9) }

    package static let centre = CentreConfig(
        id: "fr-lyon", region: "europe", cohortSource: "registry", inbox: "inbox/fr-lyon",
        mapping: mappingFile, location: SourceLocation(file: "pipelines/p.yaml", line: 7, column: 5))

    package static func rule(
        _ column: String, field: String, map: [(String, String?)]? = nil, date: String? = nil,
        decimal: Character = ".", factor: Double? = nil, unit: String? = nil, missing: [String]? = nil,
        line: Int = 20
    ) -> ColumnRule {
        ColumnRule(
            column: column, input: .field(field), map: map?.map { MapEntry(source: $0.0, target: $0.1) },
            datePattern: date.map { try! DatePattern($0) }, decimal: decimal, factor: factor, unit: unit,
            missing: missing, location: loc(line))
    }

    package static func constant(_ column: String, _ value: String, line: Int = 30) -> ColumnRule {
        ColumnRule(column: column, input: .constant(value), location: loc(line))
    }

    package static func source(
        _ name: String = "patients", key: String = "NUM_PATIENT",
        tables: [(String, [[ColumnRule]])]
    ) -> SourceSpec {
        SourceSpec(
            name: name, files: ["\(name)_*.csv"], format: .csv(CSVDialect(delimiter: UInt8(ascii: ";"))),
            patientKey: key,
            tables: tables.map { t in
                TableMapping(
                    table: t.0, rows: t.1.map { RowMapping(columns: $0, location: loc(12)) }, location: loc(11))
            },
            location: loc(5))
    }

    package static func mapping(_ sources: [SourceSpec], missing: [String] = ["", "NA", "nd"]) -> MappingConfig {
        MappingConfig(version: 1, centre: "fr-lyon", missing: missing, sources: sources, file: mappingFile)
    }

    /// A CSV-like record: `fields` in header order, `nil` = absent.
    package static func record(_ file: String, line: Int, _ names: FieldNames, _ values: [String?]) -> SourceRecord {
        SourceRecord(
            file: file, locator: "line \(line)", line: line, sha256: "sha-\(file)-\(line)", names: names,
            values: values)
    }

    /// Maps `records` of `source` with a fresh mapper and finishes.
    package static func run(
        _ source: SourceSpec, _ records: [SourceRecord], missing: [String] = ["", "NA", "nd"],
        centre: CentreConfig = centre
    ) -> CentreResult {
        var mapper = CentreMapper(centre: centre, mapping: mapping([source], missing: missing))
        for r in records { mapper.map(r, source: source) }
        return mapper.finish()
    }

    /// Maps one value through one `patients` rule and returns the value and the audit.
    package static func mapOne(
        _ rule: ColumnRule, _ text: String?, missing: [String] = ["", "NA", "nd"]
    )
        -> (value: Value, audit: AuditLog)
    {
        let names = FieldNames(["NUM_PATIENT", rule.input.fieldName ?? "X", "SEXE"])
        let src = source(tables: [("patients", [[rule, Fixtures.rule("sex", field: "SEXE")]])])
        let result = run(src, [record("patients_2024.csv", line: 2, names, ["1001", text, "male"])], missing: missing)
        let row = result.patients.first?.patients ?? []
        let value = CDM.patients.index(of: rule.column).map { row.isEmpty ? .null : row[$0] } ?? .null
        return (value, result.audit)
    }

    package static func events(_ audit: AuditLog, _ code: AuditCode) -> [AuditEvent] {
        audit.events().filter { $0.code == code }
    }

    package static func day(_ iso: String) -> Int32 {
        let p = iso.split(separator: "-").map { Int($0)! }
        return CivilDate(year: p[0], month: p[1], day: p[2])!.days
    }
}
