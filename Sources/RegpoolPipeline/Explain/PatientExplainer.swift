import Foundation
import Logging
import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// `regpool explain POOLED_ID`: the lineage of one patient of a published build — its source
/// records, the linkage evidence, every CDM value with the source values and mapping rules that
/// competed for it, and the audit events about it. Reads the build and the exports it read; writes nothing.
package struct PatientExplainer: Sendable {
    let buildPath: String
    let pipelinePath: String?
    let logger: Logger

    /// An explainer of patients of the build at `buildPath`; the pipeline file defaults to
    /// `pipelines/<the manifest's pipeline>` under the working directory.
    package init(buildPath: String, pipelinePath: String? = nil, logger: Logger = Logger(label: "regpool")) {
        self.buildPath = buildPath
        self.pipelinePath = pipelinePath
        self.logger = logger
    }

    /// The explanation; a usage error when the build has no such pooled id.
    package func explain(_ pooledID: String) throws -> PatientExplanation {
        let manifest = try BuildManifestFile(buildPath: buildPath)
        let tables = BuildTableReader(buildPath: buildPath)
        let records = Self.records(of: pooledID, in: try tables.read(CDM.sourceRecords))
        guard !records.isEmpty else {
            throw PipelineError(
                .usage,
                "No pooled patient \(pooledID) in build \(manifest.buildID): pooled ids are "
                    + "P- and 16 characters, as in the build's patients.parquet (ids change when the key changes).")
        }
        let events = Self.events(try BuildAuditFile.read(buildPath: buildPath), records: records, pooledID: pooledID)
        var notes: [String] = []
        let file = try BuildPipelineFile.locate(
            manifest, buildPath: buildPath, explicit: pipelinePath,
            command: "regpool explain \(pooledID) --build \(buildPath)")
        if !file.unchanged {
            notes.append("\(file.path) has changed since the build; the mapping lines shown are today's.")
        }
        let pipeline = try LoadedPipeline.load(pipelinePath: file.path, outputOverride: nil)
        let previews = previewsOf(records, pipeline: pipeline, manifest: manifest, notes: &notes)
        var finals: [TableData] = []
        for schema in CDM.tables where schema.name != CDM.sourceRecords.name {
            let table = try tables.read(schema)
            let id = schema.pooledIDIndex ?? 0
            finals.append(TableData(schema: schema, rows: table.rows.filter { $0[id].stringValue == pooledID }))
        }
        let values = ValueAttribution(records: records, previews: previews, events: events).values(finals)
        let links = linkExplanations(events, pooledID: pooledID, pipeline: file.path, manifest: manifest, notes: &notes)
        return PatientExplanation(
            pooledID: pooledID, buildID: manifest.buildID, records: records, links: links,
            values: values, events: events, notes: notes)
    }

    /// The source_records rows of `pooledID`, in table order.
    static func records(of pooledID: String, in lineage: TableData) -> [PatientExplanation.Record] {
        let s = lineage.schema
        let col = { (name: String) in s.index(of: name)! }
        let (id, centre, local, file, locator, sha, status, p) = (
            col("pooled_id"), col("centre_id"), col("local_patient_id"), col("source_file"), col("source_locator"),
            col("record_sha256"), col("status"), col("match_probability")
        )
        return lineage.rows.filter { $0[id].stringValue == pooledID }.map {
            PatientExplanation.Record(
                centre: $0[centre].text, localID: $0[local].text, file: $0[file].text,
                locator: $0[locator].text, sha256: $0[sha].text, status: $0[status].text,
                matchProbability: $0[p].doubleValue)
        }
    }

    /// The audit lines about the patient: its records (and their child records), its members
    /// (`local_id=…` locators, `centre:local` values) and its pooled id. Counted summary events
    /// (ValueMapped, UnitConverted, …) are left out: their locator is only a first occurrence.
    static func events(_ audit: [AuditLine], records: [PatientExplanation.Record], pooledID: String) -> [AuditLine] {
        let members = Set(records.map(\.member))
        return audit.filter { line in
            guard line.count == nil else { return false }  // counted summaries stand for many patients
            let centre = line["centre"] ?? ""
            let locator = line["locator"] ?? ""
            if locator == "pooled_id=\(pooledID)" { return true }
            if let file = line["file"],
                records.contains(where: {
                    $0.centre == centre && $0.file == file
                        && (locator == $0.locator || locator.hasPrefix($0.locator + "/"))
                })
            {
                return true
            }
            if locator.hasPrefix("local_id=") {
                let local =
                    locator.dropFirst("local_id=".count).split(separator: " ", maxSplits: 1).first.map(String.init)
                    ?? ""
                if members.contains("\(centre):\(local)") { return true }
            }
            return line["stage"] == "link"
                && [line["source_value"], line["target_value"]].contains { $0.map(members.contains) ?? false }
        }
    }

    /// What each record's mapping makes of it, read again from the exports the build read (each
    /// centre's inbox listed and hashed once; a file that changed since is skipped with a note).
    func previewsOf(
        _ records: [PatientExplanation.Record], pipeline: LoadedPipeline, manifest: BuildManifestFile,
        notes: inout [String]
    ) -> [(PatientExplanation.Record, PreviewRow)] {
        var out: [(PatientExplanation.Record, PreviewRow)] = []
        let byCentre = Dictionary(grouping: records, by: \.centre)
        for centre in byCentre.keys.sorted() {
            let byFile = Dictionary(grouping: byCentre[centre]!, by: \.file)
            let inbox: CentreInbox
            do {
                inbox = try scan(centre, pipeline: pipeline)
            } catch {
                notes.append("\(centre): values not traced — \((error as? PipelineError)?.message ?? "\(error)")")
                continue
            }
            for file in byFile.keys.sorted() {
                do {
                    out += try previews(
                        of: byFile[file]!, file: file, inbox: inbox, pipeline: pipeline, manifest: manifest)
                } catch {
                    notes.append(
                        "\(centre) \(file): values not traced — \((error as? PipelineError)?.message ?? "\(error)")")
                }
            }
        }
        return out
    }

    /// The centre's inbox as it is now.
    private func scan(_ centre: String, pipeline: LoadedPipeline) throws -> CentreInbox {
        guard let config = pipeline.config.centres.first(where: { $0.id == centre }),
            let mapping = pipeline.mappings[centre]
        else {
            throw PipelineError(.usage, "the pipeline has no centre \(centre) any more")
        }
        return try CentreInbox.scan(config, mapping: mapping)
    }

    /// The preview rows of the records of one file, checked against the build's input hash.
    private func previews(
        of records: [PatientExplanation.Record], file: String, inbox: CentreInbox,
        pipeline: LoadedPipeline, manifest: BuildManifestFile
    ) throws
        -> [(PatientExplanation.Record, PreviewRow)]
    {
        let centre = inbox.centre.id
        let mapping = pipeline.mappings[centre]!
        guard let inboxFile = inbox.files.first(where: { $0.name == file }) else {
            throw PipelineError(.input, "the export is no longer in the inbox")
        }
        let shown = pipeline.display.of(inboxFile.path)
        if let recorded = manifest.inputs.first(where: { $0.path == shown }), recorded.sha256 != inboxFile.sha256 {
            throw PipelineError(
                .input,
                "the export has changed since the build (SHA-256 \(inboxFile.sha256), the build read \(recorded.sha256))"
            )
        }
        let wanted = Dictionary(records.map { ($0.locator, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [(PatientExplanation.Record, PreviewRow)] = []
        let extraction = CentreExtraction(
            inbox: inbox, mapping: mapping, validation: pipeline.config.validation, logger: logger)
        for source in inboxFile.sources {
            var previewer = MappingPreviewer(source: source, mapping: mapping, centre: centre)
            _ = try extraction.reader(for: inboxFile, source: source).read { event in
                guard case .record(let r) = event, let record = wanted[r.locator] else { return }
                out += previewer.preview(r).rows.map { (record, $0) }
            }
        }
        return out
    }

    /// The waterfall of every scored or overridden link that joined a member to this patient.
    func linkExplanations(
        _ events: [AuditLine], pooledID: String, pipeline: String, manifest: BuildManifestFile,
        notes: inout [String]
    ) -> [PatientExplanation.Link] {
        let joins = events.filter { $0.code == "L4002" }
        guard !joins.isEmpty else { return [] }
        let pairs = joins.compactMap { line -> (PatientReference, PatientReference)? in
            guard let a = line["target_value"].flatMap(PatientReference.init(text:)),
                let b = line["source_value"].flatMap(PatientReference.init(text:))
            else { return nil }
            return (a, b)
        }
        do {
            let explained = try LinkExplainer(pipelinePath: pipeline, logger: logger).explain(
                pairs: pairs, pinned: manifest.inputs)
            return zip(joins, explained).map { PatientExplanation.Link(event: $0, explanation: $1) }
        } catch let error as PipelineError {
            notes.append("link weights not recomputed: \(error.message)")
        } catch {
            notes.append("link weights not recomputed: \(error)")
        }
        return joins.map { PatientExplanation.Link(event: $0, explanation: nil) }
    }
}
