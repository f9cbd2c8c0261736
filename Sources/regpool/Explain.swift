import ArgumentParser
import Foundation
import RegpoolPipeline

/// `regpool explain POOLED_ID [--build B]`: the whole lineage of one pooled patient.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the lineage of one pooled patient: source records, linkage, and where every value came from.",
        discussion: """
            For a pooled patient of a build (default builds/current): its source records (centre, file, \
            locator, record hash, status), how its members were linked (the rule, override or score, with the \
            Fellegi–Sunter waterfall of weights recomputed from the exports the build read), every CDM value \
            with each source value that competed for it — source field and text, the mapping rule's file and \
            line — which one the build holds and why (survivor, a gap filled, a conflict resolved), and every \
            audit event about the patient (mapping, validation, linkage, cohort). Reads the build and the \
            exports it read (a changed export is noted, not used); writes nothing.

            Exit codes: 0 explained; 64 bad arguments, no such pooled id, or no pipeline file; 65 invalid \
            pipeline or mapping; 66 BUILD is not a readable build.
            """)

    @Argument(help: "The pooled id, e.g. P-7Q3H0C2M9W4XK1RZ (from patients.parquet).")
    var pooledID: String

    @Option(help: "The build folder (default builds/current).")
    var build: String = "builds/current"

    @Option(help: "The pipeline file (default pipelines/<the manifest's pipeline>).")
    var pipeline: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard pooledID.hasPrefix("P-"), pooledID.count == 18 else {
            throw ValidationError("'\(pooledID)' is not a pooled id: P- and 16 characters, e.g. P-7Q3H0C2M9W4XK1RZ.")
        }
    }

    func run() throws {
        var logger = logging.bootstrap()
        logger.logLevel = max(logger.logLevel, .error)  // re-reading the exports repeats no run warnings
        do {
            let explanation = try PatientExplainer(buildPath: build, pipelinePath: pipeline, logger: logger).explain(
                pooledID)
            print(json ? explanation.json : explanation.text, terminator: json ? "\n" : "")
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }
}
