import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// Records and settings for the linkage tests, shaped like the sample centres.
enum LinkageFixtures {
    static func loc(_ line: Int) -> SourceLocation { SourceLocation(file: "pipelines/p.yaml", line: line, column: 7) }

    static func day(_ iso: String) -> Int32 {
        let p = iso.split(separator: "-").map { Int($0)! }
        return CivilDate(year: p[0], month: p[1], day: p[2])!.days
    }

    static func ref(_ text: String) -> PatientReference {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        return PatientReference(centre: parts[0], localID: parts[1])
    }

    /// A record `centre:id` with the usual quasi-identifiers; dates as ISO text.
    static func record(
        _ reference: String, sex: String? = "female", birthYear: Int? = 1944, birthMonth: Int? = nil,
        diagnosis: String? = "2011-03-14", lenStart: String? = "2012-01-09", dose: Double? = 10,
        karyotype: String? = "isolated_del5q", who: String? = "del5q_syndrome", region: String? = "europe",
        source: String = "registry", keys: [String: String] = [:]
    ) -> LinkRecord {
        LinkRecord(
            reference: ref(reference), cohortSource: source, region: region, sex: sex, birthYear: birthYear,
            birthMonth: birthMonth, diagnosisDate: diagnosis.map(day), lenStartDate: lenStart.map(day),
            lenInitialDose: dose, karyotypeCategory: karyotype, whoClass: who, linkKeys: keys)
    }

    static func comparison(
        _ field: LinkageField, _ tolerances: [Double] = [0], m: [Double]? = nil, u: [Double]? = nil,
        line: Int = 40
    ) -> ComparisonSpec {
        ComparisonSpec(field: field, tolerances: tolerances, m: m, u: u, location: loc(line))
    }

    static func pass(
        _ on: [LinkageField], sort: LinkageField? = nil, window: Int? = nil, line: Int = 30
    ) -> BlockingRule {
        BlockingRule(on: on, sort: sort, window: window, location: loc(line))
    }

    /// Settings with one probabilistic section.
    static func settings(
        _ blocking: [BlockingRule], _ comparisons: [ComparisonSpec], estimation: Estimation = .em(),
        prior: Double? = nil, link: Double = 0.95, review: Double = 0.5,
        deterministic: [DeterministicRule] = []
    ) -> LinkageSettings {
        LinkageSettings(
            deterministic: deterministic,
            probabilistic: ProbabilisticSettings(
                blocking: blocking, comparisons: comparisons, estimation: estimation,
                prior: prior, linkThreshold: link, reviewThreshold: review),
            location: loc(20))
    }

    static func override(
        _ decision: LinkOverride.Decision, _ a: String, _ b: String, line: Int,
        reason: String = "checked the charts"
    ) -> LinkOverride {
        LinkOverride(
            decision: decision, a: ref(a), b: ref(b), reason: reason,
            location: SourceLocation(file: "linkage/overrides.csv", line: line, column: 1))
    }

    static func events(_ result: LinkageResult, _ code: AuditCode) -> [AuditEvent] {
        result.audit.events().filter { $0.code == code }
    }

    /// The clusters as sorted lists of `centre:id` texts (singletons left out).
    static func groups(_ result: LinkageResult) -> [[String]] {
        result.clusters.filter { $0.count > 1 }.map { $0.map { result.records[$0].reference.description } }
    }
}

/// Draws for the linkage fixtures on top of the model's seeded generator.
extension SplitMix64 {
    /// Uniform in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Uniform in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// One of `choices` by weight.
    mutating func pick<T>(_ choices: [(T, Double)]) -> T {
        var x = unit() * choices.reduce(0) { $0 + $1.1 }
        for (value, weight) in choices {
            if x < weight { return value }
            x -= weight
        }
        return choices[choices.count - 1].0
    }

    /// A shuffled copy (Fisher–Yates).
    mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, int(0...i)) }
        return items
    }
}
