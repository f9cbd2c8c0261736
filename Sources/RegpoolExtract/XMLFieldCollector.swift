import RegpoolModel

/// Lists every field of an expanded record element, for `XMLReader.readAllFields`.
///
/// In document order: the record's attributes (`@id`), then for each descendant its attributes
/// (`child/@attr`) and, for a leaf element, its text (`child/grandchild`). Paths use local names, as
/// `XMLRecordSpec.fields` does. A path met again (a repeated element) keeps its first value — the one
/// a mapping rule naming that path reads. A leaf that has attributes and only blank text gives its
/// attributes only (`<birth year="1948"/>` → `birth/@year`).
struct XMLFieldCollector {
    private(set) var names: [String] = []
    private(set) var bytes: [UInt8] = []
    private(set) var bounds: [Int32] = []
    private var seen: Set<String> = []

    /// The fields of `record`.
    static func fields(of record: XMLElement) -> XMLFieldCollector {
        var collector = XMLFieldCollector()
        collector.addAttributes(record.attributes, prefix: "")
        for child in record.childElements { collector.visit(child, prefix: "") }
        return collector
    }

    private mutating func visit(_ element: XMLElement, prefix: String) {
        let path = prefix + String(decoding: element.localName, as: UTF8.self)
        let attributes = element.attributes
        addAttributes(attributes, prefix: path + "/")
        let children = element.childElements
        guard children.isEmpty else {
            for child in children { visit(child, prefix: path + "/") }
            return
        }
        var text: [UInt8] = []
        element.appendTextContent(to: &text)
        if attributes.isEmpty || !ByteText.trimmed(text[...]).isEmpty { add(path, text) }
    }

    private mutating func addAttributes(_ attributes: [(name: [UInt8], value: [UInt8])], prefix: String) {
        for attribute in attributes {
            add(prefix + "@" + String(decoding: attribute.name, as: UTF8.self), attribute.value)
        }
    }

    private mutating func add(_ name: String, _ value: [UInt8]) {
        guard seen.insert(name).inserted else { return }
        names.append(name)
        bounds.append(Int32(bytes.count))
        bytes.append(contentsOf: value)
        bounds.append(Int32(bytes.count))
    }
}
