/// The process exit codes of `regpool`, documented in the README.
package enum ExitStatus: Int32, Sendable {
    /// The build was published and every input was read.
    case success = 0
    /// Something failed that is not described below (a bug: please report it).
    case failed = 1
    /// The build was published, but some files or records were rejected (see audit.jsonl).
    case builtWithRejectedInputs = 3
    /// `regpool verify`: a file of the build is missing, altered or not made again identically.
    case verificationFailed = 5
    /// `regpool check`: the configuration is valid, but the data has unmapped values or rejected records or files.
    case checkFoundProblems = 4
    /// Bad command-line arguments.
    case usage = 64
    /// A pipeline or mapping file is missing or invalid; nothing was built.
    case configError = 65
    /// An inbox or the pseudonym key cannot be read; nothing was built.
    case inputUnreadable = 66
    /// The build could not be written; `current` still points at the previous build.
    case outputError = 73
    /// Another `regpool run` holds the output folder's lock; nothing was done (try again later).
    case locked = 75

    /// The exit status for a pipeline error.
    package init(_ error: PipelineError) {
        switch error.kind {
        case .config: self = .configError
        case .input: self = .inputUnreadable
        case .output: self = .outputError
        case .usage: self = .usage
        case .locked: self = .locked
        case .verification: self = .verificationFailed
        }
    }
}
