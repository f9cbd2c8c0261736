/// One column of a CDM table: its exact name, type, nullability and meaning.
public struct ColumnSchema: Sendable, Equatable {
    public let name: String
    public let type: ColumnType
    public let required: Bool
    public let meaning: String

    public init(_ name: String, _ type: ColumnType, required: Bool = false, _ meaning: String = "") {
        self.name = name
        self.type = type
        self.required = required
        self.meaning = meaning
    }
}
