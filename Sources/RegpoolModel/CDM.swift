/// The common data model, version 1: the output contract (`cdm.md`) in code.
package enum CDM {
    /// The CDM version written into every build's metadata.
    package static let version = "1"

    /// Months are days divided by this, as the contract says.
    package static let daysPerMonth = 30.4375

    /// Every table, in the order builds write them.
    package static let tables: [TableSchema] = [
        patients, lenCourses, treatmentLines, transplants, outcomes, labResults,
        analysisCohort, exclusions, sourceRecords,
    ]

    /// The table named `name`, or nil.
    package static func table(_ name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }

    /// Tables a centre's mapping may fill; the others are derived by regpool.
    package static let mappableTables: [TableSchema] = [
        patients, lenCourses, treatmentLines, transplants, outcomes, labResults,
    ]

    /// The tables a mapping fills with several rows per patient, in build order.
    package static let childTables: [TableSchema] = [lenCourses, treatmentLines, transplants, labResults]

    /// Columns regpool fills itself; a mapping may not name them.
    package static let derivedColumns: Set<String> = [
        "pooled_id", "region", "cohort_source", "n_source_records",
    ]
}
