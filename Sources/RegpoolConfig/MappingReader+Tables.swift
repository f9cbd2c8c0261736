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
            diagnostics.report(keyNode, "table '\(name)' is derived by regpool and cannot be mapped; mappable tables: "
                               + names.joined(separator: ", "))
        } else {
            diagnostics.report(keyNode, "unknown CDM table '\(name)'; mappable tables: \(names.joined(separator: ", "))",
                               hint: Suggestion.hint(for: name, in: names))
        }
        return nil
    }

    /// A mapping gives one row, a list of mappings several.
    private func rows(_ node: Node, _ table: TableSchema) -> [RowMapping]? {
        if node.mapping != nil { return row(node, table).map { [$0] } }
        guard let items = node.sequence else {
            diagnostics.report(node, "table '\(table.name)' takes a mapping of columns or a list of them, found "
                               + Diagnostics.kind(node))
            return nil
        }
        if items.isEmpty {
            diagnostics.report(node, "the list of rows for '\(table.name)' is empty")
            return nil
        }
        let rows = items.compactMap { row($0, table) }
        return rows.count == items.count ? rows : nil
    }

    /// One row: CDM column → rule, in document order.
    private func row(_ node: Node, _ table: TableSchema) -> RowMapping? {
        let d = diagnostics
        guard let mapping = d.expectMapping(node, "a row of '\(table.name)'") else { return nil }
        if mapping.isEmpty {
            d.report(node, "a row of '\(table.name)' needs at least one column")
            return nil
        }
        let before = d.count
        var columns: [ColumnRule] = []
        for (keyNode, value) in mapping {
            guard let name = d.plainKey(keyNode), let column = mappableColumn(name, keyNode, table),
                let rule = rule(value, column: column, table: table.name, keyNode: keyNode)
            else { continue }
            columns.append(rule)
        }
        return d.count == before ? RowMapping(columns: columns, location: d.location(node)) : nil
    }

    /// The schema of a column a mapping may fill, or nil after reporting.
    private func mappableColumn(_ name: String, _ keyNode: Node, _ table: TableSchema) -> ColumnSchema? {
        let allowed = table.columns.map(\.name).filter { !CDM.derivedColumns.contains($0) }
        if CDM.derivedColumns.contains(name), table.column(name) != nil {
            diagnostics.report(keyNode, "column '\(table.name).\(name)' is filled by regpool and cannot be mapped",
                               hint: "remove it; region and cohort_source come from the pipeline's centre")
            return nil
        }
        guard let column = table.column(name) else {
            diagnostics.report(keyNode, "unknown column '\(name)' in CDM table '\(table.name)'; columns: "
                               + allowed.joined(separator: ", "), hint: Suggestion.hint(for: name, in: allowed))
            return nil
        }
        return column
    }
}
