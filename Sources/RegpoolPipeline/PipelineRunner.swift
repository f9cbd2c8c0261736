import Crypto
import Logging
import RegpoolConfig
import RegpoolLoad
import RegpoolModel
import RegpoolTransform

/// Runs a pipeline file end to end: parse, scan inboxes, extract and map each centre, assemble
/// the CDM tables, write Parquet, audit and manifest into a staging folder, then publish.
public struct PipelineRunner {
    public let pipelinePath: String
    public let outputOverride: String?
    public let logger: Logger

    public init(pipelinePath: String, outputOverride: String? = nil, logger: Logger = Logger(label: "regpool")) {
        self.pipelinePath = pipelinePath
        self.outputOverride = outputOverride
        self.logger = logger
    }

    /// Builds and publishes; throws PipelineError when nothing could be built.
    public func run() throws -> RunSummary {
        let pipeline = try LoadedPipeline.load(pipelinePath: pipelinePath, outputOverride: outputOverride)
        let key = try KeyLoader.load(pipeline.config.key)
        let inboxes = try pipeline.config.centres.map { centre in
            try CentreInbox.scan(centre, mapping: pipeline.mappings[centre.id]!)
        }
        let fingerprint = KeyLoader.fingerprint(key)
        let inputs = inboxes.flatMap { $0.manifestInputs(pipeline.display) }
        let buildID = Self.buildID(configs: pipeline.configFiles, inputs: inputs, keyFingerprint: fingerprint)
        logger.info("build started", metadata: ["build": "\(buildID)", "centres": "\(inboxes.count)"])

        let centres = CentreStage.run(pipeline, inboxes: inboxes, logger: logger)
        var audit = centres.audit  // each centre's mapping audit comes back through assemble()
        let results = centres.results
        let read = centres.recordsRead, rejectedFiles = centres.filesRejected
        let (tables, cohortAudit) = CohortAssembler.assemble(results, pseudonymizer: Pseudonymizer(key: key))
        audit.merge(cohortAudit)
        // Every rejected record, by the extractor or the transform, is a `rejected` lineage entry.
        let rejected = results.reduce(0) { $0 + $1.lineage.filter { !$0.isAccepted }.count }

        let manifest = Manifest(
            buildID: buildID, pipeline: pipeline.display.of(pipelinePath), regpoolVersion: RegpoolVersion.number, cdmVersion: CDM.version,
            keyFingerprint: fingerprint, inputs: inputs, configs: pipeline.configFiles, outputs: [],
            rejectedFiles: rejectedFiles, rejectedRecords: rejected)
        let path = try BuildWriter(outputDirectory: pipeline.config.outputDirectory, buildID: buildID)
            .write(tables: tables, audit: audit, manifest: manifest)
        return RunSummary(
            buildID: buildID, buildPath: path, tables: tables, recordsRead: read, recordsRejected: rejected,
            filesRejected: rejectedFiles)
    }

    /// A build id derived from everything that determines the build's content (never the clock).
    static func buildID(configs: [Manifest.ConfigFile], inputs: [Manifest.Input], keyFingerprint: String) -> String {
        var text = "regpool \(RegpoolVersion.number) cdm \(CDM.version) key \(keyFingerprint)\n"
        for c in configs { text += "config \(c.role) \(c.sha256)\n" }
        for i in inputs { text += "input \(i.centre) \(i.path) \(i.sha256)\n" }
        let digest = SHA256.hash(data: Array(text.utf8))
        return "b-" + SHA256Hex.hex(digest.prefix(8))
    }
}
