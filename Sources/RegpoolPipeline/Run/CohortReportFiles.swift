import RegpoolModel
import RegpoolReport

/// The cohort report every build carries: `report.json` (the figures) and `report.html` (the page).
enum CohortReportFiles {
    static let json = "report.json"
    static let html = "report.html"

    /// Renders the report of a build's tables; a report that cannot be made stops the build.
    static func files(tables: [TableData], buildID: String) throws -> [BuildWriter.ExtraFile] {
        let rendered: (json: [UInt8], html: [UInt8])
        do {
            rendered = try CohortReport.render(
                ReportInput(buildID: buildID, regpoolVersion: RegpoolVersion.number, tables: tables), workers: .threads)
        } catch {
            throw PipelineError(.output, "The cohort report could not be made: \(error). Nothing was published.")
        }
        return [.init(name: json, bytes: rendered.json, rows: nil), .init(name: html, bytes: rendered.html, rows: nil)]
    }
}
