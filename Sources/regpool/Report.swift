import ArgumentParser
import Foundation
import RegpoolPipeline

/// `regpool report BUILD`: the cohort report (report.json, report.html) made again from a build's Parquet files.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make a build's cohort report (report.json and report.html) again from its Parquet files.",
        discussion: """
            Reads patients, analysis_cohort, exclusions and source_records of BUILD (a build folder, or \
            builds/current) and writes report.json and report.html: the flow of records and patients, \
            Table 1, overall survival from LEN failure (Kaplan–Meier, log-rank), the cumulative incidence \
            of AML and per-centre completeness. Every build already holds its report; this command remakes \
            it (e.g. after it was deleted). Into the build itself it writes only a report equal to the one \
            the manifest records; a report that differs (another regpool version) goes to --out DIR.

            Exit codes: 0 written; 64 bad arguments; 66 BUILD is not a readable build; 73 the report \
            cannot be written, or differs from the build's manifest (use --out).
            """)

    @Argument(help: "The build folder, e.g. builds/current.")
    var build: String

    @Option(help: "Write the report into this folder instead of the build.")
    var out: String?

    func run() throws {
        do {
            let outcome = try ReportRegenerator(buildPath: build, outputDirectory: out).run()
            for path in outcome.written { print("regpool: wrote \(path) (build \(outcome.buildID))") }
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }
}
