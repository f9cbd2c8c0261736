import Crypto
import RegpoolModel

/// Walks an ODM document's node stream: reads the MetaDataVersion into lookup tables, follows
/// ClinicalData down to ItemGroupData, and turns each occurrence of the wanted item group into a record.
struct ODMWalker: XMLStackWalker {
    /// An open element on the walked path.
    struct Frame {
        let name: String
        let position: Int
        var childCounts: [String: Int] = [:]
    }

    let reader: XMLStreamReader
    let displayName: String
    private let itemGroupOID: [UInt8]
    var stack: [Frame] = []
    private var roots = 0
    /// Context attribute values (`ODMName.context` order) of the open ClinicalData…FormData elements.
    private var context: [String?] = Array(repeating: nil, count: ODMName.context.count)
    /// Metadata by MetaDataVersion OID, and the one being read.
    private(set) var metaData: [String: ODMMetaData] = [:]
    private var currentVersion = ""
    private var builder = ODMRecordBuilder()

    init(reader: XMLStreamReader, displayName: String, itemGroupOID: String) {
        self.reader = reader
        self.displayName = displayName
        self.itemGroupOID = Array(itemGroupOID.utf8)
    }

    /// Handles one element on the followed path; returns the reader's status.
    mutating func visit(_ element: XMLElement, depth: Int, _ sink: (ExtractEvent) throws -> Void) throws -> Int32 {
        let name = String(decoding: element.localName, as: UTF8.self)
        if depth == 0 {
            guard element.hasLocalName(ODMName.odm) else { throw notODM(name, line: element.line) }
            roots += 1
            stack.append(Frame(name: name, position: roots))
            return reader.read()
        }
        stack[depth - 1].childCounts[name, default: 0] += 1
        stack.append(Frame(name: name, position: stack[depth - 1].childCounts[name] ?? 1))
        guard ODMName.walkedChildren[stack[depth - 1].name]?.contains(name) == true else { return reader.skipSubtree() }
        switch name {
        case "MetaDataVersion":
            currentVersion = element.attribute(ODMName.oid) ?? ""
        case "ItemDef", "CodeList":
            guard let expanded = reader.expand() else { return try checked(-1) }
            if name == "ItemDef" {
                metaData[currentVersion, default: ODMMetaData()].addItemDef(expanded)
            } else {
                metaData[currentVersion, default: ODMMetaData()].addCodeList(expanded)
            }
            return reader.skipSubtree()
        case "ItemGroupData":
            var oid: [UInt8] = []
            guard element.appendAttribute(ODMName.itemGroupOID, to: &oid), oid == itemGroupOID else {
                return reader.read()  // another group: look inside for nested groups (matrix forms)
            }
            try emitRecord(sink)
            return reader.skipSubtree()
        default:
            captureContext(of: element, named: name)
        }
        return reader.read()
    }

    /// Keeps the context attributes of a ClinicalData, SubjectData, StudyEventData, FormData or
    /// ItemGroupData, and forgets those of deeper levels (a StudyEventData without FormData has no form keys).
    private mutating func captureContext(of element: XMLElement, named name: String) {
        guard let level = ODMName.levels.firstIndex(of: name) else { return }
        for (index, key) in ODMName.context.enumerated() {
            guard let keyLevel = ODMName.levels.firstIndex(of: key.element), keyLevel >= level else { continue }
            context[index] = keyLevel == level ? element.attribute(Array(key.attribute.utf8)) : nil
        }
    }

    private mutating func emitRecord(_ sink: (ExtractEvent) throws -> Void) throws {
        guard let element = reader.expand() else {
            _ = try checked(-1)
            return
        }
        captureContext(of: element, named: "ItemGroupData")
        let versionOID = context[1] ?? ""
        let meta = metaData[versionOID] ?? (metaData.count == 1 ? metaData.values.first : nil) ?? ODMMetaData()
        let (names, bytes, bounds) = builder.fields(of: element, context: context, metaData: meta)
        try reader.checkEntityExpansion(file: displayName)
        var hasher = SHA256()
        hasher.update(data: element.serialized())
        let locator = stack.map { "/\($0.name)[\($0.position)]" }.joined()
        try sink(
            .record(
                SourceRecord(
                    file: displayName, locator: locator, line: element.line,
                    sha256: Hex.lowercase(hasher.finalize()), names: names, bytes: bytes, bounds: bounds)))
    }

    private func checked(_ status: Int32) throws -> Int32 {
        try reader.checked(status, file: displayName)
    }

    private func notODM(_ root: String, line: Int) -> ExtractError {
        ExtractError(
            file: displayName, line: line,
            message: "not a CDISC ODM document: the root element is <\(root)>, not <ODM>",
            hint: "export the study as CDISC ODM 1.3 XML, or read this file with format xml")
    }
}
