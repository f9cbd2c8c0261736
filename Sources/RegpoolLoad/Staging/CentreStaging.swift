import RegpoolConfig
import RegpoolMapping
import RegpoolModel
import RegpoolParquet

/// One centre's extracted and mapped result as plain tables, and back: what a run stages per
/// centre (as Parquet) so that the next run, or a pooling run on another machine, can reuse it
/// without reading the centre's exports again. Putting the tables back gives a `CentreResult`
/// and extraction audit equal to the ones that were staged, so the build is the same bytes.
package enum CentreStaging {
    /// Bumped whenever the tables change shape: a staged result of another version is not reused.
    package static let formatVersion = 1

    /// The CDM tables a centre's rows go to (pooled_id still null).
    package static let rowTables = [
        CDM.patients, CDM.lenCourses, CDM.treatmentLines, CDM.transplants, CDM.outcomes,
        CDM.labResults,
    ]

    /// Every staged table's schema, by name.
    package static var schemas: [TableSchema] {
        [StagingSchemas.patients, StagingSchemas.notes, StagingSchemas.lineage, StagingSchemas.audit]
            + rowTables.map(StagingSchemas.rows)
    }
}

/// Why a result cannot be staged or a staged result cannot be read (the run then maps the
/// centre's exports instead).
package struct StagingError: Error, Sendable, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}

/// The schemas of the staged tables (not CDM tables: names start with `stage_`).
enum StagingSchemas {
    static func s(_ name: String, required: Bool = false) -> ColumnSchema {
        ColumnSchema(name, .string, required: required)
    }
    static func i(_ name: String) -> ColumnSchema { ColumnSchema(name, .int32, required: true) }

    static let patients = TableSchema(
        name: "stage_patients", meaning: "a centre's local patients", naturalKey: [],
        columns: [
            s("local_id", required: true), i("record_count"), i("patient_record_count"),
            ColumnSchema("has_patients", .bool, required: true), ColumnSchema("has_outcomes", .bool, required: true),
            s("outcomes_origin"), s("child_tables", required: true), s("link_keys", required: true),
            s("column_origins", required: true), s("row_origins", required: true),
        ])

    static let notes = TableSchema(
        name: "stage_notes", meaning: "unit conversions and date imputations", naturalKey: [],
        columns: [
            s("local_id", required: true), s("table", required: true), i("row"), i("column"), s("kind", required: true),
            s("unit"), ColumnSchema("factor", .double), s("pattern"), s("imputation"), s("tag_field"),
            s("tag_target", required: true), s("tag_reference", required: true), s("source", required: true),
        ])

    static let lineage = TableSchema(
        name: "stage_lineage", meaning: "every record of the centre", naturalKey: [],
        columns: [
            s("local_id", required: true), s("file", required: true), s("locator", required: true),
            s("sha256", required: true),
            s("status", required: true), ColumnSchema("match_probability", .double), s("reject_reason"),
        ])

    static let audit = TableSchema(
        name: "stage_audit", meaning: "the centre's audit logs", naturalKey: [],
        columns: [
            s("log", required: true), ColumnSchema("summary", .bool, required: true), s("code", required: true),
            s("centre"), s("file"), s("locator"), s("field"), s("target"), s("source_value"), s("target_value"),
            s("rule"),
            ColumnSchema("count", .int32), s("message", required: true), i("summary_count"), s("key_centre"),
            s("key_field"),
            s("key_target"), s("key_source"), s("key_target_value"), s("key_rule"),
        ])

    /// A CDM table's columns, all nullable, after the local id and the row's index.
    static func rows(_ cdm: TableSchema) -> TableSchema {
        TableSchema(
            name: "stage_rows_\(cdm.name)", meaning: "mapped rows of \(cdm.name)", naturalKey: [],
            columns: [s("local_id", required: true), i("row")]
                + cdm.columns.map { ColumnSchema($0.name, $0.type, required: false, $0.meaning) })
    }
}
