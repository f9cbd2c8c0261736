import RegpoolConfig
import RegpoolModel
import Yams

/// A source's `updated:` key: the field holding each record's export or update date.
extension MappingReader {
    static let updatedKeys = ["field", "date", "pivot"]

    /// `updated: FIELD` (dates written `yyyy-MM-dd`) or `updated: { field: F, date: PATTERN, pivot: YEAR }`,
    /// or nil after reporting its problems; located at `keyNode`.
    func updateDate(_ node: Node, keyNode: Node) -> UpdateDateSpec? {
        let d = diagnostics
        let location = d.location(keyNode)
        if node.scalar != nil {
            return d.text(node, "'updated'").map { UpdateDateSpec(field: $0, location: location) }
        }
        guard node.mapping != nil else {
            d.report(
                node,
                "'updated' must be a field name or a mapping { field: …, date: … }, found \(Diagnostics.kind(node))",
                hint: "e.g. updated: { field: DATE_MAJ, date: dd/MM/yyyy }")
            return nil
        }
        guard let keyed = d.keyed(node, allowed: Self.updatedKeys, required: ["field"], in: "'updated'") else {
            return nil
        }
        let before = d.count
        let field = keyed["field"].flatMap { d.text($0, "'updated.field'") }
        let pivot = keyed["pivot"].flatMap(pivotYear)
        let pattern = keyed["date"].map { updatePattern($0, pivot: pivot) } ?? DatePattern.iso
        if let pivotNode = keyed.keyNode("pivot"), let pattern, (try? DatePattern(pattern.text, pivot: nil)) != nil {
            d.report(
                pivotNode, "'pivot' applies to date patterns with a two-digit year 'yy'; '\(pattern.text)' has none",
                hint: "remove 'pivot', or write the pattern with yy, e.g. date: dd.MM.yy")
        }
        guard d.count == before, let field, let pattern else { return nil }
        return UpdateDateSpec(field: field, datePattern: pattern, pivot: pivot, location: location)
    }

    /// `updated.date`: a full date pattern (the same patterns as column rules), or nil after reporting.
    private func updatePattern(_ node: Node, pivot: Int?) -> DatePattern? {
        let d = diagnostics
        guard let text = d.text(node, "'updated.date'") else { return nil }
        do throws(DatePattern.Problem) {
            return try DatePattern(text, pivot: pivot)
        } catch {
            if (try? DatePattern(text, pivot: pivot, partial: true)) != nil {
                d.report(
                    node, "an update date needs a full date pattern (year, month and day); '\(text)' names no day",
                    hint: "write the pattern of the whole date, e.g. dd/MM/yyyy")
            } else {
                d.report(node, error.message, hint: error.hint)
            }
            return nil
        }
    }
}
