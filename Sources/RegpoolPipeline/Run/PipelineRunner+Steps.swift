import RegpoolCodecs
import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolParquet

/// The steps of a run around the pure work: inboxes in, manifest filled, old builds out.
extension PipelineRunner {
    /// Every centre's inbox, restricted to the exports (and ignored files) of `pinnedInputs` when set.
    func scanInboxes(_ pipeline: LoadedPipeline) throws -> [CentreInbox] {
        let inboxes = try pipeline.config.centres.map { centre in
            try CentreInbox.scan(centre, mapping: pipeline.mappings[centre.id]!)
        }
        guard let pinnedInputs else { return inboxes }
        let pinned = inboxes.map { inbox in
            inbox.restricted(
                to: Set(pinnedInputs.map(\.path)), display: pipeline.display,
                ignored: pinnedIgnored.filter { $0.centre == inbox.centre.id }.map(\.file))
        }
        try CentreInbox.checkPinned(pinnedInputs, found: pinned.flatMap { $0.manifestInputs(pipeline.display) })
        return pinned
    }

    /// Removes builds beyond `keep_builds` after a publish (logged); returns their ids.
    func prune(_ config: PipelineConfig) -> [String] {
        let removed = OutputFolder(path: config.outputDirectory).prune(keep: config.keepBuilds)
        if !removed.isEmpty {
            logger.notice(
                "old builds removed",
                metadata: [
                    "keep_builds": "\(config.keepBuilds)", "removed": "\(removed.joined(separator: ", "))",
                ])
        }
        return removed
    }
}

extension Manifest {
    /// Fills in the linkage figures, the ignored files, the codec and the libraries the bytes depend on.
    mutating func complete(pooled: PooledPatients, ignored: [(centre: String, file: String)], parquet: ParquetSettings)
    {
        linkage = LinkageReport.manifest(pooled)
        self.ignored = ignored
        parquetCodec = parquet.codec
        libraries = CodecLibraries.versions
    }
}
