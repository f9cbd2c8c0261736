import ArgumentParser
import Logging

/// `--log-level`: structured log lines (swift-log) on stderr, shared by the commands that run long.
struct LoggingOptions: ParsableArguments {
    @Option(help: "Log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "warning"

    func validate() throws {
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level must be one of trace, debug, info, notice, warning, error, critical (got '\(logLevel)').")
        }
    }

    /// Sends every logger's lines at `--log-level` and above to stderr; returns the `regpool` logger.
    func bootstrap() -> Logger {
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "regpool")
    }
}
