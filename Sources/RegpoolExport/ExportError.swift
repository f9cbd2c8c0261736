/// An export that could not be written: which file and why.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let problem: String

    init(file: String, _ problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
