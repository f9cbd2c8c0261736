import RegpoolModel

/// A source's `updated:` key: the field holding each record's export or update date, which
/// decides which of a patient's records is the most recent (docs/mapping.md).
package struct UpdateDateSpec: Sendable, Equatable {
    /// The source field, named as the source's rules name fields (CSV header, XML path, ODM item).
    package var field: String
    /// The date pattern of the field (`date:`), compiled with `pivot`; ISO in the short form `updated: FIELD`.
    package var datePattern: DatePattern
    /// The first year of the window of two-digit years (`pivot:`), for a `yy` pattern.
    package var pivot: Int?
    /// Where `updated` is written in the mapping file.
    package var location: SourceLocation

    /// A spec with a full date pattern (the parser checks it is one).
    package init(field: String, datePattern: DatePattern = .iso, pivot: Int? = nil, location: SourceLocation) {
        self.field = field
        self.datePattern = datePattern
        self.pivot = pivot
        self.location = location
    }

    /// The merge rule this key sets, as the audit names it: `most recent by updated: FIELD`.
    package var ruleDescription: String { "most recent by updated: \(field)" }
}
