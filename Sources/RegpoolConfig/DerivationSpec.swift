/// A derivation regpool can compute over a whole patient, named in a mapping's `derive:` list.
package enum DerivationName: String, Sendable, Equatable, CaseIterable {
    /// A `transplants` row for each treatment line of category allo_sct with a start date.
    case transplantsFromTreatmentLines = "transplants_from_treatment_lines"
    /// A null `transplants.directly_after_len` from the order of the treatment lines.
    case directlyAfterLEN = "directly_after_len"
}

/// One entry of a mapping's `derive:` list, with where it was written (for the audit's `rule`).
package struct DerivationSpec: Sendable, Equatable {
    /// Which derivation.
    package var name: DerivationName
    /// The list entry in the mapping file.
    package var location: SourceLocation

    /// An entry written at `location`.
    package init(name: DerivationName, location: SourceLocation) {
        self.name = name
        self.location = location
    }

    /// The audit `rule` text: `file:line derive.NAME`.
    package var reference: String { "\(location.file):\(location.line) derive.\(name.rawValue)" }
}
