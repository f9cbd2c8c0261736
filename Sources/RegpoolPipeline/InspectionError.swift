/// Why `regpool inspect` could not show a file, with the exit code the CLI returns.
public struct InspectionError: Error, Sendable, CustomStringConvertible {
    public let status: ExitStatus
    /// One paragraph: what is wrong and how to fix it.
    public let message: String

    /// An error that exits with `status`.
    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The message.
    public var description: String { message }

    /// A usage error (exit 64).
    static func usage(_ message: String) -> InspectionError { InspectionError(.usage, message) }
}
