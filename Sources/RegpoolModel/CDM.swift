/// The common data model, version 1: the output contract (`cdm.md`) in code.
public enum CDM {
    /// The CDM version written into every build's metadata.
    public static let version = "1"

    /// Months are days divided by this, as the contract says.
    public static let daysPerMonth = 30.4375

    /// Every table, in the order builds write them.
    public static let tables: [TableSchema] = [
        patients, lenCourses, treatmentLines, transplants, outcomes, labResults,
        analysisCohort, exclusions, sourceRecords,
    ]

    /// The table named `name`, or nil.
    public static func table(_ name: String) -> TableSchema? {
        tables.first { $0.name == name }
    }

    /// Tables a centre's mapping may fill; the others are derived by regpool.
    public static let mappableTables: [TableSchema] = [
        patients, lenCourses, treatmentLines, transplants, outcomes, labResults,
    ]

    /// Columns regpool fills itself; a mapping may not name them.
    public static let derivedColumns: Set<String> = [
        "pooled_id", "region", "cohort_source", "n_source_records",
    ]
}
