import RegpoolConfig
import RegpoolModel

/// A source of a mapping prepared for use, with its field positions resolved per header.
struct CompiledSource: Sendable {
    let spec: SourceSpec
    /// The centre whose records this source maps (for audit events).
    let centre: String
    let rows: [CompiledRow]
    /// The source's `updated:` date reader, if it declares one.
    let updated: CompiledUpdateDate?
    /// The mapping's "not known" tokens, trimmed (for link key values).
    let missing: MissingTokens
    /// The last header seen and the positions of the fields in it.
    private var resolved: (names: FieldNames, positions: FieldPositions)?

    /// Where a record's fields are in one header: the patient key, each row's fields (aligned with
    /// `CompiledRow.fields`), the `updated:` field and each `link:` field (aligned with `spec.link`).
    struct FieldPositions {
        let key: Int?
        let rows: [[Int?]]
        let updated: Int?
        let links: [Int?]
    }

    /// `slots`: the next audit slot free in the log this source's records are mapped into.
    init(spec: SourceSpec, centre: String, defaultMissing: [String], slots: inout Int) {
        self.spec = spec
        self.centre = centre
        var rows: [CompiledRow] = []
        for table in spec.tables {
            guard let schema = CDM.table(table.table) else { continue }
            for row in table.rows {
                rows.append(CompiledRow(row: row, schema: schema, defaultMissing: defaultMissing, slots: &slots))
            }
        }
        self.rows = rows
        let missing = MissingTokens(defaultMissing)
        self.missing = missing
        updated = spec.updated.map { CompiledUpdateDate(spec: $0, source: spec, missing: missing) }
    }

    /// Field positions for `names`, computed once per header object.
    mutating func positions(for names: FieldNames) -> FieldPositions {
        if let r = resolved, r.names === names { return r.positions }
        let positions = computePositions(for: names)
        resolved = (names, positions)
        return positions
    }

    /// Field positions for `names`: the ones `positions(for:)` kept, else computed afresh.
    func resolvedPositions(for names: FieldNames) -> FieldPositions {
        if let r = resolved, r.names === names { return r.positions }
        return computePositions(for: names)
    }

    private func computePositions(for names: FieldNames) -> FieldPositions {
        let rowIndexes = rows.map { row in
            row.fields.map { field -> Int? in
                // An unpack row's item fields are answered by the item: positions -1, -2, …
                if let k = row.unpack?.itemIndex(of: field) { return -(k + 1) }
                return names.index(of: field)
            }
        }
        let positions = FieldPositions(
            key: names.index(of: spec.patientKey), rows: rowIndexes,
            updated: spec.updated.flatMap { names.index(of: $0.field) },
            links: spec.link.map { names.index(of: $0.field) })
        return positions
    }

    /// The record's trimmed patient key, or nil when absent, empty or a "not known" token.
    func patientKey(_ record: SourceRecord, at index: Int?) -> String? {
        guard let index, let raw = record.bytes(at: index) else { return nil }
        let key = ByteText.trimmed(raw)
        guard !key.isEmpty, !missing.contains(key) else { return nil }
        return ByteText.string(key)
    }

    /// The trimmed value of link key field `index` of `record`, or nil when absent, empty or a
    /// "not known" token.
    func linkValue(_ record: SourceRecord, at index: Int?) -> String? {
        guard let index, let raw = record.bytes(at: index) else { return nil }
        let value = ByteText.trimmed(raw)
        guard !value.isEmpty, !missing.contains(value) else { return nil }
        return ByteText.string(value)
    }
}
