import RegpoolModel

/// Turns one expanded ItemGroupData into record fields: the context keys, then per ItemData its
/// ItemOID (the code as sent) and, for coded items, `ItemOID#decode`. Field lists repeat from record
/// to record, so each distinct list gets one shared `FieldNames`.
struct ODMRecordBuilder {
    private var namesCache: [[String]: FieldNames] = [:]

    /// Names, value bytes and bounds (start -1 = absent) for `element`.
    mutating func fields(
        of element: XMLElement, context: [String?], metaData: ODMMetaData
    )
        -> (FieldNames, [UInt8], [Int32])
    {
        var names = ODMName.context.map { "@" + $0.attribute }
        var bytes: [UInt8] = []
        var bounds: [Int32] = []
        for value in context { append(value.map { Array($0.utf8) }, to: &bytes, &bounds) }
        for item in element.childElements {
            guard let (oid, value) = Self.item(item) else { continue }
            names.append(oid)
            append(value, to: &bytes, &bounds)
            if metaData.isCoded(oid) {
                names.append(oid + "#decode")
                let decoded = value.flatMap { metaData.decode(String(decoding: $0, as: UTF8.self), item: oid) }
                append(decoded.map { Array($0.utf8) }, to: &bytes, &bounds)
            }
        }
        return (sharedNames(names), bytes, bounds)
    }

    /// ItemOID and value of an `ItemData` (its `Value` attribute, else the text of its first `Value` child) or
    /// typed `ItemDataString`, `ItemDataInteger`, … (the element text); the value is nil for `IsNull="Yes"`.
    /// Nil for elements that are not item data.
    static func item(_ element: XMLElement) -> (String, [UInt8]?)? {
        let local = element.localName
        guard local.starts(with: ODMName.itemData), let oid = element.attribute(ODMName.itemOID) else { return nil }
        if element.attribute(ODMName.isNull) == "Yes" { return (oid, nil) }
        var value: [UInt8] = []
        if local.count == ODMName.itemData.count {
            if element.appendAttribute(ODMName.value, to: &value) { return (oid, value) }
            guard let child = element.childElements.first(where: { $0.hasLocalName(ODMName.valueElement) }) else {
                return (oid, nil)
            }
            child.appendTextContent(to: &value)
            return (oid, value)
        }
        element.appendTextContent(to: &value)
        return (oid, value)
    }

    private mutating func sharedNames(_ names: [String]) -> FieldNames {
        if let known = namesCache[names] { return known }
        let made = FieldNames(names)
        namesCache[names] = made
        return made
    }

    private func append(_ value: [UInt8]?, to bytes: inout [UInt8], _ bounds: inout [Int32]) {
        guard let value else {
            bounds.append(-1)
            bounds.append(-1)
            return
        }
        bounds.append(Int32(bytes.count))
        bytes.append(contentsOf: value)
        bounds.append(Int32(bytes.count))
    }
}
