/// A build output that could not be written: which path and what the system said.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        "cannot write \(path): \(message) — check that the output folder exists, is writable and has free space"
    }
}
