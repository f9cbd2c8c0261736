import Crypto
import Logging
import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolModel
import RegpoolParquet

/// Runs a pipeline file end to end: parse, scan inboxes, extract and map each centre, link and
/// pool the patients, assemble the CDM tables, write Parquet, crosswalk, clerical review, audit and
/// manifest into a staging folder, then publish.
package struct PipelineRunner {
    package let pipelinePath: String
    package let outputOverride: String?
    /// Which previous id crosswalk to read (default: the pipeline's `linkage.crosswalk`).
    package let crosswalk: CrosswalkChoice
    package let logger: Logger
    /// Only these exports are read, and each must still hash as listed (`verify --rebuild`).
    var pinnedInputs: [Manifest.Input]?
    /// With `pinnedInputs`: the files the build ignored, by centre (newer ignored files are not named).
    var pinnedIgnored: [(centre: String, file: String)] = []
    /// The pipeline, mapping and vocabulary files must hash as listed (`verify --rebuild`).
    var expectedConfigs: [Manifest.ConfigFile]?
    /// Told each stage as it starts (a progress line on a terminal).
    package var progress: RunProgress?
    /// `--full`: read every centre's exports again instead of reusing staged results.
    package var full = false
    /// What becomes of the in-memory results the run no longer needs (`.atExit` for the CLI).
    package var disposal: Disposal = .background

    package init(
        pipelinePath: String, outputOverride: String? = nil, crosswalk: CrosswalkChoice = .configured,
        logger: Logger = Logger(label: "regpool")
    ) {
        self.pipelinePath = pipelinePath
        self.outputOverride = outputOverride
        self.crosswalk = crosswalk
        self.logger = logger
    }

    /// Builds and publishes; throws PipelineError when nothing could be built.
    package func run() throws -> RunSummary {
        let pipeline = try LoadedPipeline.load(pipelinePath: pipelinePath, outputOverride: outputOverride)
        let lock = try OutputLock.take(pipeline.config.outputDirectory, logger: logger)
        defer { lock.release() }
        let key = try KeyLoader.load(pipeline.config.key)
        let inboxes = try scanInboxes(pipeline)
        let linkInputs = try LinkageInputs.load(pipeline, crosswalk: crosswalk)
        let configs = pipeline.configFiles + linkInputs.files
        if let expectedConfigs { try Self.checkConfigs(configs, expected: expectedConfigs) }
        let fingerprint = KeyLoader.fingerprint(key)
        let inputs = inboxes.flatMap { $0.manifestInputs(pipeline.display) }
        let ignored = inboxes.flatMap { inbox in inbox.ignored.map { (centre: inbox.centre.id, file: $0) } }
        let buildID = Self.buildID(configs: configs, inputs: inputs, ignored: ignored, keyFingerprint: fingerprint)
        logger.info("build started", metadata: ["build": "\(buildID)", "centres": "\(inboxes.count)"])

        let cache = CentreStageCache(
            folder: pipeline.config.outputDirectory + "/stage", pipeline: pipeline, reuse: !full,
            logger: logger)
        defer { cache.finish() }  // staged results are complete before the lock is let go
        let centres = CentreStage.run(pipeline, inboxes: inboxes, logger: logger, progress: progress, cache: cache)
        progress?("link", inboxes.count, inboxes.count + 3)
        let pooled = try Self.pool(centres.results, pipeline: pipeline, inputs: linkInputs, key: key, logger: logger)
        progress?("assemble", inboxes.count + 1, inboxes.count + 3)
        var (tables, audit) = CohortAssembler.assemble(centres.results, pooled: pooled, workers: .threads)
        audit.merge(centres.audit)
        // Every rejected record, by the extractor or the transform, is a `rejected` lineage entry.
        let rejected = pooled.lineage.reduce(0) { $0 + $1.filter { !$0.isAccepted }.count }

        var manifest = Manifest(
            buildID: buildID, pipeline: pipeline.display.of(pipelinePath), regpoolVersion: RegpoolVersion.number,
            cdmVersion: CDM.version, keyFingerprint: fingerprint, inputs: inputs, configs: configs, outputs: [],
            rejectedFiles: centres.filesRejected, rejectedRecords: rejected)
        manifest.complete(pooled: pooled, ignored: ignored, parquet: pipeline.config.parquet)
        progress?("write", inboxes.count + 2, inboxes.count + 3)
        let writer = BuildWriter(
            outputDirectory: pipeline.config.outputDirectory, buildID: buildID, parquet: pipeline.config.parquet)
        // The report, exports and review files are made while the tables are encoded.
        let path = try writer.write(
            tables: tables,
            extras: {
                try LinkageReport.files(pooled, settings: pipeline.config.linkage, buildID: buildID)
                    + (try CohortReportFiles.files(tables: tables, buildID: buildID)) + DataDictionaryFiles.files()
                    + (try ExportFiles.files(pipeline.config.exports, tables: tables))
            }, audit: audit, manifest: manifest, workers: .threads)
        let removed = prune(pipeline.config)
        disposal.release((centres.results, pooled))
        return RunSummary(
            buildID: buildID, buildPath: path, tables: tables, recordsRead: centres.recordsRead,
            recordsRejected: rejected, filesRejected: centres.filesRejected, removedBuilds: removed,
            centresReused: centres.reused)
    }

    /// Links, merges and names the patients; logs how long linkage took and how many pairs it compared.
    static func pool(
        _ results: [CentreResult], pipeline: LoadedPipeline, inputs: LinkageInputs, key: [UInt8],
        logger: Logger
    ) throws -> PooledPatients {
        let clock = ContinuousClock()
        let started = clock.now
        let pooled: PooledPatients
        do {
            pooled = try PooledPatients.pool(
                results, linkage: pipeline.config.linkage, overrides: inputs.overrides,
                previous: inputs.previous, pseudonymizer: Pseudonymizer(key: key), workers: .threads)
        } catch {
            throw PipelineError(
                .config, "Linkage cannot run with this pipeline's settings: \(error). Nothing was built.")
        }
        try checkCrosswalk(inputs.previous, pooled: pooled, key: key)
        let seconds = (clock.now - started).seconds
        logger.info(
            "linkage done",
            metadata: [
                "local_patients": "\(pooled.pooledIDs.count)", "pooled_patients": "\(pooled.patients.count)",
                "pairs_compared": "\(pooled.linkage?.pairsCompared ?? 0)", "seconds": "\(seconds)",
            ])
        return pooled
    }

    /// Refuses a previous crosswalk none of whose member keys is a member of this build: it was
    /// made with another key (or for other centres), and using it would retire every pooled id.
    static func checkCrosswalk(_ previous: Crosswalk?, pooled: PooledPatients, key: [UInt8]) throws {
        guard let previous, !previous.entries.isEmpty, !pooled.pooledIDs.isEmpty else { return }
        let pseudonymizer = Pseudonymizer(key: key)
        let known = pooled.pooledIDs.keys.contains {
            previous.pooledID(memberKey: pseudonymizer.memberKey(centre: $0.centre, localID: $0.localID)) != nil
        }
        guard !known else { return }
        throw PipelineError(
            .config,
            "The previous crosswalk (\(previous.entries.count) member keys) names none of this "
                + "build's \(pooled.pooledIDs.count) local patients: it was written with another pseudonym key or for other "
                + "centres, and would give every patient a new pooled_id. Nothing was built. Use the crosswalk.csv of this "
                + "pipeline's previous build, or run with --no-crosswalk to start the ids afresh (say so to the statisticians)."
        )
    }

    /// Throws naming the first configuration file that differs from what a build used.
    static func checkConfigs(_ found: [Manifest.ConfigFile], expected: [Manifest.ConfigFile]) throws {
        for file in expected where file.role != "crosswalk" {
            guard let now = found.first(where: { $0.role == file.role && $0.path == file.path }) else {
                throw PipelineError(
                    .verification,
                    "The build used \(file.path) (\(file.role)), which this pipeline no "
                        + "longer reads; check out the pipeline and mappings the build was made with.")
            }
            guard now.sha256 == file.sha256 else {
                throw PipelineError(
                    .verification,
                    "\(file.path) (\(file.role)) has changed since the build (SHA-256 "
                        + "\(now.sha256), the build used \(file.sha256)); check out the version it was made with "
                        + "(e.g. git log -- \(file.path)).")
            }
        }
    }

    /// A build id derived from everything that determines the build's content (never the clock).
    /// Ignored inbox files count too: they are named in the audit.
    static func buildID(
        configs: [Manifest.ConfigFile], inputs: [Manifest.Input],
        ignored: [(centre: String, file: String)] = [], keyFingerprint: String
    ) -> String {
        var text = "regpool \(RegpoolVersion.number) cdm \(CDM.version) key \(keyFingerprint)\n"
        for c in configs { text += "config \(c.role) \(c.sha256)\n" }
        for i in inputs { text += "input \(i.centre) \(i.path) \(i.sha256)\n" }
        for i in ignored { text += "ignored \(i.centre) \(i.file)\n" }
        let digest = SHA256.hash(data: Array(text.utf8))
        return "b-" + Hex.lowercase(digest.prefix(8))
    }
}
