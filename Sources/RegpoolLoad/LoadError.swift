/// A build output that could not be written: which path and what the system said.
package struct LoadError: Error, Sendable, CustomStringConvertible {
    package let path: String
    package let message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String {
        "cannot write \(path): \(message) — check that the output folder exists, is writable and has free space"
    }
}
