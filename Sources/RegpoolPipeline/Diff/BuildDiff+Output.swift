import RegpoolLoad
import RegpoolModel

/// `regpool diff` as text and as JSON.
extension BuildDiff {
    /// How many new/vanished records and examples the text lists per centre.
    static let listed = 5

    package var text: String {
        var lines = ["regpool diff \(before) → \(after)", ""]
        guard !isEmpty else {
            return (lines + ["no change: every table, source record and unmapped value is the same"]).joined(
                separator: "\n") + "\n"
        }
        lines.append(
            "Patients: \(patientsAdded.count) added, \(patientsRemoved.count) removed, \(patientsChanged.count) changed"
        )
        lines += patientsAdded.map { "  added    \($0)" } + patientsRemoved.map { "  removed  \($0)" }
        lines += patientsChanged.map { "  changed  \($0.id)  \($0.changes.joined(separator: ", "))" }
        lines += ["", "Tables"]
        for t in tables {
            let summary =
                t.isUnchanged
                ? "unchanged" : "\(t.rowsAdded) row(s) added, \(t.rowsRemoved) removed, \(t.rowsChanged) changed"
            lines.append("  \(t.table): \(t.rowsBefore) → \(t.rowsAfter) rows; \(summary)")
            for c in t.columns {
                let examples = c.examples.map {
                    "\($0.pooledID)\($0.row.isEmpty ? "" : " " + $0.row): \(Self.shown($0.before)) → \(Self.shown($0.after))"
                }
                lines.append(
                    "    \(c.column): \(c.count) changed (\(examples.joined(separator: "; "))\(c.count > c.examples.count ? "; …" : ""))"
                )
            }
        }
        lines += ["", "Source records (by record hash)"]
        if records.isEmpty { lines.append("  no record new or vanished") }
        for r in records {
            lines.append("  \(r.centre): \(r.new.count) new, \(r.vanished.count) vanished")
            lines += r.new.prefix(Self.listed).map { "    new       \($0.file) \($0.locator)" }
            lines += r.vanished.prefix(Self.listed).map { "    vanished  \($0.file) \($0.locator)" }
        }
        lines += ["", "Source values newly unmapped (T3001)"]
        if unmapped.isEmpty { lines.append("  none") }
        lines += unmapped.map {
            "  \($0.centre)  \($0.field) → \($0.target)  \"\($0.value)\"  \($0.count)×, first at \($0.file) \($0.locator)"
        }
        return lines.joined(separator: "\n") + "\n"
    }

    package var json: String {
        func value(_ v: Value) -> JSONValue { JSONValue(v) }
        return JSONValue.object([
            ("before", .string(before)), ("after", .string(after)), ("unchanged", .bool(isEmpty)),
            (
                "patients",
                .object([
                    ("added", .array(patientsAdded.map(JSONValue.string))),
                    ("removed", .array(patientsRemoved.map(JSONValue.string))),
                    (
                        "changed",
                        .array(
                            patientsChanged.map {
                                .object([
                                    ("pooled_id", .string($0.id)),
                                    ("changes", .array($0.changes.map(JSONValue.string))),
                                ])
                            })
                    ),
                ])
            ),
            (
                "tables",
                .array(
                    tables.map { t in
                        .object([
                            ("table", .string(t.table)), ("rows_before", .int(t.rowsBefore)),
                            ("rows_after", .int(t.rowsAfter)),
                            ("rows_added", .int(t.rowsAdded)), ("rows_removed", .int(t.rowsRemoved)),
                            ("rows_changed", .int(t.rowsChanged)),
                            ("ids_added", .array(t.idsAdded.map(JSONValue.string))),
                            ("ids_removed", .array(t.idsRemoved.map(JSONValue.string))),
                            ("ids_changed", .array(t.idsChanged.map(JSONValue.string))),
                            (
                                "columns",
                                .array(
                                    t.columns.map { c in
                                        .object([
                                            ("column", .string(c.column)), ("changed", .int(c.count)),
                                            (
                                                "examples",
                                                .array(
                                                    c.examples.map { e in
                                                        .object([
                                                            ("pooled_id", .string(e.pooledID)),
                                                            ("row", e.row.isEmpty ? nil : .string(e.row)),
                                                            ("before", value(e.before)), ("after", value(e.after)),
                                                        ])
                                                    })
                                            ),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "source_records",
                .array(
                    records.map { r in
                        .object([
                            ("centre", .string(r.centre)), ("new", .array(r.new.map(Self.record))),
                            ("vanished", .array(r.vanished.map(Self.record))),
                        ])
                    })
            ),
            (
                "unmapped_new",
                .array(
                    unmapped.map { u in
                        .object([
                            ("centre", .string(u.centre)), ("field", .string(u.field)), ("target", .string(u.target)),
                            ("source_value", .string(u.value)), ("count", .int(u.count)), ("file", .string(u.file)),
                            ("locator", .string(u.locator)),
                        ])
                    })
            ),
        ]).text
    }

    static func record(_ r: Record) -> JSONValue {
        .object([("file", .string(r.file)), ("locator", .string(r.locator)), ("record_sha256", .string(r.sha256))])
    }

    static func shown(_ v: Value) -> String { v.isNull ? "null" : v.text }
}
