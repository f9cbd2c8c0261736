/// A file that cannot be read or parsed as a whole.
public struct ExtractError: Error, Sendable, CustomStringConvertible {
    /// Path of the file relative to the centre's inbox.
    public let file: String
    /// 1-based line of the problem, when known.
    public let line: Int?
    /// 1-based column of the problem, when known.
    public let column: Int?
    /// What went wrong.
    public let message: String
    /// How to fix it.
    public let hint: String

    /// Creates an error for `file`, optionally at a line and column.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: message — hint`.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message) — \(hint)"
    }
}
