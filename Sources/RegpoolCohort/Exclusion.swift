import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel

/// Why a patient is not in analysis_cohort: an `exclusions.reason` token and a sentence.
package struct Exclusion: Sendable, Equatable {
    /// The reason token of the CDM's `exclusions.reason` enumeration.
    package let reason: String
    /// A human sentence naming the value that failed.
    package let detail: String

    /// An exclusion.
    package init(reason: String, detail: String) {
        self.reason = reason
        self.detail = detail
    }
}
