import RegpoolConfig
import RegpoolModel
import Yams

/// The `exports:` list: optional extra formats of analysis_cohort.
extension PipelineReader {
    /// The export formats a pipeline may ask for.
    static let exportFormats = ["spss", "csv"]

    /// The formats, in the order given, or nil after reporting unknown or repeated entries.
    func exports(_ node: Node) -> [String]? {
        guard let items = diagnostics.expectSequence(node, "'exports'") else { return nil }
        var formats: [String] = []
        var valid = true
        for item in items {
            guard let text = diagnostics.text(item, "each entry of 'exports'") else {
                valid = false
                continue
            }
            if !Self.exportFormats.contains(text) {
                diagnostics.report(
                    item, "'exports' lists '\(text)', which is not an export format",
                    hint: "the formats are \(Self.exportFormats.joined(separator: ", "))"
                        + (Suggestion.closest(to: text, in: Self.exportFormats).map { "; did you mean '\($0)'?" } ?? "")
                )
                valid = false
            } else if formats.contains(text) {
                diagnostics.report(item, "'exports' lists '\(text)' twice", hint: "keep one")
                valid = false
            } else {
                formats.append(text)
            }
        }
        return valid ? formats : nil
    }
}
