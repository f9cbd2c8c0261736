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
            <output>/<build-id>/ with one Parquet file per CDM table, audit.jsonl and manifest.json; \
            <output>/current is moved to it only when the build is complete. The build id is derived \
            from the inputs, mappings, overrides, previous crosswalk, key and regpool version, so the same \
            inputs give the same build. With `linkage:` the build also holds crosswalk.csv (member keys → \
            pooled ids, for the next build's `--crosswalk`) and clerical-review.csv/.html.

            Prints one summary line on success. Exit codes: 0 built; 3 built but some records or files \
            were rejected (listed in audit.jsonl); 64 bad arguments; 65 invalid pipeline, mapping, overrides \
            or crosswalk file (every problem is listed with file:line:column); 66 unreadable inbox, key, \
            overrides or crosswalk file; 73 build could not be written.
            """)

    @Argument(help: "The pipeline file, e.g. pipelines/sample-nightly.yaml.")
    var pipeline: String

    @Option(name: .customLong("out"), help: "Write builds into this folder instead of the pipeline's `output:`.")
    var output: String?

    @Option(help: "Read this previous build's crosswalk.csv instead of the pipeline's `linkage.crosswalk` (keeps pooled ids stable).")
    var crosswalk: String?

    @Flag(help: "Read no previous crosswalk (the first build of a pipeline): every pooled patient takes its survivor's own id.")
    var noCrosswalk = false

    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    func validate() throws {
        if crosswalk != nil && noCrosswalk {
            throw ValidationError("--crosswalk and --no-crosswalk exclude each other; give one.")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical (got '\(logLevel)').")
        }
    }

    func run() throws {
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let choice: CrosswalkChoice = noCrosswalk ? .none : crosswalk.map { .file($0) } ?? .configured
        let runner = PipelineRunner(pipelinePath: pipeline, outputOverride: output, crosswalk: choice,
                                    logger: Logger(label: "regpool"))
        do {
            let summary = try runner.run()
            print(summary.line)
            Self.exitNow(summary.exitStatus)
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
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
