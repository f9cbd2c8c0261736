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
    package let column: Int?
}

/// Process-wide libxml2 set-up, done once: the parser is initialised and every external entity or
/// DTD load is refused (defence in depth: a DOCTYPE naming anything external is refused anyway).
private let libxml2Ready: Void = {
    xmlInitParser()
    xmlSetExternalEntityLoader(refuseExternalLoad)
}()

private let refuseExternalLoad:
    @convention(c) (UnsafePointer<CChar>?, UnsafePointer<CChar>?, xmlParserCtxtPtr?)
        -> xmlParserInputPtr? = { _, _, _ in nil }

/// Safe wrapper around libxml2's streaming `xmlTextReader` (the only file that imports CLibXML2).
///
/// Parses without network, entity substitution, DTD loading or the "huge" limits lifted. Every error
/// or fatal error libxml2 reports is kept in `problem`; the caller fails the file on the first one.
/// A DOCTYPE is read into an `XMLDoctype` and judged by its policy; entity text expanded into field
/// values is charged to `entityBudget`.
final class XMLStreamReader {
    enum NodeKind { case element, documentType, other }

    private let reader: xmlTextReaderPtr
    /// The first error libxml2 reported, if any.
    private(set) var problem: XMLParserProblem?
    /// Why the document's DOCTYPE is refused, when libxml2 reported an error while a refused DOCTYPE was present.
    private(set) var refusedDoctype: String?
    /// The entity text still allowed in field values of this document.
    let entityBudget = XMLEntityBudget(bytes: XMLDoctype.maxExpandedBytes)

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
    package var kind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue): return .documentType
        default: return .other
        }
    }

    /// Depth of the current node (the root element is 0).
    var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The current element as libxml2 built it so far (its attributes, not its children); valid until the next move.
    var currentElement: XMLElement? { xmlTextReaderCurrentNode(reader).map { XMLElement($0, budget: entityBudget) } }

    /// Parses the current element's whole subtree and returns it; valid until the next move.
    func expand() -> XMLElement? { xmlTextReaderExpand(reader).map { XMLElement($0, budget: entityBudget) } }

    /// The DOCTYPE of the document under the cursor (call on a `.documentType` node); nil when there is none.
    var currentDoctype: XMLDoctype? {
        guard let node = xmlTextReaderCurrentNode(reader), let doc = node.pointee.doc else { return nil }
        return Self.doctype(of: doc)
    }

    fileprivate func record(_ error: UnsafePointer<xmlError>) {
        let e = error.pointee
        guard e.level.rawValue >= XML_ERR_ERROR.rawValue, problem == nil else { return }
        if let ctxt = e.ctxt?.assumingMemoryBound(to: xmlParserCtxt.self), let doc = ctxt.pointee.myDoc {
            refusedDoctype = Self.doctype(of: doc)?.refusal
        }
        let text = e.message.map { String(cString: $0) } ?? "unknown XML error"
        problem = XMLParserProblem(
            message: text.trimmingSpaceAndNewlines(),
            line: e.line > 0 ? Int(e.line) : nil, column: e.int2 > 0 ? Int(e.int2) : nil)
    }
}

/// Reading a document's DTD (internal subset) into an `XMLDoctype`.
extension XMLStreamReader {
    /// The DOCTYPE of `doc` as declared so far; nil when the document has none.
    fileprivate static func doctype(of doc: xmlDocPtr) -> XMLDoctype? {
        let external = doc.pointee.extSubset
        guard let dtd = doc.pointee.intSubset ?? external else { return nil }
        var entities: [XMLDoctype.Entity] = []
        var count = 0
        var child = doc.pointee.intSubset?.pointee.children
        while let c = child {
            if c.pointee.type == XML_ENTITY_DECL {
                count += 1
                if count <= XMLDoctype.maxEntities {  // past the limit only the count matters
                    entities.append(entity(UnsafeMutableRawPointer(c).assumingMemoryBound(to: xmlEntity.self)))
                }
            }
            child = c.pointee.next
        }
        return XMLDoctype(
            publicID: string(dtd.pointee.ExternalID), systemID: string(dtd.pointee.SystemID),
            hasExternalSubset: external != nil, entityCount: count, entities: entities)
    }

