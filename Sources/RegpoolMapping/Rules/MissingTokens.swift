import RegpoolModel

/// A mapping's (or a rule's) "not known" tokens, trimmed: the one test of a trimmed field value
/// against them. A handful of short tokens, so they are compared, not hashed.
struct MissingTokens: Sendable {
    private let tokens: [ArraySlice<UInt8>]

    init(_ tokens: [String]) {
        self.tokens = tokens.map { ArraySlice(ByteText.trimmed($0)) }
    }

    /// True when `text` (already trimmed) is one of the tokens.
    func contains(_ text: ArraySlice<UInt8>) -> Bool {
        for token in tokens where token.count == text.count && token.elementsEqual(text) { return true }
        return false
    }
}
