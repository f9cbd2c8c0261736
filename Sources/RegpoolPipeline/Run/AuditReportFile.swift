import RegpoolLoad
import RegpoolModel
import RegpoolReport

/// audit.html, the auditors' page every build carries (RegpoolReport's `AuditReport`).
enum AuditReportFile {
    static let name = "audit.html"

    /// The page for the build's final events (in audit.jsonl order) and its manifest's inputs.
    static func html(events: [AuditEvent], manifest: Manifest, tables: [TableData]) throws -> [UInt8] {
        let input = AuditReportInput(
            buildID: manifest.buildID, regpoolVersion: manifest.regpoolVersion,
            inputs: manifest.inputs.map { .init(centre: $0.centre, path: $0.path, bytes: $0.bytes, sha256: $0.sha256) },
            events: events, sourceRecords: tables.first { $0.schema.name == CDM.sourceRecords.name })
        do {
            return try AuditReport.render(input)
        } catch {
            throw PipelineError(.output, "audit.html could not be made: \(error). Nothing was published.")
        }
    }
}
