import ArgumentParser
import Foundation
import RegpoolPipeline

/// `regpool check PIPELINE`: before a nightly run, what needs fixing in the configuration and data.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a pipeline, its mappings and the current inboxes before a run; writes nothing.",
        discussion: """
            Parses the pipeline and every mapping strictly and lists every problem at once with \
            file:line:column (exit 65; nothing else is checked then). Then reads every file of every \
            centre's inbox through its mapping, as a run would, and lists per centre each source value \
            no rule maps (T3001: field, CDM column, value, count, first file and line) and every record \
            or file a run would reject (E1001, E1002, T3005, T3009). The pseudonym key is not needed.

            Prints one section per centre (or one JSON object with --json). Exit codes: 0 nothing to fix; \
            4 the data has unmapped values or rejected records or files; 65 invalid pipeline or mapping; \
            66 unreadable inbox.
            """)

    @Argument(help: "The pipeline file, e.g. pipelines/sample-nightly.yaml.")
    var pipeline: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        do {
            let report = try PipelineChecker(pipelinePath: pipeline).check()
            print(json ? report.json.text : report.text)
            throw ExitCode(report.exitStatus.rawValue)
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            if json { print(CheckReport.errorJSON(error)) }
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }
}
