/// One problem in a pipeline or mapping file: where, what, and how to fix it.
package struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    package let location: SourceLocation
    package let message: String
    package let hint: String?

    package init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: message (hint)`.
    package var description: String {
        "\(location): \(message)" + (hint.map { " — \($0)" } ?? "")
    }
}

/// Every problem found in one configuration file (parsing goes on after the first).
package struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    package let problems: [ConfigProblem]

    package init(_ problems: [ConfigProblem]) {
        self.problems = problems
    }

    package var description: String { problems.map(\.description).joined(separator: "\n") }
}
