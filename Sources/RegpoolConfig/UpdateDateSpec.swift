/// A source's `updated:` key: the field holding each record's export or update date, which
/// decides which of a patient's records is the most recent (docs/mapping.md).
public struct UpdateDateSpec: Sendable, Equatable {
    /// The source field, named as the source's rules name fields (CSV header, XML path, ODM item).
    public var field: String
    /// The date pattern of the field (`date:`); `yyyy-MM-dd` in the short form `updated: FIELD`.
    public var datePattern: String
    /// The first year of the window of two-digit years (`pivot:`), for a `yy` pattern.
    public var pivot: Int?
    /// Where `updated` is written in the mapping file.
    public var location: SourceLocation

    /// A spec; `datePattern` must be a valid full `DatePattern` (the parser checks it).
    public init(field: String, datePattern: String = "yyyy-MM-dd", pivot: Int? = nil, location: SourceLocation) {
        self.field = field
        self.datePattern = datePattern
        self.pivot = pivot
        self.location = location
    }

    /// The merge rule this key sets, as the audit names it: `most recent by updated: FIELD`.
    public var ruleDescription: String { "most recent by updated: \(field)" }
}
