/// One problem in a pipeline or mapping file: where, what, and how to fix it.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public let location: SourceLocation
    public let message: String
    public let hint: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: message (hint)`.
    public var description: String {
        "\(location): \(message)" + (hint.map { " — \($0)" } ?? "")
    }
}

/// Every problem found in one configuration file (parsing goes on after the first).
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [ConfigProblem]

    public init(_ problems: [ConfigProblem]) {
        self.problems = problems
    }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
