/// An `unpack:` regular expression, compiled once by the parser and handed on compiled.
package struct UnpackPattern: @unchecked Sendable, Equatable {  // Regex is immutable once built
    /// The expression as written.
    package let text: String
    /// The compiled expression.
    package let regex: Regex<AnyRegexOutput>

    /// Compiles `text`; throws what Swift's regex parser says is wrong with it.
    package init(_ text: String) throws {
        self.text = text
        regex = try Regex(text)
    }

    package static func == (a: UnpackPattern, b: UnpackPattern) -> Bool { a.text == b.text }
}
