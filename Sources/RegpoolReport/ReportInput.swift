import RegpoolModel

/// What the cohort report is made from: a build's id and its tables.
package struct ReportInput: Sendable {
    package let buildID: String
    package let regpoolVersion: String
    package let tables: [TableData]

    /// The report needs patients, analysis_cohort, exclusions and source_records; other tables are ignored.
    package init(buildID: String, regpoolVersion: String, tables: [TableData]) {
        self.buildID = buildID
        self.regpoolVersion = regpoolVersion
        self.tables = tables
    }

    /// The table named `name`, or an error naming it.
    func table(_ schema: TableSchema) throws -> TableData {
        guard let table = tables.first(where: { $0.schema.name == schema.name }) else {
            throw ReportError("the report needs the \(schema.name) table, which the build does not hold")
        }
        guard table.schema == schema else {
            throw ReportError(
                "\(schema.name) does not have the CDM \(CDM.version) columns; was it made by another CDM version?")
        }
        return table
    }
}

/// Why a report could not be made.
package struct ReportError: Error, CustomStringConvertible, Sendable {
    package let description: String
    init(_ description: String) { self.description = description }
}
