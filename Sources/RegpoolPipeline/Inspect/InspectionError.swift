/// Why `regpool inspect` could not show a file, with the exit code the CLI returns.
package struct InspectionError: Error, Sendable, CustomStringConvertible {
    package let status: ExitStatus
    /// One paragraph: what is wrong and how to fix it.
    package let message: String

    /// An error that exits with `status`.
    package init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The message.
    package var description: String { message }

    /// A usage error (exit 64).
    static func usage(_ message: String) -> InspectionError { InspectionError(.usage, message) }
}
