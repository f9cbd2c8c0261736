import RegpoolModel

/// The pipeline's `linkage:` section: how local patients of different centres become one pooled
/// patient (deterministic rules, Fellegi–Sunter scoring, survivorship, overrides, id crosswalk).
package struct LinkageSettings: Sendable, Equatable {
    /// Deterministic rules, applied before any probabilistic scoring.
    package var deterministic: [DeterministicRule]
    /// Fellegi–Sunter scoring; nil = deterministic rules and overrides only.
    package var probabilistic: ProbabilisticSettings?
    /// Which member's values win in a cluster.
    package var survivorship: SurvivorshipSettings
    /// The overrides file (resolved path), when the pipeline names one.
    package var overrides: String?
    /// The previous build's id crosswalk (resolved path), when the pipeline names one.
    package var crosswalk: String?
    package var location: SourceLocation

    /// Settings.
    package init(
        deterministic: [DeterministicRule] = [], probabilistic: ProbabilisticSettings? = nil,
        survivorship: SurvivorshipSettings = .defaults, overrides: String? = nil, crosswalk: String? = nil,
        location: SourceLocation
    ) {
        self.deterministic = deterministic
        self.probabilistic = probabilistic
        self.survivorship = survivorship
        self.overrides = overrides
        self.crosswalk = crosswalk
        self.location = location
    }
}

/// A deterministic rule: a record whose `left` key equals another record's `right` key is the same
/// patient (e.g. a registry column citing the trial subject id).
package struct DeterministicRule: Sendable, Equatable {
    package var name: String
    package var left: LinkKeyReference
    package var right: LinkKeyReference
    package var location: SourceLocation

    /// A rule.
    package init(name: String, left: LinkKeyReference, right: LinkKeyReference, location: SourceLocation) {
        self.name = name
        self.left = left
        self.right = right
        self.location = location
    }
}

/// A key of a centre's records: `local_id` (the patient key) or a link key its mapping declares (`link:`).
package struct LinkKeyReference: Sendable, Equatable {
    /// The centre whose records this side takes; nil = any centre.
    package var centre: String?
    /// `local_id`, or the name of a mapping link key.
    package var key: String

    /// The name of the built-in key holding the centre's own patient key.
    package static let localID = "local_id"

    /// A reference.
    package init(centre: String?, key: String) {
        self.centre = centre
        self.key = key
    }
}

/// Fellegi–Sunter settings: blocking passes, comparisons, estimation, thresholds.
package struct ProbabilisticSettings: Sendable, Equatable {
    package var blocking: [BlockingRule]
    package var comparisons: [ComparisonSpec]
    package var estimation: Estimation
    /// The prior match probability λ among compared pairs; nil = estimated by EM (start 0.01).
    package var prior: Double?
    /// At or above: link.
    package var linkThreshold: Double
    /// At or above (and below `linkThreshold`): clerical review; below: separate.
    package var reviewThreshold: Double

    /// Settings.
    package init(
        blocking: [BlockingRule], comparisons: [ComparisonSpec], estimation: Estimation = .em(),
        prior: Double? = nil, linkThreshold: Double = 0.95, reviewThreshold: Double = 0.5
    ) {
        self.blocking = blocking
        self.comparisons = comparisons
        self.estimation = estimation
        self.prior = prior
        self.linkThreshold = linkThreshold
        self.reviewThreshold = reviewThreshold
    }
}

/// How m and u probabilities are obtained.
package enum Estimation: Sendable, Equatable {
    /// Expectation–maximisation over the compared pairs' comparison patterns (given m/u are start values).
    case em(maxIterations: Int = 100, tolerance: Double = 1e-6)
    /// As given in every comparison (`m:` and `u:` required).
    case given
}

/// One blocking pass: records that agree exactly on every `on` field are candidates; with `sort`
/// and `window`, only records within `window` places of each other in `sort` order (sorted
/// neighbourhood) are. A record with a null `on` or `sort` field takes no part in the pass.
package struct BlockingRule: Sendable, Equatable {
    package var on: [LinkageField]
    package var sort: LinkageField?
    package var window: Int?
    package var location: SourceLocation

    /// A pass.
    package init(on: [LinkageField], sort: LinkageField? = nil, window: Int? = nil, location: SourceLocation) {
        self.on = on
        self.sort = sort
        self.window = window
        self.location = location
    }
}