    private static func entity(_ e: UnsafeMutablePointer<xmlEntity>) -> XMLDoctype.Entity {
        let kind: XMLDoctype.Entity.Kind
        switch e.pointee.etype {
        case XML_INTERNAL_GENERAL_ENTITY: kind = .internalGeneral
        case XML_EXTERNAL_GENERAL_PARSED_ENTITY: kind = .externalGeneral
        case XML_EXTERNAL_GENERAL_UNPARSED_ENTITY: kind = .unparsed
        case XML_INTERNAL_PARAMETER_ENTITY: kind = .internalParameter
        case XML_EXTERNAL_PARAMETER_ENTITY: kind = .externalParameter
        default: kind = .predefined
        }
        let content = e.pointee.content.map { UnsafeBufferPointer(start: $0, count: strlen($0)) }
        let refers = content?.contains { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "%") } ?? false
        return XMLDoctype.Entity(
            name: string(e.pointee.name) ?? "", kind: kind,
            publicID: string(e.pointee.ExternalID), systemID: string(e.pointee.SystemID),
            length: content?.count ?? 0, refersToEntities: refers)
    }

    private static func string(_ text: UnsafePointer<xmlChar>?) -> String? {
        text.map { String(decoding: UnsafeBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) }
    }
}

private let recordProblem: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    Unmanaged<XMLStreamReader>.fromOpaque(context).takeUnretainedValue().record(error)
}

/// A borrowed libxml2 element node; valid only until the reader moves on.
struct XMLElement {
    private let node: xmlNodePtr
    /// The document's allowance of entity text (shared by all its elements).
    private let budget: XMLEntityBudget

    fileprivate init(_ node: xmlNodePtr, budget: XMLEntityBudget) {
        self.node = node
        self.budget = budget
    }

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
                appendText(of: a.pointee.children, to: &value)
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
            if c.pointee.type == XML_ELEMENT_NODE { out.append(XMLElement(c, budget: budget)) }
            child = c.pointee.next
        }
        return out
    }

    /// Appends the value of the attribute with local name `name` to `out`; false when there is none.
    func appendAttribute(_ name: [UInt8], to out: inout [UInt8]) -> Bool {
        var attribute = node.pointee.properties
        while let a = attribute {
            if Self.equal(a.pointee.name, name) {
                appendText(of: a.pointee.children, to: &out)
                return true
            }
            attribute = a.pointee.next
        }
        return false
    }

    /// Appends the concatenated text of all descendants (text, CDATA and the text of entity references) to `out`.
    func appendTextContent(to out: inout [UInt8]) { appendText(of: node.pointee.children, to: &out) }

    /// The element serialized as XML (its subtree, as libxml2 writes it).
    func serialized() -> [UInt8] {
        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        _ = xmlNodeDump(buffer, node.pointee.doc, node, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: Int(xmlBufferLength(buffer))))
    }

    /// Appends the text under `first` and its siblings; entity references (followed only outside
    /// entities: `XMLDoctype` refuses entities that refer to others) add their entity's text, charged to `budget`.
    private func appendText(of first: xmlNodePtr?, to out: inout [UInt8], inEntity: Bool = false) {
        var node = first
        while let n = node {
            if n.pointee.type == XML_TEXT_NODE || n.pointee.type == XML_CDATA_SECTION_NODE, let text = n.pointee.content
            {
                out.append(contentsOf: UnsafeBufferPointer(start: text, count: strlen(text)))
            } else if n.pointee.type == XML_ELEMENT_NODE {
                appendText(of: n.pointee.children, to: &out, inEntity: inEntity)
            } else if n.pointee.type == XML_ENTITY_REF_NODE, !inEntity {
                appendEntityText(of: n, to: &out)
            }
            node = n.pointee.next
        }
    }

    /// Appends the text of the internal entity `reference` names, while the document's budget lasts.
    private func appendEntityText(of reference: xmlNodePtr, to out: inout [UInt8]) {
        guard !budget.isExhausted, let entity = xmlGetDocEntity(reference.pointee.doc, reference.pointee.name),
            entity.pointee.etype == XML_INTERNAL_GENERAL_ENTITY
        else { return }
        let start = out.count
        if let parsed = entity.pointee.children {
            appendText(of: parsed, to: &out, inEntity: true)
        } else if let content = entity.pointee.content {
            out.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
        }
        budget.charge(out.count - start)
    }

    private static func equal(_ cName: UnsafePointer<xmlChar>?, _ name: [UInt8]) -> Bool {
        guard let cName else { return false }
        return name.withUnsafeBufferPointer { wanted in
            strlen(cName) == wanted.count && (wanted.isEmpty || memcmp(cName, wanted.baseAddress!, wanted.count) == 0)
        }
    }
}

extension String {
    fileprivate func trimmingSpaceAndNewlines() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
