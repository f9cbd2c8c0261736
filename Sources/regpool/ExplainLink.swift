import ArgumentParser
import Foundation
import Logging
import RegpoolPipeline

/// `regpool explain-link PIPELINE A B`: why two local patients are (or are not) one pooled patient.
struct ExplainLink: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain-link",
        abstract: "Explain the linkage decision on two local patients (the Fellegi–Sunter waterfall).",
        discussion: """
            Reads every inbox as `regpool run` does and links the patients with the pipeline's `linkage:` \
            settings and overrides file, then prints for the pair: the prior and its log2 odds, every \
            comparison's values, level, m, u and weight with the running total, the final match probability, \
            and what decided (a deterministic rule, an override, the thresholds, or a constraint that refused \
            the link). Writes nothing. Patients are named CENTRE:LOCAL_ID, e.g. be-gent:GE-0021.

            Exit codes: 0 explained; 64 bad arguments or a patient not in the build; 65 invalid pipeline, \
            mapping or overrides file, or no `linkage:` section; 66 unreadable inbox.
            """)

    @Argument(help: "The pipeline file, e.g. pipelines/sample-nightly.yaml.")
    var pipeline: String

    @Argument(help: "The first local patient, CENTRE:LOCAL_ID.")
    var first: String

    @Argument(help: "The second local patient, CENTRE:LOCAL_ID.")
    var second: String

    func validate() throws {
        for text in [first, second] where LinkExplainer.reference(text) == nil {
            throw ValidationError("'\(text)' is not CENTRE:LOCAL_ID (e.g. be-gent:GE-0021).")
        }
    }

    func run() throws {
        guard let a = LinkExplainer.reference(first), let b = LinkExplainer.reference(second) else {
            throw ExitCode(64)
        }
        do {
            var logger = Logger(label: "regpool")
            logger.logLevel = .warning
            print(try LinkExplainer(pipelinePath: pipeline, logger: logger).explain(a, b).text, terminator: "")
        } catch let error as PipelineError {
            FileHandle.standardError.write(Data("regpool: error: \(error.message)\n".utf8))
            throw ExitCode(ExitStatus(error).rawValue)
        }
    }
}
