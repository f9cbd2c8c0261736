/// A walk over an XML node stream that keeps a stack of the open elements it follows: each
/// element's depth trims the stack to its parent, and `visit` decides what the element is.
/// ODM and plain XML extraction share this frame; only what they do with an element differs.
protocol XMLStackWalker {
    associatedtype Frame
    var reader: XMLStreamReader { get }
    var displayName: String { get }
    /// The open elements, outermost first.
    var stack: [Frame] { get set }
    /// Handles `element` at `depth` (the stack already holds exactly its ancestors) and moves the
    /// reader on; returns the reader's status.
    mutating func visit(_ element: XMLElement, depth: Int, _ sink: (ExtractEvent) throws -> Void) throws -> Int32
}

extension XMLStackWalker {
    /// Reads the whole document, sending each record to `sink`.
    mutating func run(_ sink: (ExtractEvent) throws -> Void) throws {
        let reader = self.reader
        try reader.walk(file: displayName) { try visitElement(sink) }
    }

    /// Handles the element under the cursor (a node deeper than the followed path is skipped).
    private mutating func visitElement(_ sink: (ExtractEvent) throws -> Void) throws -> Int32 {
        let depth = reader.depth
        guard depth <= stack.count, let element = reader.currentElement else { return reader.skipSubtree() }
        stack.removeLast(stack.count - depth)
        return try visit(element, depth: depth, sink)
    }
}
