import RegpoolConfig
import RegpoolModel
import Yams

/// Reading numbers from YAML nodes, reporting every mismatch.
extension Diagnostics {
    /// A finite number (`0.95`, `1e-6`, `-3`), or nil after reporting.
    func number(_ node: Node, _ what: String) -> Double? {
        guard let text = text(node, what) else { return nil }
        guard let value = NumberText.parse(text, decimal: ".") else {
            report(
                node, "\(what) must be a number, found '\(text)'",
                hint: "write it with a '.' decimal point, e.g. 0.95 or 1e-6")
            return nil
        }
        return value
    }

    /// A whole number of at least `minimum`, or nil after reporting.
    func integer(_ node: Node, _ what: String, minimum: Int) -> Int? {
        guard let text = text(node, what) else { return nil }
        guard let value = Int(text) else {
            report(node, "\(what) must be a whole number, found '\(text)'", hint: "e.g. \(max(minimum, 1) * 10)")
            return nil
        }
        if value < minimum {
            report(node, "\(what) must be at least \(minimum), found \(value)")
            return nil
        }
        return value
    }

    /// A number strictly between 0 and 1, or nil after reporting.
    func probability(_ node: Node, _ what: String) -> Double? {
        guard let value = number(node, what) else { return nil }
        guard value > 0, value < 1 else {
            report(
                node, "\(what) must lie strictly between 0 and 1, found \(Self.text(node))",
                hint: "a probability such as 0.95; 0 and 1 are never certain enough to use")
            return nil
        }
        return value
    }

    /// A list of numbers, or nil after reporting (every entry is checked).
    func numbers(_ node: Node, _ what: String) -> [(value: Double, node: Node)]? {
        guard let items = expectSequence(node, what) else { return nil }
        let values = items.map { item in number(item, "each entry of \(what)").map { (value: $0, node: item) } }
        let read = values.compactMap { $0 }
        return read.count == items.count ? read : nil
    }

    /// The raw text of a scalar node, for messages.
    static func text(_ node: Node) -> String {
        node.scalar?.string ?? kind(node)
    }
}
