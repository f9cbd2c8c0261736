/// An export that could not be written: which file and why.
package struct ExportError: Error, Sendable, CustomStringConvertible {
    package let file: String
    package let problem: String

    init(file: String, _ problem: String) {
        self.file = file
        self.problem = problem
    }

    package var description: String { "\(file): \(problem)" }
}
