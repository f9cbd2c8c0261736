import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// A reason to put two records in one cluster: an override, a deterministic rule, or a score.
package struct LinkEdge: Sendable, Equatable {
    /// What made the edge.
    package enum Kind: Sendable, Equatable {
        /// A `force_link` line of the overrides file (`file:line`).
        case forceLink(location: String)
        /// A deterministic rule, by name.
        case deterministic(rule: String)
        /// A Fellegi–Sunter score at or above the link threshold.
        case probabilistic
    }

    /// What made the edge.
    package var kind: Kind
    /// Record indexes (into the sorted records), `a < b`.
    package var a: Int
    /// The other record, `b > a`.
    package var b: Int
    /// The match probability: 1.0 for overrides and deterministic rules.
    package var probability: Double

    /// An edge; the indexes are put in order.
    package init(kind: Kind, _ a: Int, _ b: Int, probability: Double) {
        self.kind = kind
        self.a = min(a, b)
        self.b = max(a, b)
        self.probability = probability
    }

    /// The audit `rule` text: `override force_link overrides.csv:12`, `deterministic trial_id`,
    /// `probabilistic p=0.9731`.
    package var rule: String {
        switch kind {
        case .forceLink(let location): "override force_link \(location)"
        case .deterministic(let rule): "deterministic \(rule)"
        case .probabilistic: "probabilistic p=\(LinkNumber.fixed(probability, 4))"
        }
    }

    /// The pair's code (sorts like `(a, b)`).
    var pair: CandidatePairs.Code { CandidatePairs.code(a, b) }
}

/// An edge that was not made, and the constraint it would have broken.
package struct RefusedLink: Sendable, Equatable {
    /// The edge offered.
    package var edge: LinkEdge
    /// The constraint it would have broken, in words.
    package var reason: String

    /// A refusal.
    package init(edge: LinkEdge, reason: String) {
        self.edge = edge
        self.reason = reason
    }
}
