/// Why a patient is not in analysis_cohort: an `exclusions.reason` token and a sentence.
public struct Exclusion: Sendable, Equatable {
    /// The reason token of the CDM's `exclusions.reason` enumeration.
    public let reason: String
    /// A human sentence naming the value that failed.
    public let detail: String

    /// An exclusion.
    public init(reason: String, detail: String) {
        self.reason = reason
        self.detail = detail
    }
}
