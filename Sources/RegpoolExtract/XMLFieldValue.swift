/// Evaluates a record-relative field path on an expanded element.
enum XMLFieldValue {
    /// The value at `steps` (then `attribute`, if any) below `element`: the first match in document
    /// order, as UTF-8 bytes; nil when nothing matches (an absent field).
    static func find(in element: XMLElement, steps: ArraySlice<[UInt8]>, attribute: [UInt8]?) -> [UInt8]? {
        guard let step = steps.first else {
            var value: [UInt8] = []
            if let attribute {
                return element.appendAttribute(attribute, to: &value) ? value : nil
            }
            element.appendTextContent(to: &value)
            return value
        }
        for child in element.childElements where child.hasLocalName(step) {
            if let value = find(in: child, steps: steps.dropFirst(), attribute: attribute) { return value }
        }
        return nil
    }
}
