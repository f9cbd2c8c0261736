import RegpoolConfig
import RegpoolModel

/// One row mapping prepared for use: its table, its compiled rules, and which columns fill themselves.
struct CompiledRow: Sendable {
    let schema: TableSchema
    let rules: [CompiledRule]
    let location: SourceLocation
    /// Columns some rule of this row fills.
    let mapped: Set<String>
    /// The packed cell this row unpacks, if any.
    let unpack: CompiledUnpack?
    /// For `lab_results`: the position of `analyte`, whose value picks the plausible range of `value`.
    let analyteIndex: Int?

    /// `slots`: the mapper's next free audit slot (see `CompiledRule`).
    init(row: RowMapping, schema: TableSchema, defaultMissing: [String], slots: inout Int) {
        self.schema = schema
        var rules: [CompiledRule] = []
        for column in row.columns {
            rules.append(CompiledRule(rule: column, schema: schema, defaultMissing: defaultMissing, slots: &slots))
        }
        self.rules = rules
        location = row.location
        mapped = Set(row.columns.map(\.column))
        unpack = row.unpack.map(CompiledUnpack.init)
        analyteIndex = schema.name == CDM.labResults.name ? CDM.LabResults.analyte.index : nil
    }

    /// The source fields this row reads: per rule its field, then its unit field (if any); then
    /// the packed field of an unpack row.
    var fields: [String] {
        var out: [String] = []
        for rule in rules {
            if let f = rule.field { out.append(f) }
            if let u = rule.rule.unitField { out.append(u) }
        }
        if let unpack { out.append(unpack.spec.field) }
        return out
    }
}

/// A row built from one record, before merging.
struct ProducedRow: Sendable {
    let schema: TableSchema
    var values: [Value]
    /// Conversions and imputations of this row's values.
    var notes: [ValueNote] = []
}

extension CompiledRow {
    /// Builds this row from a record's field bytes (looked up by `raw`), or nil when no field
    /// rule gave a value or a required column is missing (then T3006 is recorded).
    func build(
        raw: (Int) -> ArraySlice<UInt8>?, fieldIndexes: [Int?], context: RecordContext,
        audit: inout AuditLog
    ) -> ProducedRow? {
        var values = [Value](repeating: .null, count: schema.columns.count)
        var anyField = false
        var valueSource: String?
        var valueUnit: String?
        var notes: [ValueNote] = []
        forEachRule(raw: raw, fieldIndexes: fieldIndexes) { rule, bytes, unitBytes in
            let result = rule.evaluate(bytes, unit: unitBytes, context: context, audit: &audit)
            values[rule.columnIndex] = result.value
            if let note = result.note { notes.append(note) }
            if rule.field != nil, !result.value.isNull { anyField = true }
            if rule.fillsValue {
                valueSource = result.sourceText
                valueUnit = result.unitText
            }
        }
        guard anyField else { return nil }
        var row = ProducedRow(schema: schema, values: values, notes: notes)
        checkRanges(&row, context: context, audit: &audit)
        fillDerived(&row, valueSource: valueSource, valueUnit: valueUnit)
        return checkRequired(row, context: context, audit: &audit) ? row : nil
    }

    /// Calls `body` with every rule, the bytes of its field (nil for constants and absent fields)
    /// and of its unit field, in rule order; `fieldIndexes` is aligned with `fields`.
    func forEachRule(
        raw: (Int) -> ArraySlice<UInt8>?, fieldIndexes: [Int?],
        _ body: (CompiledRule, ArraySlice<UInt8>?, ArraySlice<UInt8>?) -> Void
    ) {
        var fieldCursor = 0
        for rule in rules {
            var bytes: ArraySlice<UInt8>?
            var unitBytes: ArraySlice<UInt8>?
            if rule.field != nil {
                bytes = fieldIndexes[fieldCursor].flatMap(raw)
                fieldCursor += 1
            }
            if rule.rule.unitField != nil {
                unitBytes = fieldIndexes[fieldCursor].flatMap(raw)
                fieldCursor += 1
            }
            body(rule, bytes, unitBytes)
        }
    }

    /// lab_results auto-fill and len_courses.responded, for columns no rule fills.
    private func fillDerived(_ row: inout ProducedRow, valueSource: String?, valueUnit: String?) {
        switch schema.name {
        case CDM.labResults.name:
            LabAutoFill.apply(&row.values, mapped: mapped, valueSource: valueSource, valueUnit: valueUnit)
        case CDM.lenCourses.name where !mapped.contains(CDM.LenCourses.responded.name):
            if let response = row.values[CDM.LenCourses.bestResponse.index].stringValue {
                row.values[CDM.LenCourses.responded.index] = .bool(Derivations.responded(bestResponse: response))
            }
        default:
            break
        }
    }

    /// True when every required column (but the derived ones) has a value; else one T3006.
    private func checkRequired(_ row: ProducedRow, context: RecordContext, audit: inout AuditLog) -> Bool {
        guard !schema.isPerPatient else { return true }
        let missing = schema.columns.enumerated().filter { i, c in
            c.required && !CDM.derivedColumns.contains(c.name) && row.values[i].isNull
        }.map(\.element.name)
        guard let first = missing.first else { return true }
        audit.record(
            AuditEvent(
                .rowDropped, centre: context.centre, file: context.file, locator: context.locator,
                target: "\(schema.name).\(first)", rule: "\(location.file):\(location.line) \(schema.name)",
                message: "a \(schema.name) row lacks the required column(s) \(missing.joined(separator: ", ")) "
                    + "and is left out. To fix: send the value, or map it in \(location.file):\(location.line)"))
        return false
    }
}
