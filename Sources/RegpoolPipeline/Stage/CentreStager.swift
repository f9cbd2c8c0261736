import Logging
import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping

/// `regpool stage PIPELINE --centre ID`: one centre's exports extracted, mapped and staged
/// (`<output>/stage/<centre>/<key>/`) without pooling — a job that can run on another machine
/// while the pooling `regpool run` reuses its result (docs/scaling.md). Needs no pseudonym key.
package struct CentreStager: Sendable {
    /// What staging did.
    package struct Outcome: Sendable {
        package let centre: String
        package let key: String
        package let path: String
        /// False when an up-to-date staged result was already there.
        package let extracted: Bool
        package let recordsRead: Int
        package let filesRejected: Int
        package let recordsRejected: Int

        /// One line for the job's log.
        package var line: String {
            "regpool: \(extracted ? "staged" : "already staged") \(centre): \(recordsRead) records read, "
                + "\(recordsRejected) record(s) and \(filesRejected) file(s) rejected → \(path)"
        }

        /// 3 when something was rejected (as `run`), else 0.
        package var exitStatus: ExitStatus { recordsRejected + filesRejected > 0 ? .builtWithRejectedInputs : .success }
    }

    let pipelinePath: String
    let centre: String
    let outputOverride: String?
    let full: Bool
    let logger: Logger

    package init(
        pipelinePath: String, centre: String, outputOverride: String? = nil, full: Bool = false,
        logger: Logger = Logger(label: "regpool")
    ) {
        self.pipelinePath = pipelinePath
        self.centre = centre
        self.outputOverride = outputOverride
        self.full = full
        self.logger = logger
    }

    /// Stages the centre (or finds it staged); a usage error when the pipeline has no such centre.
    package func run() throws -> Outcome {
        let pipeline = try LoadedPipeline.load(pipelinePath: pipelinePath, outputOverride: outputOverride)
        guard let config = pipeline.config.centres.first(where: { $0.id == centre }) else {
            throw PipelineError(
                .usage,
                "\(pipelinePath) has no centre \(centre); its centres are "
                    + pipeline.config.centres.map(\.id).joined(separator: ", ") + ".")
        }
        let inbox = try CentreInbox.scan(config, mapping: pipeline.mappings[centre]!)
        let cache = CentreStageCache(
            folder: pipeline.config.outputDirectory + "/stage", pipeline: pipeline, reuse: !full,
            logger: logger)
        var outcome = cache.load(inbox)
        let extracted = outcome == nil
        if outcome == nil {
            let fresh = CentreExtraction(
                inbox: inbox, mapping: pipeline.mappings[centre]!,
                validation: pipeline.config.validation, logger: logger
            ).run()
            cache.save(fresh, inbox: inbox)
            cache.finish()
            outcome = fresh
        }
        let key = cache.key(inbox)
        let result = outcome!
        return Outcome(
            centre: centre, key: key, path: "\(cache.folder)/\(centre)/\(key)", extracted: extracted,
            recordsRead: result.recordsRead, filesRejected: result.filesRejected,
            recordsRejected: result.result.lineage.filter { !$0.isAccepted }.count)
    }
}
