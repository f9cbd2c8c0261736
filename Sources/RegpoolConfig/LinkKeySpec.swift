/// One entry of a source's `link:` key: a named link key read from a source field, for the
/// cross-centre linkage rules (e.g. `trial_subject_id: ESSAI_ID`). Never a CDM column.
package struct LinkKeySpec: Sendable, Equatable {
    /// The key's name, `[a-z][a-z0-9_]*`, never `local_id`.
    package var name: String
    /// The source field, named as the source's rules name fields.
    package var field: String
    /// Where the name is written in the mapping file.
    package var location: SourceLocation

    /// A link key.
    package init(name: String, field: String, location: SourceLocation) {
        self.name = name
        self.field = field
        self.location = location
    }

    /// True for a valid name: a lower-case ASCII letter, then lower-case letters, digits or `_`.
    package static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return name.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }
}
