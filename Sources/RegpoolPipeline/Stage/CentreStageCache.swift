import Crypto
import Foundation
import Logging
import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolModel
import RegpoolParquet

/// Per-centre staged results: `<output>/stage/<centre>/<key>/` holds a centre's extracted and
/// mapped result as Parquet tables (`CentreStaging`) and `stage.json`, written last. The key hashes
/// everything the result depends on — the centre's settings, its inbox (file names and SHA-256),
/// its mapping and the vocabularies, the pipeline's validation actions, regpool's version and the
/// staging format — so an unchanged centre is not read again, and a changed one is.
struct CentreStageCache {
    let folder: String
    let pipeline: LoadedPipeline
    /// False with `--full`: every centre is extracted again (and staged afresh).
    let reuse: Bool
    let logger: Logger
    /// Writes stages on a second thread while the run links and assembles (joined by `finish()`).
    let queue = StagingQueue()

    static let manifestName = "stage.json"

    /// The key of `inbox`'s result under this pipeline.
    func key(_ inbox: CentreInbox) -> String {
        let c = inbox.centre
        var text = "regpool \(RegpoolVersion.number) staging \(CentreStaging.formatVersion) cdm \(CDM.version)\n"
        text += "centre \(c.id)\u{1F}\(c.region)\u{1F}\(c.cohortSource)\u{1F}\(c.files.joined(separator: "\u{1E}"))\n"
        text += "inbox \(pipeline.display.of(c.inbox))\n"
        for f in pipeline.configFiles where f.role == "mapping:\(c.id)" || f.role == "vocabulary" {
            text += "config \(f.role) \(f.path) \(f.sha256)\n"
        }
        for o in pipeline.config.validation.overrides {
            text += "validation \(o.code) \(o.action) \(o.location.file):\(o.location.line):\(o.location.column)\n"
        }
        for f in (inbox.files + inbox.dictionaries).sorted(by: { $0.name < $1.name }) {
            text += "input \(f.name) \(f.sha256) \(f.sources.map(\.name).joined(separator: ","))\n"
        }
        for name in inbox.ignored { text += "ignored \(name)\n" }
        for s in inbox.missingSources { text += "missing \(s.name)\n" }
        return SHA256Text.of(Array(text.utf8))
    }

    /// The staged result of `inbox`, or nil (logged with the reason) when there is none to reuse.
    func load(_ inbox: CentreInbox) -> CentreExtraction.Outcome? {
        let key = key(inbox)
        let path = "\(folder)/\(inbox.centre.id)/\(key)"
        guard reuse else { return nil }
        guard FileManager.default.fileExists(atPath: "\(path)/\(Self.manifestName)") else {
            logger.notice(
                "centre extracted", metadata: ["centre": "\(inbox.centre.id)", "reason": "\(Self.why(folder, inbox))"])
            return nil
        }
        do {
            let outcome = try StagedCentre.read(path, key: key, centre: inbox.centre)
            logger.notice(
                "centre reused",
                metadata: [
                    "centre": "\(inbox.centre.id)", "stage": "\(key.prefix(16))",
                    "detail": "inputs, mapping and settings unchanged; staged result read",
                ])
            return outcome
        } catch {
            logger.warning("staged result unusable", metadata: ["centre": "\(inbox.centre.id)", "error": "\(error)"])
            return nil
        }
    }

    /// Stages `outcome` (replacing the centre's older staged results) in the background; a failure
    /// only costs the next run time. `finish()` waits for every stage to be written.
    func save(_ outcome: CentreExtraction.Outcome, inbox: CentreInbox) {
        let key = key(inbox)
        let centre = inbox.centre.id
        let centreFolder = "\(folder)/\(centre)"
        let logger = logger
        queue.submit {
            let clock = ContinuousClock()
            let started = clock.now
            do {
                try StagedCentre.write(outcome, to: centreFolder, key: key)
                logger.info(
                    "centre staged", metadata: ["centre": "\(centre)", "seconds": "\((clock.now - started).seconds)"])
                for old in (try? FileManager.default.contentsOfDirectory(atPath: centreFolder)) ?? [] where old != key {
                    try? FileManager.default.removeItem(atPath: "\(centreFolder)/\(old)")
                }
            } catch {
                logger.warning("centre not staged", metadata: ["centre": "\(centre)", "error": "\(error)"])
            }
        }
    }

    /// Waits until every staged result submitted is written.
    func finish() {
        queue.wait()
    }

    /// Why a centre has no staged result to reuse.
    static func why(_ folder: String, _ inbox: CentreInbox) -> String {
        let existing = ((try? FileManager.default.contentsOfDirectory(atPath: "\(folder)/\(inbox.centre.id)")) ?? [])
            .filter { !$0.hasPrefix(".") }  // a killed stage job's partial folder is not a stage
        return existing.isEmpty
            ? "no staged result yet" : "its exports, mapping or settings changed since it was staged"
    }
}
