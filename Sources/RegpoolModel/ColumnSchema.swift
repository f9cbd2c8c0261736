/// One column of a CDM table: its exact name, type, nullability and meaning.
package struct ColumnSchema: Sendable, Equatable {
    package let name: String
    package let type: ColumnType
    package let required: Bool
    package let meaning: String

    package init(_ name: String, _ type: ColumnType, required: Bool = false, _ meaning: String = "") {
        self.name = name
        self.type = type
        self.required = required
        self.meaning = meaning
    }
}
