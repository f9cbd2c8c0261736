import Logging
import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping

/// `regpool explain-link`: reads every inbox as a run does, links the patients with the pipeline's
/// settings, overrides and crosswalk choice, and explains the decision on one pair. Writes nothing.
package struct LinkExplainer {
    package let pipelinePath: String
    package let logger: Logger

    /// An explainer for the pipeline file at `pipelinePath`.
    package init(pipelinePath: String, logger: Logger = Logger(label: "regpool")) {
        self.pipelinePath = pipelinePath
        self.logger = logger
    }

    /// The waterfall of `a` and `b`; a PipelineError when the pipeline has no linkage or a
    /// reference names no local patient of this build.
    /// The local patient `CENTRE:LOCAL_ID` names, or nil when `text` is not of that form.
    package static func reference(_ text: String) -> PatientReference? { PatientReference(text: text) }

    package func explain(_ a: PatientReference, _ b: PatientReference) throws -> LinkExplanation {
        try explain(pairs: [(a, b)])[0]
    }

    /// The waterfalls of several pairs from one reading of the inboxes; with `pinned`, only the
    /// exports a published build read, each still as it was (`regpool explain`).
    func explain(
        pairs: [(PatientReference, PatientReference)], pinned: [Manifest.Input]? = nil
    ) throws -> [LinkExplanation] {
        let pipeline = try LoadedPipeline.load(pipelinePath: pipelinePath, outputOverride: nil)
        guard let settings = pipeline.config.linkage else {
            throw PipelineError(
                .config,
                "\(pipelinePath) has no `linkage:` section: every local patient is its own "
                    + "pooled patient, so there is no link to explain. See docs/pipeline.md, \"Linkage\".")
        }
        var inboxes = try pipeline.config.centres.map { try CentreInbox.scan($0, mapping: pipeline.mappings[$0.id]!) }
        if let pinned {
            inboxes = inboxes.map { $0.restricted(to: Set(pinned.map(\.path)), display: pipeline.display) }
            try CentreInbox.checkPinned(pinned, found: inboxes.flatMap { $0.manifestInputs(pipeline.display) })
        }
        let inputs = try LinkageInputs.load(pipeline, crosswalk: .none)
        let centres = CentreStage.run(pipeline, inboxes: inboxes, logger: logger)
        let records = centres.results.flatMap { r in r.patients.map { LinkRecord(patient: $0, centre: r.centre) } }
        let linker: Linker
        do {
            linker = try Linker(records: records, settings: settings, overrides: inputs.overrides)
        } catch {
            throw PipelineError(.config, "Linkage cannot run with this pipeline's settings: \(error).")
        }
        return try pairs.map { a, b in
            for r in [a, b] where linker.result.index(of: r) == nil {
                throw PipelineError(
                    .usage,
                    "No local patient \(r.description) in this build: "
                        + Self.hint(r, among: linker.result.records.map(\.reference)))
            }
            return try linker.explain(a: a, b: b)
        }
    }

    /// Where to look when a reference names no patient.
    package static func hint(_ r: PatientReference, among references: [PatientReference]) -> String {
        let centres = Set(references.map(\.centre))
        guard centres.contains(r.centre) else {
            return "there is no centre \(r.centre); the centres are \(centres.sorted().joined(separator: ", "))."
        }
        return "centre \(r.centre) sent no patient with local id \"\(r.localID)\" (or all its records were rejected; "
            + "see `regpool check`). Write the id exactly as the export does."
    }
}
