import RegpoolConfig
import RegpoolModel
import Yams

/// Collects every problem found while reading one configuration file.
final class Diagnostics {
    let file: String
    private var problems: [ConfigProblem] = []

    /// How many problems were recorded so far (to tell whether one part added any).
    var count: Int { problems.count }

    init(file: String) {
        self.file = file
    }

    /// The 1-based location of `node` in this file.
    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// Records a problem at `node`.
    func report(_ node: Node, _ message: String, hint: String? = nil) {
        report(location(node), message, hint: hint)
    }

    /// Records a problem at `location`.
    func report(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        problems.append(ConfigProblem(location, message, hint: hint))
    }

    /// All problems sorted by line then column (ties keep the order found), or nil when none.
    func error() -> ConfigError? {
        guard !problems.isEmpty else { return nil }
        let sorted = problems.enumerated().sorted { a, b in
            let (x, y) = (a.element.location, b.element.location)
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }
        return ConfigError(sorted.map(\.element))
    }
}
