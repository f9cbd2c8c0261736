/// A field path of an `XMLRecordSpec`, parsed: how many levels up, which child elements, which attribute.
///
/// `child/grandchild` → steps [child, grandchild]; `child/@id` → steps [child], attribute id;
/// `../../@id` → ups 2, attribute id; `../child` → ups 1, steps [child]. Namespace prefixes are dropped.
struct XMLFieldPath: Equatable {
    let ups: Int
    let steps: [[UInt8]]
    let attribute: [UInt8]?

    /// Parses `text`; nil when it is not one of the supported forms.
    init?(_ text: String) {
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var ups = 0
        while parts.first == ".." {
            ups += 1
            parts.removeFirst()
        }
        var attribute: [UInt8]?
        if let last = parts.last, last.hasPrefix("@") {
            attribute = Self.localName(String(last.dropFirst()))
            parts.removeLast()
        }
        let steps = parts.map(Self.localName)
        guard !(steps.isEmpty && attribute == nil), attribute?.isEmpty != true,
            !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." || $0.contains("@") })
        else { return nil }
        self.ups = ups
        self.steps = steps
        self.attribute = attribute
    }

    /// The UTF-8 local name of a possibly prefixed name (`odm:ItemData` → `ItemData`).
    static func localName(_ name: String) -> [UInt8] {
        Array((name.split(separator: ":", omittingEmptySubsequences: false).last ?? "").utf8)
    }
}

/// The absolute element path of a record, parsed into local names.
struct XMLRecordPath {
    let steps: [[UInt8]]
    let names: [String]

    /// Parses `/a/b/c`; nil unless it is absolute with non-empty steps.
    init?(_ text: String) {
        guard text.hasPrefix("/") else { return nil }
        let parts = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0.hasPrefix("@") || $0 == ".." || $0 == "." })
        else { return nil }
        steps = parts.map(XMLFieldPath.localName)
        names = steps.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Depth of a record element (the root element is 0).
    var recordDepth: Int { steps.count - 1 }
}
