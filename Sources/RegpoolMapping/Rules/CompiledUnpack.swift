import RegpoolConfig
import RegpoolModel

/// A packed cell prepared for use: its separator as bytes and its compiled pattern.
struct CompiledUnpack: Sendable {
    let spec: UnpackSpec
    let separator: [UInt8]
    /// The item fields a rule may read: the named groups, then `#item`.
    let itemFields: [String]

    /// The compiled pattern (from the parser).
    var regex: Regex<AnyRegexOutput> { spec.pattern.regex }

    init(_ spec: UnpackSpec) {
        self.spec = spec
        separator = Array(spec.separator.utf8)
        itemFields = spec.groups + [UnpackSpec.itemField]
    }

    /// The position of `field` among the item fields, or nil for a field of the record.
    func itemIndex(of field: String) -> Int? { itemFields.firstIndex(of: field) }

    /// The trimmed, non-empty items of a packed cell, in order.
    func items(_ cell: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = cell.startIndex
        var i = cell.startIndex
        while i <= cell.endIndex - separator.count, !separator.isEmpty {
            if cell[i..<(i + separator.count)].elementsEqual(separator) {
                out.append(cell[start..<i])
                i += separator.count
                start = i
            } else {
                i += 1
            }
        }
        out.append(cell[start..<cell.endIndex])
        return out.map(ByteText.trimmed).filter { !$0.isEmpty }
    }

    /// The item's fields (group values, then its position) when the pattern reads it whole.
    func fields(of item: ArraySlice<UInt8>, position: Int) -> [ArraySlice<UInt8>?]? {
        let text = ByteText.string(item)
        guard let match = try? regex.wholeMatch(in: text) else { return nil }
        var out: [ArraySlice<UInt8>?] = spec.groups.map { name in
            match.output[name]?.substring.map { ArraySlice(Array($0.utf8)) }
        }
        out.append(ArraySlice(Array(String(position).utf8)))
        return out
    }
}

extension CompiledRow {
    /// Calls `body` once with the record's field access, or, for an unpack row, once per item
    /// of the packed cell that the pattern reads (T3013 for each item it does not read), with
    /// an access that answers item fields (negative positions, see `CompiledSource`).
    func forEachInstance(
        raw: @escaping (Int) -> ArraySlice<UInt8>?, fieldIndexes: [Int?], context: RecordContext,
        audit: inout AuditLog, _ body: ((Int) -> ArraySlice<UInt8>?, inout AuditLog) -> Void
    ) {
        guard let unpack else { return body(raw, &audit) }
        guard let cellIndex = fieldIndexes.last ?? nil, let cell = raw(cellIndex) else { return }
        for (n, item) in unpack.items(cell).enumerated() {
            guard let parts = unpack.fields(of: item, position: n + 1) else {
                unreadable(item, position: n + 1, unpack: unpack, context: context, audit: &audit)
                continue
            }
            body({ i in i < 0 ? parts[-i - 1] : raw(i) }, &audit)
        }
    }

    private func unreadable(
        _ item: ArraySlice<UInt8>, position: Int, unpack: CompiledUnpack, context: RecordContext,
        audit: inout AuditLog
    ) {
        let text = ByteText.string(item)
        let at = "\(unpack.spec.location.file):\(unpack.spec.location.line)"
        audit.record(
            AuditEvent(
                .itemUnreadable, centre: context.centre, file: context.file, locator: context.locator,
                field: unpack.spec.field, target: schema.name, sourceValue: text, rule: "\(at) \(schema.name).unpack",
                message:
                    "item \(position) \"\(text)\" of field \(unpack.spec.field) does not match the unpack pattern; "
                    + "it gives no \(schema.name) row. To fix: correct the export, or widen the pattern in \(at)"))
    }
}
