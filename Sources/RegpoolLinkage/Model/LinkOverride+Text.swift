import RegpoolConfig
import RegpoolMapping
import RegpoolModel

extension LinkOverride {
    /// `file:line` of the override's line.
    var place: String { "\(location.file):\(location.line)" }

    /// The audit `rule` text: `override force_separate overrides.csv:14`.
    var rule: String { "override \(decision.rawValue) \(place)" }
}
