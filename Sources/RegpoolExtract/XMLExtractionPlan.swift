import RegpoolModel

/// An `XMLRecordSpec` checked and parsed once per file: the record path and each field's path.
struct XMLExtractionPlan {
    let record: XMLRecordPath
    let fields: [XMLFieldPath]
    let names: FieldNames
    /// Per depth: indices of fields read from that ancestor's attributes / from its earlier children.
    private let attributeFieldsByDepth: [[Int]]
    private let childFieldsByDepth: [[Int]]

    /// Parses `spec`; throws an `ExtractError` for `displayName` naming the path that is not supported.
    init(spec: XMLRecordSpec, displayName: String) throws {
        guard let record = XMLRecordPath(spec.recordPath) else {
            throw ExtractError(
                file: displayName, message: "record path '\(spec.recordPath)' is not an absolute element path",
                hint: "write the record path as /root/child/record, e.g. /registry/patient")
        }
        var fields: [XMLFieldPath] = []
        for text in spec.fields {
            guard let field = XMLFieldPath(text), field.ups <= record.recordDepth else {
                throw ExtractError(
                    file: displayName,
                    message: "field path '\(text)' is not supported for records at \(spec.recordPath)",
                    hint: "use child, child/grandchild, @attr, child/@attr, ../@attr or ../child"
                        + " (never climbing above the root element)")
            }
            fields.append(field)
        }
        self.record = record
        self.fields = fields
        names = FieldNames(spec.fields)
        attributeFieldsByDepth = (0...record.recordDepth).map { depth in
            fields.indices.filter { fields[$0].isAncestorField(at: depth, of: record) && fields[$0].steps.isEmpty }
        }
        childFieldsByDepth = (0...record.recordDepth).map { depth in
            fields.indices.filter { fields[$0].isAncestorField(at: depth, of: record) && !fields[$0].steps.isEmpty }
        }
    }

    /// Indices of fields read from an ancestor at `depth` (by its attributes when `attributes`, else by its children).
    func ancestorFields(atDepth depth: Int, attributes: Bool) -> [Int] {
        guard depth >= 0, depth <= record.recordDepth else { return [] }
        return attributes ? attributeFieldsByDepth[depth] : childFieldsByDepth[depth]
    }
}

extension XMLFieldPath {
    fileprivate func isAncestorField(at depth: Int, of record: XMLRecordPath) -> Bool {
        ups > 0 && record.recordDepth - ups == depth
    }
}
