import Logging
import RegpoolCohort
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Every centre of a pipeline extracted and mapped (the part of a run before linkage), shared by
/// `run` and `explain-link`.
struct CentreStage {
    /// The centres' results, in the pipeline's order.
    let results: [CentreResult]
    /// The extraction audit of every centre (the mapping audit stays in each result).
    let audit: AuditLog
    let recordsRead: Int
    let filesRejected: Int

    /// Centres whose staged result was reused (not read again), in pipeline order.
    var reused: [String] = []

    /// Extracts and maps every inbox with its centre's mapping — or, with a `cache`, reuses the
    /// staged result of a centre whose inbox, mapping and settings are unchanged.
    static func run(
        _ pipeline: LoadedPipeline, inboxes: [CentreInbox], logger: Logger,
        progress: RunProgress? = nil, cache: CentreStageCache? = nil
    ) -> CentreStage {
        var audit = AuditLog()
        var results: [CentreResult] = []
        var reused: [String] = []
        var read = 0
        var rejectedFiles = 0
        for (index, inbox) in inboxes.enumerated() {
            progress?("extract \(inbox.centre.id)", index, inboxes.count + 3)
            let outcome: CentreExtraction.Outcome
            if let staged = cache?.load(inbox) {
                outcome = staged
                reused.append(inbox.centre.id)
            } else {
                outcome = CentreExtraction(
                    inbox: inbox, mapping: pipeline.mappings[inbox.centre.id]!,
                    validation: pipeline.config.validation, logger: logger
                ).run()
                cache?.save(outcome, inbox: inbox)
            }
            results.append(outcome.result)
            audit.merge(outcome.audit)
            read += outcome.recordsRead
            rejectedFiles += outcome.filesRejected
            logger.info(
                "centre mapped", metadata: ["centre": "\(inbox.centre.id)", "records": "\(outcome.recordsRead)"])
        }
        var stage = CentreStage(results: results, audit: audit, recordsRead: read, filesRejected: rejectedFiles)
        stage.reused = reused
        return stage
    }
}
