/// A file that cannot be read or parsed as a whole.
package struct ExtractError: Error, Sendable, CustomStringConvertible {
    /// Path of the file relative to the centre's inbox.
    package let file: String
    /// 1-based line of the problem, when known.
    package let line: Int?
    /// 1-based column of the problem, when known.
    package let column: Int?
    /// What went wrong.
    package let message: String
    /// How to fix it.
    package let hint: String

    /// Creates an error for `file`, optionally at a line and column.
    package init(file: String, line: Int? = nil, column: Int? = nil, message: String, hint: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: message — hint`.
    package var description: String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(message) — \(hint)"
    }
}
