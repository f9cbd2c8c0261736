import RegpoolConfig
import RegpoolModel

/// One row mapping prepared for use: its table, its compiled rules, and which columns fill themselves.
struct CompiledRow: Sendable {
    let schema: TableSchema
    let rules: [CompiledRule]
    let location: SourceLocation
    /// Columns some rule of this row fills.
    let mapped: Set<String>

    init(row: RowMapping, schema: TableSchema, defaultMissing: [String]) {
        self.schema = schema
        rules = row.columns.map { CompiledRule(rule: $0, schema: schema, defaultMissing: defaultMissing) }
        location = row.location
        mapped = Set(row.columns.map(\.column))
    }

    /// The source fields this row reads, in rule order.
    var fields: [String] { rules.compactMap(\.field) }
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
    func build(raw: (Int) -> ArraySlice<UInt8>?, fieldIndexes: [Int?], context: RecordContext,
               audit: inout AuditLog) -> ProducedRow? {
        var values = [Value](repeating: .null, count: schema.columns.count)
        var anyField = false
        var valueSource: String?
        var notes: [ValueNote] = []
        forEachRule(raw: raw, fieldIndexes: fieldIndexes) { rule, bytes in
            let result = rule.evaluate(bytes, context: context, audit: &audit)
            values[rule.columnIndex] = result.value
            if let note = result.note { notes.append(note) }
            if rule.field != nil, !result.value.isNull { anyField = true }
            if rule.rule.column == "value" { valueSource = result.sourceText }
        }
        guard anyField else { return nil }
        var row = ProducedRow(schema: schema, values: values, notes: notes)
        fillDerived(&row, valueSource: valueSource)
        return checkRequired(row, context: context, audit: &audit) ? row : nil
    }

    /// Calls `body` with every rule and the bytes of its field (nil for constants and absent fields),
    /// in rule order; `fieldIndexes` holds one record position per field rule.
    func forEachRule(raw: (Int) -> ArraySlice<UInt8>?, fieldIndexes: [Int?],
                     _ body: (CompiledRule, ArraySlice<UInt8>?) -> Void) {
        var fieldCursor = 0
        for rule in rules {
            var bytes: ArraySlice<UInt8>?
            if rule.field != nil {
                bytes = fieldIndexes[fieldCursor].flatMap(raw)
                fieldCursor += 1
            }
            body(rule, bytes)
        }
    }

    /// lab_results auto-fill and len_courses.responded, for columns no rule fills.
    private func fillDerived(_ row: inout ProducedRow, valueSource: String?) {
        switch schema.name {
        case CDM.labResults.name:
            LabAutoFill.apply(&row.values, schema: schema, mapped: mapped, valueSource: valueSource,
                              valueUnit: rules.first { $0.rule.column == "value" }?.rule.unit)
        case CDM.lenCourses.name where !mapped.contains("responded"):
            if let i = schema.index(of: "responded"), let b = schema.index(of: "best_response"),
                let response = row.values[b].stringValue {
                row.values[i] = .bool(Derivations.responded(bestResponse: response))
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
        audit.record(AuditEvent(.rowDropped, centre: context.centre, file: context.file, locator: context.locator,
            target: "\(schema.name).\(first)", rule: "\(location.file):\(location.line) \(schema.name)",
            message: "a \(schema.name) row lacks the required column(s) \(missing.joined(separator: ", ")) "
                + "and is left out. To fix: send the value, or map it in \(location.file):\(location.line)"))
        return false
    }
}
