import RegpoolConfig
import RegpoolModel
import Yams

/// The `centres` list of a pipeline file.
extension PipelineReader {
    static let centreKeys = ["id", "region", "cohort_source", "inbox", "mapping", "files"]
    static let requiredCentreKeys = ["id", "region", "cohort_source", "inbox", "mapping"]

    /// Every centre, or nil when any is invalid; ids must be unique.
    func centres(_ node: Node) -> [CentreConfig]? {
        guard let items = diagnostics.expectSequence(node, "'centres'") else { return nil }
        if items.isEmpty {
            diagnostics.report(node, "'centres' must list at least one centre")
            return nil
        }
        var seen: [String: Int] = [:]
        var result: [CentreConfig] = []
        for item in items {
            if let centre = centre(item, seen: &seen) { result.append(centre) }
        }
        return result.count == items.count ? result : nil
    }

    /// One centre, or nil after reporting its problems; `seen` maps ids met so far to their lines.
    private func centre(_ node: Node, seen: inout [String: Int]) -> CentreConfig? {
        let d = diagnostics
        guard let keyed = d.keyed(node, allowed: Self.centreKeys, required: Self.requiredCentreKeys, in: "a centre")
        else { return nil }
        let id = keyed["id"].flatMap { centreID($0, seen: &seen) }
        let region = keyed["region"].flatMap { token($0, "region", CDM.Tokens.region) }
        let cohort = keyed["cohort_source"].flatMap { token($0, "cohort_source", CDM.Tokens.cohortSource) }
        let inbox = keyed["inbox"].flatMap { d.text($0, "'inbox'") }.map(resolve)
        let mapping = keyed["mapping"].flatMap { d.text($0, "'mapping'") }.map(resolve)
        let files = keyed["files"].map { d.texts($0, "'files'", nonEmpty: true) } ?? ["*"]
        guard let id, let region, let cohort, let inbox, let mapping, let files else { return nil }
        let location = d.location(keyed["id"] ?? node)
        return CentreConfig(
            id: id, region: region, cohortSource: cohort, inbox: inbox, mapping: mapping,
            files: files, location: location)
    }

    /// A centre id: `[a-z0-9-]+`, not met before in this file.
    private func centreID(_ node: Node, seen: inout [String: Int]) -> String? {
        guard let id = diagnostics.text(node, "'id'") else { return nil }
        guard CentreID.isValid(id) else {
            diagnostics.report(node, "centre id '\(id)' may hold only a-z, 0-9 and '-'", hint: "e.g. 'fr-lyon'")
            return nil
        }
        let line = diagnostics.location(node).line
        if let first = seen[id] {
            diagnostics.report(
                node, "duplicate centre id '\(id)' (first at line \(first))",
                hint: "each centre id must be unique in a pipeline")
            return nil
        }
        seen[id] = line
        return id
    }

    /// A CDM enumeration token for `column`.
    private func token(_ node: Node, _ column: String, _ tokens: [String]) -> String? {
        guard let value = diagnostics.text(node, "'\(column)'") else { return nil }
        guard tokens.contains(value) else {
            diagnostics.report(
                node, "'\(value)' is not a CDM \(column) token; valid: \(tokens.joined(separator: ", "))",
                hint: Suggestion.hint(for: value, in: tokens))
            return nil
        }
        return value
    }
}

/// The syntax of centre ids, shared by pipeline and mapping files.
enum CentreID {
    /// True for a non-empty string of `a-z`, `0-9` and `-`.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }
}

extension PipelineReader {
    /// The `id` texts of the centres list as written, reporting nothing (the list's own checks do),
    /// or nil when the list is not a list: other sections check centre references against these.
    func declaredCentreIDs(_ node: Node) -> [String]? {
        node.sequence?.compactMap { $0.mapping?["id"]?.scalar?.string }
    }
}
