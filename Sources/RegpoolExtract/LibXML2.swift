import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem libxml2 reported while parsing, with its position.
struct XMLParserProblem {
    let message: String
    let line: Int?
    let column: Int?
}

/// Process-wide libxml2 set-up, done once: the parser is initialised and every external entity or
/// DTD load is refused (defence in depth; DOCTYPEs are refused anyway).
private let libxml2Ready: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader(refuseExternalLoad)
}()

private let refuseExternalLoad: @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, xmlParserCtxtPtr?)
    -> xmlParserInputPtr? = { _, _, _ in nil }

/// Safe wrapper around libxml2's streaming `xmlTextReader` (the only file that imports CLibXML2).
///
/// Parses without network, entity substitution, DTD loading or the "huge" limits lifted. Every error
/// or fatal error libxml2 reports is kept in `problem`; the caller fails the file on the first one.
final class XMLStreamReader {
    enum NodeKind { case element, documentType, other }

    private let reader: xmlTextReaderPtr
    /// The first error libxml2 reported, if any.
    private(set) var problem: XMLParserProblem?
    /// True once libxml2 has seen a DOCTYPE (even if it then reported an error).
    private(set) var sawDoctype = false

    /// Starts reading the open file descriptor `fd` (not closed by the reader); `url` names it in messages.
    init?(fd: Int32, url: String) {
        _ = libxml2Ready
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue)
        guard let reader = xmlReaderForFd(fd, url, nil, options) else { return nil }
        self.reader = reader
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, recordProblem, context)
    }

    deinit { xmlFreeTextReader(reader) }

    /// Moves to the next node in document order: 1 moved, 0 end of document, -1 error.
    func read() -> Int32 { xmlTextReaderRead(reader) }

    /// Moves to the next sibling, skipping the current node's subtree: 1, 0 or -1 as `read`.
    func skipSubtree() -> Int32 { xmlTextReaderNext(reader) }

    /// The kind of the current node.
    var kind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue): return .documentType
        default: return .other
        }
    }

    /// Depth of the current node (the root element is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The current element as libxml2 built it so far (its attributes, not its children); valid until the next move.
    var currentElement: XMLElement? { xmlTextReaderCurrentNode(reader).map(XMLElement.init) }

    /// Parses the current element's whole subtree and returns it; valid until the next move.
    func expand() -> XMLElement? { xmlTextReaderExpand(reader).map(XMLElement.init) }

    fileprivate func record(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        if let ctxt = e.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self),
           let doc = ctxt.pointee.myDoc, doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            sawDoctype = true
        }
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, problem == nil else { return }
        let text = e.message.map { String(cString: $0) } ?? "unknown XML error"
        problem = XMLParserProblem(message: text.trimmingSpaceAndNewlines(),
                                   line: e.line > 0 ? Int(e.line) : nil, column: e.int2 > 0 ? Int(e.int2) : nil)
    }
}

private let recordProblem: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<XMLStreamReader>.fromOpaque(context).takeUnretainedValue().record(error)
}

/// A borrowed libxml2 element node; valid only until the reader moves on.
struct XMLElement {
    private let node: xmlNodePtr

    fileprivate init(_ node: xmlNodePtr) { self.node = node }

    /// 1-based line of the start tag.
    var line: Int { Int(xmlGetLineNo(node)) }

    /// The element's local name (prefix dropped) as UTF-8 bytes.
    var localName: [UInt8] {
        guard let name = node.pointee.name else { return [] }
        return Array(UnsafeBufferPointer(start: name, count: strlen(name)))
    }

    /// The element's attributes in document order: local name and value, as UTF-8 bytes.
    var attributes: [(name: [UInt8], value: [UInt8])] {
        var out: [(name: [UInt8], value: [UInt8])] = []
        var attribute = node.pointee.properties
        while let a = attribute {
            if let name = a.pointee.name {
                var value: [UInt8] = []
                Self.appendText(of: a.pointee.children, to: &value)
                out.append((Array(UnsafeBufferPointer(start: name, count: strlen(name))), value))
            }
            attribute = a.pointee.next
        }
        return out
    }

    /// True when the element's local name (prefix ignored) is `name`.
    func hasLocalName(_ name: [UInt8]) -> Bool { Self.equal(node.pointee.name, name) }

    /// The child elements, in document order.
    var childElements: [XMLElement] {
        var out: [XMLElement] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(c)) }
            child = c.pointee.next
        }
        return out
    }

    /// Appends the value of the attribute with local name `name` to `out`; false when there is none.
    func appendAttribute(_ name: [UInt8], to out: inout [UInt8]) -> Bool {
        var attribute = node.pointee.properties
        while let a = attribute {
            if Self.equal(a.pointee.name, name) {
                Self.appendText(of: a.pointee.children, to: &out)
                return true
            }
            attribute = a.pointee.next
        }
        return false
    }

    /// Appends the concatenated text of all descendants (text and CDATA) to `out`.
    func appendTextContent(to out: inout [UInt8]) { Self.appendText(of: node.pointee.children, to: &out) }

    /// The element serialized as XML (its subtree, as libxml2 writes it).
    func serialized() -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        _ = xmlNodeDump(buffer, node.pointee.doc, node, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    private static func appendText(of first: xmlNodePtr?, to out: inout [UInt8]) {
        var node = first
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE, let text = n.pointee.content {
                out.append(contentsOf: UnsafeBufferPointer(start: text, count: strlen(text)))
            } else if n.pointee.type == XML_ELEMENT_NODE {
                appendText(of: n.pointee.children, to: &out)
            }
            node = n.pointee.next
        }
    }

    private static func equal(_ cName: UnsafePointer<xmlChar>?, _ name: [UInt8]) -> Bool {
        guard let cName else { return false }
        return name.withUnsafeBufferPointer { wanted in
            strlen(cName) == wanted.count && (wanted.isEmpty || memcmp(cName, wanted.baseAddress!, wanted.count) == 0)
        }
    }
}

private extension String {
    func trimmingSpaceAndNewlines() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
