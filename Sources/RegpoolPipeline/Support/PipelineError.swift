import RegpoolConfig

/// Why a run stopped before publishing a build, with the exit code the CLI returns.
package struct PipelineError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure; each maps to one documented exit code.
    package enum Kind: Sendable {
        /// A pipeline or mapping file is missing or invalid (exit 65).
        case config
        /// An inbox or the key cannot be read (exit 66).
        case input
        /// The build cannot be written (exit 73).
        case output
        /// A command's argument names something that is not there (exit 64).
        case usage
        /// Another run holds the output folder's lock (exit 75).
        case locked
        /// `verify`: a build does not match its manifest, or a rebuild differs (exit 5).
        case verification
    }

    package let kind: Kind
    package let message: String

    package init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// A config error from every problem of a file, one per line.
    package static func config(_ error: ConfigError, file: String) -> PipelineError {
        let lines = error.problems.map { "  \($0)" }.joined(separator: "\n")
        return PipelineError(
            .config,
            "\(file) has \(error.problems.count) problem(s); nothing was built:\n\(lines)")
    }

    package var description: String { message }
}
