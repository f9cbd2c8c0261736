/// What an ODM file's MetaDataVersion says about its items: data types and code lists.
package struct ODMMetaData: Sendable, Equatable {
    /// One ItemDef: its ODM DataType (`text`, `integer`, `date`, …) and the CodeList it refers to.
    package struct ItemDef: Sendable, Equatable {
        package var dataType: String
        package var codeListOID: String?
    }

    /// ItemDefs by ItemOID.
    package private(set) var items: [String: ItemDef] = [:]
    /// CodeLists by OID: coded value → decoded text.
    package private(set) var codeLists: [String: [String: String]] = [:]

    package init() {}

    /// The decoded text of `code` for item `itemOID`, when its ItemDef has a CodeList that lists the code.
    package func decode(_ code: String, item itemOID: String) -> String? {
        guard let list = items[itemOID]?.codeListOID else { return nil }
        return codeLists[list]?[code]
    }

    /// True when the item's ItemDef refers to a CodeList.
    func isCoded(_ itemOID: String) -> Bool { items[itemOID]?.codeListOID != nil }

    /// Reads an expanded `ItemDef` element.
    mutating func addItemDef(_ element: XMLElement) {
        guard let oid = element.attribute(ODMName.oid) else { return }
        let codeList = element.childElements.first { $0.hasLocalName(ODMName.codeListRef) }
        items[oid] = ItemDef(
            dataType: element.attribute(ODMName.dataType) ?? "text",
            codeListOID: codeList?.attribute(ODMName.codeListOID))
    }

    /// Reads an expanded `CodeList` element: each CodeListItem's CodedValue and Decode text
    /// (the `xml:lang="en"` TranslatedText, else the first). EnumeratedItems have no decode.
    mutating func addCodeList(_ element: XMLElement) {
        guard let oid = element.attribute(ODMName.oid) else { return }
        var list: [String: String] = [:]
        for item in element.childElements where item.hasLocalName(ODMName.codeListItem) {
            guard let code = item.attribute(ODMName.codedValue), list[code] == nil,
                let decode = item.childElements.first(where: { $0.hasLocalName(ODMName.decode) }),
                let text = Self.preferredText(decode)
            else { continue }
            list[code] = text
        }
        codeLists[oid] = list
    }

    /// The English TranslatedText of `element`, else its first one, trimmed.
    private static func preferredText(_ element: XMLElement) -> String? {
        let texts = element.childElements.filter { $0.hasLocalName(ODMName.translatedText) }
        let chosen = texts.first { $0.attribute(ODMName.lang)?.lowercased().hasPrefix("en") == true } ?? texts.first
        guard let chosen else { return nil }
        var bytes: [UInt8] = []
        chosen.appendTextContent(to: &bytes)
        return String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
    }
}

extension XMLElement {
    /// The value of the attribute with local name `name`, or nil.
    func attribute(_ name: [UInt8]) -> String? {
        var value: [UInt8] = []
        return appendAttribute(name, to: &value) ? String(decoding: value, as: UTF8.self) : nil
    }
}

extension String {
    /// The text without leading and trailing white space (spaces, tabs, line ends).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
