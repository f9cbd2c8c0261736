import ArgumentParser
import Foundation
import RegpoolPipeline

/// `regpool stage PIPELINE --centre ID`: one centre extracted and mapped, for a later `run` to reuse.
struct Stage: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract and map one centre's exports into the output's stage folder, without pooling.",
        discussion: """
            Reads the centre's inbox through its mapping exactly as `regpool run` does and writes the \
            result to <output>/stage/<centre>/<key>/ (Parquet tables and stage.json), where the next \
            `regpool run` of the pipeline reuses it as long as the centre's exports, mapping, vocabularies \
            and settings are unchanged. Run one such job per centre, on as many machines as you like, \
            before the pooling run (docs/scaling.md). Needs no pseudonym key; writes no build.

            Exit codes: 0 staged (or already staged); 3 staged, with rejected records or files; 64 bad \
            arguments or no such centre; 65 invalid pipeline or mapping; 66 unreadable inbox.
            """)

    @Argument(help: "The pipeline file, e.g. pipelines/sample-nightly.yaml.")
    var pipeline: String

    @Option(help: "The centre id, as in the pipeline file.")
    var centre: String

    @Option(
        name: .customLong("out"), help: "The output folder whose stage/ to write (default: the pipeline's `output:`).")
    var output: String?

    @Flag(help: "Extract again even when an up-to-date staged result exists.")
    var full = false

    @OptionGroup var logging: LoggingOptions

    func run() throws {
        let logger = logging.bootstrap()
        do {
            let outcome = try CentreStager(
                pipelinePath: pipeline, centre: centre, outputOverride: output, full: full,
                logger: logger
            ).run()
            print(outcome.line)
            throw ExitCode(outcome.exitStatus.rawValue)
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }
}
