import RegpoolConfig
import RegpoolModel
import Yams

/// The `tables` of a source: CDM table → one row mapping or a list of them.
extension MappingReader {
    /// Every table mapping in document order, or nil after reporting problems.
    func tables(_ node: Node) -> [TableMapping]? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "'tables'") else { return nil }
        if mapping.isEmpty {
            d.report(node, "'tables' must name at least one CDM table")
            return nil
        }
        let before = d.count
        var result: [TableMapping] = []
        for (keyNode, value) in mapping {
            guard let name = d.plainKey(keyNode), let schema = mappableTable(name, keyNode),
                let rows = rows(value, schema)
            else { continue }
            result.append(TableMapping(table: name, rows: rows, location: d.location(keyNode)))
        }
        return d.count == before ? result : nil
    }

    /// The schema of a mappable table, or nil after reporting an unknown or derived table.
    private func mappableTable(_ name: String, _ keyNode: Node) -> TableSchema? {
        if let schema = CDM.mappableTables.first(where: { $0.name == name }) { return schema }
        let names = CDM.mappableTables.map(\.name)
        if CDM.table(name) != nil {
            diagnostics.report(
                keyNode,
                "table '\(name)' is derived by regpool and cannot be mapped; mappable tables: "
                    + names.joined(separator: ", "))
        } else {
            diagnostics.report(
                keyNode, "unknown CDM table '\(name)'; mappable tables: \(names.joined(separator: ", "))",
                hint: Suggestion.hint(for: name, in: names))
        }
        return nil
    }

    /// A mapping gives one row, a list of mappings several (a `repeat:` row several more).
    private func rows(_ node: Node, _ table: TableSchema) -> [RowMapping]? {
        if node.mapping != nil { return rowSpecs(node, table) }
        guard let items = node.sequence else {
            diagnostics.report(
                node,
                "table '\(table.name)' takes a mapping of columns or a list of them, found "
                    + Diagnostics.kind(node))
            return nil
        }
        if items.isEmpty {
            diagnostics.report(node, "the list of rows for '\(table.name)' is empty")
            return nil
        }
        let rows = items.map { rowSpecs($0, table) }
        return rows.allSatisfy { $0 != nil } ? rows.flatMap { $0 ?? [] } : nil
    }

    /// One row mapping, or one per value of its `repeat:`; with `unpack:`, rows for a packed cell.
    private func rowSpecs(_ node: Node, _ table: TableSchema) -> [RowMapping]? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "a row of '\(table.name)'") else { return nil }
        let columnPairs = mapping.filter { !Self.rowKeys.contains($0.key.scalar?.string ?? "") }
        if columnPairs.isEmpty {
            d.report(node, "a row of '\(table.name)' needs at least one column")
            return nil
        }
        let before = d.count
        let repeatNode = mapping.first { $0.key.scalar?.string == "repeat" }
        let unpackNode = mapping.first { $0.key.scalar?.string == "unpack" }
        let repetition = repeatNode.flatMap { repeatValues($0.value) }
        let unpack = unpackNode.flatMap { unpackSpec($0.value, keyNode: $0.key) }
        if let r = repeatNode, unpackNode != nil {
            d.report(r.key, "a row cannot both 'repeat' and 'unpack'", hint: "use one row for each shape")
        }
        guard d.count == before else { return nil }
        guard let repetition else {
            guard var r = row(columnPairs, node, table, substitutions: [:]) else { return nil }
            r.unpack = unpack
            return [r]
        }
        var out: [RowMapping] = []
        for value in repetition.values {
            // Problems are reported once: later repetitions read with a throwaway collector.
            var reader = out.isEmpty ? self : MappingReader(diagnostics: Diagnostics(file: d.file))
            reader.vocabularyNames = vocabularyNames
            guard let r = reader.row(columnPairs, node, table, substitutions: [repetition.name: value]) else {
                d.report(
                    node, "the row repeated with \(repetition.name) = \(value) is invalid",
                    hint: "check the texts the placeholder {\(repetition.name)} makes")
                return nil
            }
            out.append(r)
        }
        return out
    }

    /// Row-level keys that are not CDM columns.
    static let rowKeys = ["repeat", "unpack"]

    /// One row from its column pairs: CDM column → rule, in document order.
    private func row(
        _ pairs: [(key: Node, value: Node)], _ node: Node, _ table: TableSchema,
        substitutions: [String: String]
    ) -> RowMapping? {
        let d = diagnostics
        let before = d.count
        var columns: [ColumnRule] = []
        for (keyNode, value) in pairs {
            guard let name = d.plainKey(keyNode), let column = mappableColumn(name, keyNode, table),
                let rule = rule(
                    value, column: column, table: table.name, keyNode: keyNode, substitutions: substitutions)
            else { continue }
            columns.append(rule)
        }
        return d.count == before ? RowMapping(columns: columns, location: d.location(node)) : nil
    }

    /// The schema of a column a mapping may fill, or nil after reporting.
    private func mappableColumn(_ name: String, _ keyNode: Node, _ table: TableSchema) -> ColumnSchema? {
        let allowed = table.columns.map(\.name).filter { !CDM.derivedColumns.contains($0) }
        if CDM.derivedColumns.contains(name), table.column(name) != nil {
            diagnostics.report(
                keyNode, "column '\(table.name).\(name)' is filled by regpool and cannot be mapped",
                hint: "remove it; region and cohort_source come from the pipeline's centre")
            return nil
        }
        guard let column = table.column(name) else {
            diagnostics.report(
                keyNode,
                "unknown column '\(name)' in CDM table '\(table.name)'; columns: "
                    + allowed.joined(separator: ", "), hint: Suggestion.hint(for: name, in: allowed))
            return nil
        }
        return column
    }
}
