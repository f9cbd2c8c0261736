import RegpoolConfig
import RegpoolMapping
import RegpoolModel

extension Linker {
    /// The waterfall of records `a` and `b` (candidates or not) and what decided them; throws
    /// `LinkageError.unknownRecord` for a reference not among the records.
    package func explain(a: PatientReference, b: PatientReference) throws -> LinkExplanation {
        guard let i = result.index(of: a) else { throw LinkageError.unknownRecord(a) }
        guard let j = result.index(of: b) else { throw LinkageError.unknownRecord(b) }
        let pair = CandidatePairs.code(i, j)
        var explanation = LinkExplanation(
            a: a, b: b, prior: nil, priorLog2Odds: nil, steps: [], totalLog2Odds: nil, probability: nil,
            linkThreshold: settings.probabilistic?.linkThreshold,
            reviewThreshold: settings.probabilistic?.reviewThreshold,
            decision: decision(i, j), refusal: i == j ? nil : refusals[pair]?.reason,
            sameCluster: result.clusterOfRecord[i] == result.clusterOfRecord[j],
            joinedBy: i == j ? nil : accepted[pair])
        if let scoring {
            explanation.addWaterfall(scoring.model, scoring.details(i, j, records: result.records, table: table))
        }
        return explanation
    }

    /// What decided the pair: same centre, override, rule, or the score's zone.
    func decision(_ i: Int, _ j: Int) -> LinkExplanation.Decision {
        let pair = CandidatePairs.code(i, j)
        if table.centres[i] == table.centres[j] { return .sameCentre }
        if let override = separations[pair] { return .forceSeparate(location: override.place) }
        switch ruleEdges[pair]?.kind {
        case .forceLink(let location): return .forceLink(location: location)
        case .deterministic(let rule): return .deterministic(rule: rule)
        case .probabilistic, nil: break
        }
        guard let scoring else { return .noRule }
        guard scoring.isCandidate(i, j) else { return .notCompared }
        return .scored(scoring.zone(scoring.model.probability(levels: scoring.levels(i, j, table: table))))
    }
}

extension LinkExplanation {
    /// Prior, steps with running totals, final odds and probability (the same product formula
    /// as scoring, so the probability equals the one the decision used).
    mutating func addWaterfall(_ model: LinkModel, _ details: [ComparisonDetail]) {
        prior = model.lambda
        var total = model.priorLog2Odds
        priorLog2Odds = total
        steps = details.map { detail in
            total += detail.weight
            return Step(comparison: detail, total: total)
        }
        totalLog2Odds = total
        probability = model.probability(levels: details.map(\.level))
    }
}
