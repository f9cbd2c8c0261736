import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// Links local patients of different centres into pooled patients: deterministic rules, then
/// Fellegi–Sunter scoring of the pairs blocking makes candidates, then greedy clustering under
/// the constraints (one record per centre, force_separate) with overrides first.
///
/// The records are sorted by `PatientReference` before anything else, so the result never
/// depends on the order they are handed in. `result` holds the decisions; `explain(a:b:)` shows
/// the waterfall of any two records.
package struct Linker: Sendable {
    /// The `linkage:` settings used.
    package let settings: LinkageSettings
    /// The overrides file's lines, in file order.
    package let overrides: [LinkOverride]
    /// What linkage decided.
    package let result: LinkageResult
    let table: FeatureTable
    let scoring: LinkScoring?
    /// The first override or deterministic edge of each pair that has one.
    let ruleEdges: [CandidatePairs.Code: LinkEdge]
    /// Pairs kept apart by a force_separate line.
    let separations: [CandidatePairs.Code: LinkOverride]
    /// Refused edges by pair (the first refusal of a pair).
    let refusals: [CandidatePairs.Code: RefusedLink]
    /// Accepted edges by pair.
    let accepted: [CandidatePairs.Code: LinkEdge]

    /// Links `records` (any order) with `settings` and the overrides file's lines.
    package init(records: [LinkRecord], settings: LinkageSettings, overrides: [LinkOverride] = []) throws {
        try settings.check()
        let sorted = try Self.sorted(records)
        let table = FeatureTable(sorted, fields: settings.usedFields)
        let scoring = settings.probabilistic.map { LinkScoring($0, table: table) }
        var run = LinkageRun(records: sorted, table: table, scoring: scoring)
        run.apply(overrides)
        run.applyDeterministic(settings.deterministic)
        run.applyProbabilistic()
        self.settings = settings
        self.overrides = overrides
        self.table = table
        self.scoring = scoring
        self.result = run.finish()
        ruleEdges = run.ruleEdges
        separations = run.separations
        refusals = Dictionary(run.refused.map { ($0.edge.pair, $0) }, uniquingKeysWith: { first, _ in first })
        accepted = Dictionary(uniqueKeysWithValues: run.accepted.map { ($0.pair, $0) })
    }

    /// Links `records` and returns the decisions only.
    package static func link(
        _ records: [LinkRecord], settings: LinkageSettings,
        overrides: [LinkOverride] = []
    ) throws -> LinkageResult {
        try Linker(records: records, settings: settings, overrides: overrides).result
    }

    /// The records sorted by reference; throws when a reference repeats.
    static func sorted(_ records: [LinkRecord]) throws -> [LinkRecord] {
        let sorted = ReferenceOrder.sortedIndices(records.map(\.reference)).map { records[$0] }
        for (x, y) in zip(sorted, sorted.dropFirst()) where x.reference == y.reference {
            throw LinkageError.duplicateRecord(x.reference)
        }
        return sorted
    }
}

extension LinkageSettings {
    /// Fields any blocking pass or comparison reads.
    var usedFields: Set<LinkageField> {
        guard let p = probabilistic else { return [] }
        var fields = Set(p.comparisons.map(\.field))
        for pass in p.blocking {
            fields.formUnion(pass.on)
            if let sort = pass.sort { fields.insert(sort) }
        }
        return fields
    }
}
