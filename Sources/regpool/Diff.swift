import ArgumentParser
import Foundation
import RegpoolPipeline

/// `regpool diff BUILD_A BUILD_B`: what changed overnight.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two builds: patients, tables, source records, unmapped values.",
        discussion: """
            Compares two builds (e.g. yesterday's and builds/current): the pooled patients added, removed \
            and changed (with the columns that changed); per table the rows added, removed and changed on \
            (pooled_id, natural key), per column how many values changed with a few examples; per centre the \
            source records new and vanished (by record hash: a corrected record is one of each); and the source \
            values no rule maps that the first build did not report. Pooled ids are comparable when both \
            builds used the same key (and the second read the first's crosswalk).

            Exit codes: 0 compared (whether or not anything changed); 64 bad arguments; 66 a build cannot be read.
            """)

    @Argument(help: "The earlier build folder.")
    var before: String

    @Argument(help: "The later build folder, e.g. builds/current.")
    var after: String

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        do {
            let diff = try BuildDiff.compare(before, after)
            print(json ? diff.json : diff.text, terminator: json ? "\n" : "")
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }
}
