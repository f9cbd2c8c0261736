import ArgumentParser
import Foundation
import RegpoolPipeline

/// `regpool verify BUILD [--rebuild]`: a build checked against its manifest, and optionally made again.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check every file of a build against its manifest; with --rebuild, make it again and compare.",
        discussion: """
            Hashes every output file manifest.json lists and reports each one missing or altered, and every \
            file in the build folder the manifest does not list. With --rebuild, runs the build again from \
            the exports, pipeline, mappings, vocabularies, overrides and crosswalk its manifest lists — each \
            must still hash as recorded, and regpool must be the same version — into a scratch folder, and \
            confirms that every output is byte-identical: the proof that a cited build can be re-created.

            Exit codes: 0 verified (and, with --rebuild, re-created identically); 5 a file is missing, \
            altered, unlisted or made again differently (each is named); 64 bad arguments or no pipeline \
            file; 65 invalid pipeline or mapping; 66 BUILD is not a build, or an export it read is gone \
            or changed.
            """)

    @Argument(help: "The build folder, e.g. builds/current or builds/b-1234abcd5678ef90.")
    var build: String

    @Flag(help: "Make the build again from its manifest's inputs and compare every output byte for byte.")
    var rebuild = false

    @Option(help: "With --rebuild: the pipeline file (default pipelines/<the manifest's pipeline>).")
    var pipeline: String?

    @Option(
        help: "With --rebuild: the previous crosswalk the build read (default: found by hash among the kept builds).")
    var crosswalk: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        if !rebuild && (pipeline != nil || crosswalk != nil) {
            throw ValidationError("--pipeline and --crosswalk only apply with --rebuild.")
        }
    }

    func run() throws {
        let logger = logging.bootstrap()
        do {
            var outcome = try BuildVerifier(buildPath: build).verify()
            if outcome.verified && rebuild {
                outcome = try BuildRebuilder(
                    buildPath: build, pipelinePath: pipeline, crosswalkPath: crosswalk,
                    logger: logger
                ).run()
            }
            report(outcome)
            if !outcome.verified { throw ExitCode(ExitStatus.verificationFailed.rawValue) }
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            if json { print(RunSummary.errorJSON(error)) }
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }

    private func report(_ outcome: BuildVerifier.Outcome) {
        if json {
            print(outcome.json(rebuilt: rebuild && outcome.verified))
        } else if outcome.verified {
            print(
                "regpool: verified \(outcome.buildID): \(outcome.checked) files match manifest.json"
                    + (rebuild ? "; made again from its inputs, every file is byte-identical" : ""))
        }
        for problem in outcome.problems {
            FileHandle.standardError.write(Data("regpool: verify \(outcome.buildID): \(problem)\n".utf8))
        }
    }
}
