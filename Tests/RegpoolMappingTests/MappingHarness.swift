import RegpoolConfig
import RegpoolConfigParser
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolMapping

/// Maps small CSV-shaped inputs through a mapping written as YAML, as a data manager writes it:
/// the real parser, vocabulary binding and mapper, no hand-built rules.
enum MappingHarness {
    /// One input file for one source: its header and rows (`nil` = absent field).
    struct Input {
        let source: String
        let file: String
        let header: [String]
        let rows: [[String?]]
    }

    /// A whole mapping file with one CSV source `name` (patient key `ID`) whose `tables:` are
    /// `tables` (indented by six spaces), declaring `vocabularies` (a top-level line) if given.
    static func oneSource(_ name: String, vocabularies: String = "", tables: String) -> String {
        """
        version: 1
        \(vocabularies)
        sources:
          - name: \(name)
            files: ["*.csv"]
            format: csv
            patient_key: ID
            tables:
        \(tables)
        """
    }

    /// Parses `yaml` (a whole mapping file), binds `vocabularies` (name → YAML), maps `inputs`.
    static func run(_ yaml: String, vocabularies: [String: String] = [:], _ inputs: [Input]) throws -> CentreResult {
        var mapping = try MappingParser.parse(yaml: yaml, file: "mappings/test.yaml")
        var bound: [String: Vocabulary] = [:]
        for (name, text) in vocabularies {
            bound[name] = try VocabularyParser.parse(yaml: text, file: "vocabularies/\(name).yaml")
        }
        mapping = try mapping.bound(to: bound)
        var mapper = CentreMapper(centre: Fixtures.centre, mapping: mapping)
        for input in inputs {
            guard let spec = mapping.sources.first(where: { $0.name == input.source }) else {
                XCTFail("no source \(input.source)")
                continue
            }
            let names = FieldNames(input.header)
            for (n, row) in input.rows.enumerated() {
                mapper.map(Fixtures.record(input.file, line: n + 2, names, row), source: spec)
            }
        }
        return mapper.finish()
    }

    /// The value of `column` in the `patients`/`outcomes` row (or child row `row`) of local patient
    /// `id`; `.null` when there is no such row (a row needs one field value to exist).
    static func value(_ r: CentreResult, _ id: String, _ table: TableSchema, _ column: String, row: Int = 0) -> Value {
        guard let p = r.patients.first(where: { $0.localID == id }), let i = table.index(of: column) else {
            return .null
        }
        return p.value(table: table.name, row: row, column: i) ?? .null
    }

    /// The rows of child `table` of patient `id`, each as column → value text (nulls left out).
    static func rows(_ r: CentreResult, _ id: String, _ table: TableSchema) -> [[String: String]] {
        guard let p = r.patients.first(where: { $0.localID == id }) else { return [] }
        return p.rows(table.name).map { values in
            var out: [String: String] = [:]
            for (c, v) in zip(table.columns, values) where !v.isNull && c.name != "pooled_id" { out[c.name] = v.text }
            return out
        }
    }
}
