import ArgumentParser
import Foundation
import Logging
import RegpoolPipeline

/// `regpool run PIPELINE`: the nightly build.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the pooled cohort described by a pipeline file.",
        discussion: """
            Reads every centre's inbox, maps and validates the records, and writes a build folder \
            <output>/<build-id>/ with one Parquet file per CDM table, audit.jsonl, audit.parquet and \
            manifest.json; <output>/current is moved to it only when the build is complete, and builds \
            beyond the pipeline's keep_builds are removed. The build id is derived from the inputs, \
            mappings, overrides, previous crosswalk, key and regpool version, so the same inputs give the \
            same build. Each centre's extracted and mapped result is staged in <output>/stage/<centre>/; \
            the next run reuses it when the centre's exports, mapping, vocabularies and settings are \
            unchanged (logged as `centre reused`; --full reads everything again) and the build is the same \
            bytes either way. One run at a time per output folder: a second exits at once with code 75. With \
            `linkage:` the build also holds crosswalk.csv (member keys → pooled ids, for the next build's \
            `--crosswalk`) and clerical-review.csv/.html.

            Quiet on success except one summary line (--json: one JSON object for monitoring); log lines \
            go to stderr (--log-level); a progress line is drawn only when stderr is a terminal. Exit \
            codes: 0 built; 3 built but some records or files were rejected (listed in audit.jsonl); 64 bad \
            arguments; 65 invalid pipeline, mapping, overrides or crosswalk file (every problem is listed \
            with file:line:column); 66 unreadable inbox, key, overrides or crosswalk file; 73 build could \
            not be written (current still points at the previous build); 75 another run holds the output \
            folder's lock; 1 anything else (a bug).
            """)

    @Argument(help: "The pipeline file, e.g. pipelines/sample-nightly.yaml.")
    var pipeline: String

    @Option(name: .customLong("out"), help: "Write builds into this folder instead of the pipeline's `output:`.")
    var output: String?

    @Option(
        help:
            "Read this previous build's crosswalk.csv instead of the pipeline's `linkage.crosswalk` (keeps pooled ids stable)."
    )
    var crosswalk: String?

    @Flag(
        help:
            "Read no previous crosswalk (the first build of a pipeline): every pooled patient takes its survivor's own id."
    )
    var noCrosswalk = false

    @Flag(help: "Read every centre's exports again instead of reusing the staged results of unchanged centres.")
    var full = false

    @Flag(help: "Print the summary as one JSON object (for monitoring), also when nothing was built.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if crosswalk != nil && noCrosswalk {
            throw ValidationError("--crosswalk and --no-crosswalk exclude each other; give one.")
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        let choice: CrosswalkChoice = noCrosswalk ? .none : crosswalk.map { .file($0) } ?? .configured
        var runner = PipelineRunner(pipelinePath: pipeline, outputOverride: output, crosswalk: choice, logger: logger)
        runner.full = full
        runner.disposal = .atExit  // the process ends right after the run (exitNow)
        let drawing = TerminalProgress.isTerminal
        if drawing { runner.progress = { TerminalProgress.draw($0, $1, $2) } }
        do {
            let summary = try runner.run()
            if drawing { TerminalProgress.clear() }
            print(json ? summary.json : summary.line)
            Self.exitNow(summary.exitStatus)
        } catch let error as PipelineError {
            if drawing { TerminalProgress.clear() }
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            if json { print(RunSummary.errorJSON(error)) }
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }

    /// Ends the process right away with `status`: the build is published and its line printed,
    /// so unwinding the in-memory tables (millions of small objects) would only cost time.
    private static func exitNow(_ status: ExitStatus) -> Never {
        fflush(nil)  // every C stream, so the printed line is out before exit
        Foundation.exit(status.rawValue)
    }
}
