import RegpoolModel

/// A shared vocabulary (`mappings/vocabularies/NAME.yaml`): labels several centres use for the
/// same CDM values (e.g. IWG response labels in many languages), reused by `vocabulary:` rules.
package struct Vocabulary: Sendable, Equatable {
    /// One label and the CDM value it means (nil = "not known").
    package struct Entry: Sendable, Equatable {
        package var label: String
        package var target: String?
        package var location: SourceLocation

        package init(label: String, target: String?, location: SourceLocation) {
            self.label = label
            self.target = target
            self.location = location
        }
    }

    /// The name declared in the file (`vocabulary:`).
    package var name: String
    package var entries: [Entry]
    /// The file as given.
    package var file: String

    package init(name: String, entries: [Entry], file: String) {
        self.name = name
        self.entries = entries
        self.file = file
    }
}
