import RegpoolExport
import RegpoolModel
import RegpoolReport

/// The optional exports of analysis_cohort (`exports:` in the pipeline): `exports/analysis_cohort.sav`
/// (SPSS, variable and value labels from the data dictionary) and `exports/analysis_cohort.csv`
/// with `exports/analysis_cohort.dictionary.md` beside it.
enum ExportFiles {
    static let sav = "exports/analysis_cohort.sav"
    static let csv = "exports/analysis_cohort.csv"
    static let csvDictionary = "exports/analysis_cohort.dictionary.md"

    /// The files of `formats`, in a fixed order whatever the order given.
    static func files(_ formats: [String], tables: [TableData]) throws -> [BuildWriter.ExtraFile] {
        guard !formats.isEmpty else { return [] }
        guard let cohort = tables.first(where: { $0.schema.name == CDM.analysisCohort.name }) else { return [] }
        var files: [BuildWriter.ExtraFile] = []
        if formats.contains("spss") {
            let label = "regpool \(RegpoolVersion.number) analysis_cohort, CDM \(CDM.version)"
            do {
                let bytes = try SAVWriter.encode(cohort, plan: SPSSVariable.plan(cohort), fileLabel: label)
                files.append(.init(name: sav, bytes: bytes, rows: cohort.rows.count))
            } catch {
                throw PipelineError(.output, "The SPSS export could not be written: \(error). Nothing was published.")
            }
        }
        if formats.contains("csv") {
            files.append(.init(name: csv, bytes: CSVExport.encode(cohort), rows: cohort.rows.count))
            let section = DataDictionary(regpoolVersion: RegpoolVersion.number).section(cohort.schema)
            let text =
                "# analysis_cohort.csv — data dictionary\n\nRFC 4180, UTF-8, CRLF; null = empty field; "
                + "dates ISO 8601; booleans true/false. CDM version \(CDM.version).\n\n" + section
            files.append(.init(name: csvDictionary, bytes: Array(text.utf8), rows: nil))
        }
        return files
    }
}
