import Logging
import RegpoolConfig
import RegpoolModel

/// `regpool check`: parses the pipeline and every mapping strictly, then reads every centre's
/// current inbox through its mapping and reports what a run would leave unmapped or reject.
/// Writes nothing and never loads the pseudonym key.
package struct PipelineChecker {
    package let pipelinePath: String
    package let logger: Logger

    /// A checker of `pipelinePath`; the logger is silent unless one is given.
    package init(pipelinePath: String, logger: Logger? = nil) {
        self.pipelinePath = pipelinePath
        self.logger = logger ?? Logger(label: "regpool", factory: { _ in SwiftLogNoOpLogHandler() })
    }

    /// The findings; throws PipelineError (.config with every problem, or .input for an unreadable inbox).
    package func check() throws -> CheckReport {
        let pipeline = try LoadedPipeline.load(pipelinePath: pipelinePath, outputOverride: nil)
        _ = try LinkageInputs.load(pipeline, crosswalk: .none)  // the overrides file, as strictly as a run reads it
        let centres = try pipeline.config.centres.map { centre in
            let mapping = pipeline.mappings[centre.id]!
            let inbox = try CentreInbox.scan(centre, mapping: mapping)
            return Self.check(inbox, mapping: mapping, validation: pipeline.config.validation, logger: logger)
        }
        return CheckReport(pipeline: pipelinePath, centres: centres)
    }

    /// One centre: extract and map every file as a run would, and keep the problems of the audit.
    static func check(
        _ inbox: CentreInbox, mapping: MappingConfig, validation: ValidationSettings = .defaults,
        logger: Logger
    ) -> CheckReport.Centre {
        var extraction = CentreExtraction(inbox: inbox, mapping: mapping, logger: logger)
        extraction.validation = validation
        let outcome = extraction.run()
        let events = (outcome.audit.events() + outcome.result.audit.events()).sorted(by: AuditEvent.precedes)
        var tally = UnmappedTally()
        tally.add(events)
        let unmapped = tally.entries.map {
            CheckReport.Unmapped(
                field: $0.field, target: $0.target, value: $0.value, count: $0.count,
                firstFile: $0.firstFile, firstLocator: $0.firstLocator)
        }
        let finding = { (e: AuditEvent) in
            CheckReport.Rejection(
                code: e.code.code, event: e.code.event, file: e.file, locator: e.locator,
                field: e.field, value: e.sourceValue, message: e.message)
        }
        return CheckReport.Centre(
            id: inbox.centre.id, files: inbox.files.count, recordsRead: outcome.recordsRead, unmapped: unmapped,
            rejections: events.filter { CheckReport.rejectionCodes.contains($0.code) }.map(finding),
            dropped: events.filter { CheckReport.droppedCodes.contains($0.code) || $0.code.stage == .validate }
                .map(finding),
            notes: inbox.events.map(\.message))
    }
}
