import RegpoolModel

/// What a mapping makes of one source record on its own (before merging), for `regpool inspect`.
package struct RecordPreview: Sendable, Equatable {
    /// The trimmed patient key, or nil when the record has none (then `rows` is empty and `issues` holds T3005).
    package let patientKey: String?
    /// The rows the record gives, in the mapping's order.
    package let rows: [PreviewRow]
    /// The record's own audit events (T3001, T3002, T3005, T3006), in audit order; counted
    /// decisions (T3003 code maps, T3004 conversions) are not repeated here — the cells show them.
    package let issues: [AuditEvent]

    /// A preview from its parts.
    package init(patientKey: String?, rows: [PreviewRow], issues: [AuditEvent]) {
        self.patientKey = patientKey
        self.rows = rows
        self.issues = issues
    }
}

/// One CDM row a record gives: the mapped and derived columns, in schema order.
package struct PreviewRow: Sendable, Equatable {
    package let table: String
    package let cells: [PreviewCell]

    /// A row of `table` with its cells.
    package init(table: String, cells: [PreviewCell]) {
        self.table = table
        self.cells = cells
    }
}

/// One CDM value of a previewed row and where it came from.
package struct PreviewCell: Sendable, Equatable {
    package let column: String
    /// The typed CDM value (`.null` when the rule gave nothing).
    package let value: Value
    /// The source field the rule reads; nil for a constant or a derived column.
    package let field: String?
    /// The trimmed text the rule read; nil for a constant, a derived column, an absent or "not known" value.
    package let sourceText: String?
    /// `file:line` of the rule in the mapping; nil for a column regpool derives itself.
    package let rule: String?
    /// The conversion or imputation that made the value (`× 0.1 (unit g/L)`, `partial date: …`), if any.
    package let conversion: String?

    /// A cell from its parts.
    package init(
        column: String, value: Value, field: String?, sourceText: String?, rule: String?,
        conversion: String? = nil
    ) {
        self.column = column
        self.value = value
        self.field = field
        self.sourceText = sourceText
        self.rule = rule
        self.conversion = conversion
    }
}
