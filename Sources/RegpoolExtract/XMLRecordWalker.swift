import Crypto
import RegpoolModel

/// Walks the reader's node stream, keeping the open elements on the record path (for locators and
/// ancestor fields), turning each record element into a `SourceRecord` and skipping everything else.
struct XMLRecordWalker: XMLStackWalker {
    /// An open ancestor of the records (or the record itself).
    struct Frame {
        let position: Int
        var recordPathChildren = 0
        /// Ancestor field values, by field index (nil entry: not seen yet).
        var captured: [Int: [UInt8]] = [:]
    }

    private let plan: XMLExtractionPlan
    let reader: XMLStreamReader
    let displayName: String
    var stack: [Frame] = []
    private var roots = 0
    /// When true, each record carries every field of its subtree (`XMLFieldCollector`) instead of the plan's.
    var collectsAllFields = false

    init(plan: XMLExtractionPlan, reader: XMLStreamReader, displayName: String) {
        self.plan = plan
        self.reader = reader
        self.displayName = displayName
    }

    /// Handles one element on the followed path; returns the reader's status.
    mutating func visit(_ element: XMLElement, depth: Int, _ sink: (ExtractEvent) throws -> Void) throws -> Int32 {
        let steps = plan.record.steps
        guard depth < steps.count, element.hasLocalName(steps[depth]) else {
            if depth > 0 { captureAncestorChild(element, parentDepth: depth - 1) }
            return reader.skipSubtree()
        }
        let position = nextPosition(depth: depth)
        var frame = Frame(position: position)
        for index in plan.ancestorFields(atDepth: depth, attributes: true) {
            var value: [UInt8] = []
            if element.appendAttribute(plan.fields[index].attribute ?? [], to: &value) { frame.captured[index] = value }
        }
        stack.append(frame)
        guard depth == plan.record.recordDepth else { return reader.read() }
        try emitRecord(sink)
        return reader.skipSubtree()
    }

    private mutating func nextPosition(depth: Int) -> Int {
        if depth == 0 {
            roots += 1
            return roots
        }
        stack[depth - 1].recordPathChildren += 1
        return stack[depth - 1].recordPathChildren
    }

    /// Keeps `../child` values: the first matching child of an ancestor that came before the records.
    private mutating func captureAncestorChild(_ element: XMLElement, parentDepth: Int) {
        let wanted = plan.ancestorFields(atDepth: parentDepth, attributes: false).filter {
            stack[parentDepth].captured[$0] == nil && element.hasLocalName(plan.fields[$0].steps[0])
        }
        guard !wanted.isEmpty, let expanded = reader.expand() else { return }
        for index in wanted {
            let field = plan.fields[index]
            if let value = XMLFieldValue.find(in: expanded, steps: field.steps.dropFirst(), attribute: field.attribute)
            {
                stack[parentDepth].captured[index] = value
            }
        }
    }

    private func emitRecord(_ sink: (ExtractEvent) throws -> Void) throws {
        guard let element = reader.expand() else {
            _ = try checked(-1)
            return
        }
        let (names, bytes, bounds) = collectsAllFields ? allFields(of: element) : plannedFields(of: element)
        try reader.checkEntityExpansion(file: displayName)
        var hasher = SHA256()
        hasher.update(data: element.serialized())
        let record = SourceRecord(
            file: displayName, locator: locator, line: element.line,
            sha256: Hex.lowercase(hasher.finalize()), names: names, bytes: bytes, bounds: bounds)
        try sink(.record(record))
    }

    /// Every field found in the record's subtree.
    private func allFields(of element: XMLElement) -> (FieldNames, [UInt8], [Int32]) {
        let collected = XMLFieldCollector.fields(of: element)
        return (FieldNames(collected.names), collected.bytes, collected.bounds)
    }

    /// The plan's fields, read from the record or its captured ancestors.
    private func plannedFields(of element: XMLElement) -> (FieldNames, [UInt8], [Int32]) {
        var bytes: [UInt8] = []
        var bounds: [Int32] = []
        bounds.reserveCapacity(plan.fields.count * 2)
        for (index, field) in plan.fields.enumerated() {
            let value =
                field.ups == 0
                ? XMLFieldValue.find(in: element, steps: field.steps[...], attribute: field.attribute)
                : stack[plan.record.recordDepth - field.ups].captured[index]
            if let value {
                bounds.append(Int32(bytes.count))
                bytes.append(contentsOf: value)
                bounds.append(Int32(bytes.count))
            } else {
                bounds.append(-1)
                bounds.append(-1)
            }
        }
        return (plan.names, bytes, bounds)
    }

    /// `/registry[1]/patient[3]` for the open record.
    private var locator: String {
        zip(plan.record.names, stack).map { "/\($0.0)[\($0.1.position)]" }.joined()
    }

    /// Passes `status` through, or throws when libxml2 reported an error.
    private func checked(_ status: Int32) throws -> Int32 {
        try reader.checked(status, file: displayName)
    }
}
