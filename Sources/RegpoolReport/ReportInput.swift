import RegpoolModel

/// What the cohort report is made from: a build's id and its tables.
public struct ReportInput: Sendable {
    public let buildID: String
    public let regpoolVersion: String
    public let tables: [TableData]

    /// The report needs patients, analysis_cohort, exclusions and source_records; other tables are ignored.
    public init(buildID: String, regpoolVersion: String, tables: [TableData]) {
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
            throw ReportError("\(schema.name) does not have the CDM \(CDM.version) columns; was it made by another CDM version?")
        }
        return table
    }
}

/// Why a report could not be made.
public struct ReportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
