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
    /// staged result of a centre whose inbox, mapping and settings are unchanged. Centres are
    /// read at once on the machine's cores (the largest inbox first); results, audit and log lines
    /// come in the pipeline's order.
    static func run(
        _ pipeline: LoadedPipeline, inboxes: [CentreInbox], logger: Logger,
        progress: RunProgress? = nil, cache: CentreStageCache? = nil
    ) -> CentreStage {
        let sizes = inboxes.map { $0.files.reduce(0) { $0 + $1.bytes } }
        let outcomes = Workers.threads.map(inboxes.count, costs: sizes) { index in
            let inbox = inboxes[index]
            progress?("extract \(inbox.centre.id)", index, inboxes.count + 3)
            if let staged = cache?.load(inbox) { return (outcome: staged, reused: true) }
            let outcome = CentreExtraction(
                inbox: inbox, mapping: pipeline.mappings[inbox.centre.id]!,
                validation: pipeline.config.validation, logger: logger
            ).run()
            cache?.save(outcome, inbox: inbox)
            return (outcome: outcome, reused: false)
        }
        var audit = AuditLog()
        var read = 0
        var rejectedFiles = 0
        for (inbox, (outcome, _)) in zip(inboxes, outcomes) {
            audit.merge(outcome.audit)
            read += outcome.recordsRead
            rejectedFiles += outcome.filesRejected
            logger.info(
                "centre mapped", metadata: ["centre": "\(inbox.centre.id)", "records": "\(outcome.recordsRead)"])
        }
        var stage = CentreStage(
            results: outcomes.map(\.outcome.result), audit: audit, recordsRead: read, filesRejected: rejectedFiles)
        stage.reused = zip(inboxes, outcomes).filter { $0.1.reused }.map(\.0.centre.id)
        return stage
    }
}