/// One comparison: levels `|a - b| <= tolerances[0]`, `<= tolerances[1]`, …, then "disagree";
/// a null on either side is no level at all (neither agreement nor disagreement).
package struct ComparisonSpec: Sendable, Equatable {
    package var field: LinkageField
    /// Ascending tolerances (days for dates, years/months for birth fields, mg for doses);
    /// `[0]` for categories (agree / disagree).
    package var tolerances: [Double]
    /// Given (or starting) m per level, disagreement last: `tolerances.count + 1` values.
    package var m: [Double]?
    /// Given (or starting) u per level, as `m`.
    package var u: [Double]?
    package var location: SourceLocation

    /// A comparison.
    package init(
        field: LinkageField, tolerances: [Double] = [0], m: [Double]? = nil, u: [Double]? = nil,
        location: SourceLocation
    ) {
        self.field = field
        self.tolerances = tolerances
        self.m = m
        self.u = u
        self.location = location
    }

    /// Levels including "disagree".
    package var levelCount: Int { tolerances.count + 1 }
}

/// The quasi-identifiers linkage can compare (what exports carry; never names or full birth dates).
package enum LinkageField: String, Sendable, Equatable, CaseIterable {
    case sex
    case birthYear = "birth_year"
    case birthMonth = "birth_month"
    case diagnosisDate = "diagnosis_date"
    case lenStartDate = "len_start_date"
    case lenInitialDose = "len_initial_dose"
    case karyotypeCategory = "karyotype_category"
    case whoClass = "who_class"
    case region

    /// How values of the field are compared.
    package enum Kind: Sendable { case category, integer, date, number }

    /// The field's kind.
    package var kind: Kind {
        switch self {
        case .sex, .karyotypeCategory, .whoClass, .region: .category
        case .birthYear, .birthMonth: .integer
        case .diagnosisDate, .lenStartDate: .date
        case .lenInitialDose: .number
        }
    }
}

/// Survivorship: baseline fields from the highest-priority source, gaps from the others.
package struct SurvivorshipSettings: Sendable, Equatable {
    /// `cohort_source` tokens, highest priority first.
    package var sourcePriority: [String]
    /// Child rows of two members are one row when their natural keys agree, dates within this many days.
    package var dateToleranceDays: Int

    /// clinical_trial > compassionate_use > registry, 7 days.
    package static let defaults = SurvivorshipSettings(
        sourcePriority: ["clinical_trial", "compassionate_use", "registry"], dateToleranceDays: 7)

    /// Settings.
    package init(sourcePriority: [String], dateToleranceDays: Int) {
        self.sourcePriority = sourcePriority
        self.dateToleranceDays = dateToleranceDays
    }
}

/// One line of the overrides file: a person's decision on a pair of local patients.
package struct LinkOverride: Sendable, Equatable {
    package enum Decision: String, Sendable, Equatable {
        case forceLink = "force_link"
        case forceSeparate = "force_separate"
    }

    package var decision: Decision
    package var a: PatientReference
    package var b: PatientReference
    /// The reviewer's reason, as written.
    package var reason: String
    /// `overrides.csv:LINE`.
    package var location: SourceLocation

    /// An override.
    package init(decision: Decision, a: PatientReference, b: PatientReference, reason: String, location: SourceLocation)
    {
        self.decision = decision
        self.a = a
        self.b = b
        self.reason = reason
        self.location = location
    }
}

/// A local patient: centre id and the centre's own patient key.
package struct PatientReference: Sendable, Hashable, Comparable {
    package var centre: String
    package var localID: String

    /// A reference.
    package init(centre: String, localID: String) {
        self.centre = centre
        self.localID = localID
    }

    /// By centre, then local id, on UTF-8 bytes.
    package static func < (a: PatientReference, b: PatientReference) -> Bool {
        let centre = Value.compareUTF8(a.centre, b.centre)
        return centre != 0 ? centre < 0 : Value.compareUTF8(a.localID, b.localID) < 0
    }

    /// `centre:local_id`.
    package var description: String { "\(centre):\(localID)" }

    /// `centre:local id` split at the first colon (centre ids hold no colon); nil when a side is empty.
    package init?(text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let centre = String(text[..<colon])
        let local = String(text[text.index(after: colon)...])
        guard !centre.isEmpty, !local.isEmpty else { return nil }
        self.init(centre: centre, localID: local)
    }
}
