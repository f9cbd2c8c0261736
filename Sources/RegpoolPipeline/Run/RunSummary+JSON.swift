import RegpoolLoad
import RegpoolModel

/// `regpool run --json`: one object for monitoring, on success and on failure.
extension RunSummary {
    /// The summary as one JSON line.
    package var json: String {
        JSONValue.object([
            ("ok", .bool(true)), ("exit_status", .int(Int(exitStatus.rawValue))), ("build_id", .string(buildID)),
            ("build_path", .string(buildPath)), ("patients", .int(rows("patients"))),
            ("analysed", .int(rows("analysis_cohort"))), ("excluded", .int(rows("exclusions"))),
            ("records_read", .int(recordsRead)), ("records_rejected", .int(recordsRejected)),
            ("files_rejected", .int(filesRejected)), ("builds_removed", .array(removedBuilds.map(JSONValue.string))),
            ("centres_reused", .array(centresReused.map(JSONValue.string))),
        ]).text
    }

    /// The JSON line of a run that built nothing.
    package static func errorJSON(_ error: PipelineError) -> String {
        JSONValue.object([
            ("ok", .bool(false)), ("exit_status", .int(Int(ExitStatus(error).rawValue))),
            ("error", .string(error.kindName)), ("message", .string(error.message)),
        ]).text
    }
}

extension PipelineError {
    /// The kind as a stable word for JSON (`config`, `input`, `output`, `usage`, `locked`, `verification`).
    package var kindName: String {
        switch kind {
        case .config: "config"
        case .input: "input"
        case .output: "output"
        case .usage: "usage"
        case .locked: "locked"
        case .verification: "verification"
        }
    }
}
