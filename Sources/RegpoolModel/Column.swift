/// A CDM table known at compile time: the namespace of its column handles.
package protocol CDMTable {
    /// The table's schema in the model.
    static var schema: TableSchema { get }
}

/// One column of the CDM table `Table`, resolved once: its name and position in a row of that table.
package struct Column<Table: CDMTable>: Sendable, Hashable {
    /// The column's name in the contract.
    package let name: String
    /// The column's position in a row of `Table`.
    package let index: Int

    /// The handle of `name`; a name `Table` lacks is a programming error and stops the program.
    @usableFromInline
    init(_ name: String) {
        guard let index = Table.schema.index(of: name) else {
            preconditionFailure("CDM table \(Table.schema.name) has no column \(name)")
        }
        self.name = name
        self.index = index
    }

    /// The column's schema (type, required, meaning).
    @inlinable
    package var schema: ColumnSchema { Table.schema.columns[index] }
}

/// A row of `Table` (values in schema order) read and built through column handles only.
package struct Row<Table: CDMTable> {
    /// The values, aligned to `Table.schema.columns`.
    package var values: [Value]

    /// A row over `values`, which must be aligned to `Table`'s schema.
    @inlinable
    package init(_ values: [Value]) {
        precondition(values.count == Table.schema.columns.count, "a \(Table.schema.name) row has the wrong width")
        self.values = values
    }

    /// A row with every column null.
    @inlinable
    package init() {
        values = [Value](repeating: .null, count: Table.schema.columns.count)
    }

    /// A row with the given columns set and the others null.
    @inlinable
    package init(_ pairs: KeyValuePairs<Column<Table>, Value>) {
        self.init()
        for (column, value) in pairs { values[column.index] = value }
    }

    /// The value of `column`.
    @inlinable
    package subscript(_ column: Column<Table>) -> Value {
        get { values[column.index] }
        set { values[column.index] = newValue }
    }
}
