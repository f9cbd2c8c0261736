import RegpoolModel

/// A shared vocabulary (`mappings/vocabularies/NAME.yaml`): labels several centres use for the
/// same CDM values (e.g. IWG response labels in many languages), reused by `vocabulary:` rules.
public struct Vocabulary: Sendable, Equatable {
    /// One label and the CDM value it means (nil = "not known").
    public struct Entry: Sendable, Equatable {
        public var label: String
        public var target: String?
        public var location: SourceLocation

        public init(label: String, target: String?, location: SourceLocation) {
            self.label = label
            self.target = target
            self.location = location
        }
    }

    /// The name declared in the file (`vocabulary:`).
    public var name: String
    public var entries: [Entry]
    /// The file as given.
    public var file: String

    public init(name: String, entries: [Entry], file: String) {
        self.name = name
        self.entries = entries
        self.file = file
    }
}
