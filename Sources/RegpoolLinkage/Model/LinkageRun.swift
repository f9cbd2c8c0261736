import RegpoolConfig
import RegpoolMapping
import RegpoolModel

/// One linkage run in progress: offers edges in the fixed order (force_link lines, deterministic
/// rules, then scores at or above the link threshold by probability descending, ties by pair
/// order) to the clustering and writes the audit as it goes. A probabilistic edge is also refused
/// when it would put two records whose own score is below the review threshold in one cluster.
struct LinkageRun {
    let records: [LinkRecord]
    let table: FeatureTable
    let scoring: LinkScoring?
    var clustering: LinkClustering
    var audit = AuditLog()
    private(set) var accepted: [LinkEdge] = []
    private(set) var refused: [RefusedLink] = []
    private(set) var ruleEdges: [CandidatePairs.Code: LinkEdge] = [:]
    private(set) var separations: [CandidatePairs.Code: LinkOverride] = [:]

    init(records: [LinkRecord], table: FeatureTable, scoring: LinkScoring?) {
        self.records = records
        self.table = table
        self.scoring = scoring
        clustering = LinkClustering(centres: table.centres, references: records.map(\.reference))
    }

    /// force_separate lines become constraints, then force_link lines are offered in file order.
    /// Lines naming a patient not in the build are `L4006`.
    mutating func apply(_ overrides: [LinkOverride]) {
        var links = [(LinkOverride, Int, Int)]()
        for override in overrides {
            guard let (x, y) = resolve(override) else { continue }
            let (a, b) = (min(x, y), max(x, y))
            switch override.decision {
            case .forceSeparate: keepApart(a, b, override)
            case .forceLink: links.append((override, a, b))
            }
        }
        for (override, a, b) in links { forceLink(a, b, override) }
    }

    /// A force_separate line: a constraint from now on (`L4004`).
    private mutating func keepApart(_ a: Int, _ b: Int, _ override: LinkOverride) {
        clustering.keepApart(a, b, by: override)
        if separations[CandidatePairs.code(a, b)] == nil { separations[CandidatePairs.code(a, b)] = override }
        audit.record(overridden(override, a, b, "keeps \(pair(a, b)) apart"))
    }

    /// A force_link line: an edge of probability 1 (`L4004` when it joined or confirmed, else `L4005`).
    private mutating func forceLink(_ a: Int, _ b: Int, _ override: LinkOverride) {
        let edge = LinkEdge(kind: .forceLink(location: override.place), a, b, probability: 1)
        guard a != b else {
            return refuse(RefusedLink(edge: edge, reason: "the line names \(records[a].reference.description) twice"))
        }
        noteRuleEdge(edge)
        switch offer(edge) {
        case .joined: audit.record(overridden(override, a, b, "joins \(pair(a, b))"))
        case .together: audit.record(overridden(override, a, b, "confirms \(pair(a, b)), already one patient"))
        case .refused: break
        }
    }

    /// Offers the deterministic rules' edges (rule order, pair order); unmatched citations are `L4008`.
    mutating func applyDeterministic(_ rules: [DeterministicRule]) {
        let (edges, events) = DeterministicLinks.find(rules, records: records)
        for event in events { audit.record(event) }
        for edge in edges {
            noteRuleEdge(edge)
            _ = offer(edge)
        }
    }

    /// Offers the candidate pairs scored at or above the link threshold, probability descending.
    mutating func applyProbabilistic() {
        guard let scoring else { return }
        let threshold = scoring.settings.linkThreshold
        var links = [(p: Double, pair: CandidatePairs.Code)]()
        for k in scoring.pairs.indices {
            let p = scoring.probability(ofPair: k)
            if p >= threshold { links.append((p, scoring.pairs[k])) }
        }
        links.sort { $0.p != $1.p ? $0.p > $1.p : $0.pair < $1.pair }
        let table = table
        let records = records
        let consistency = { (x: Int, y: Int) -> String? in
            let p = scoring.probability(x, y, table: table)
            guard p < scoring.settings.reviewThreshold else { return nil }
            return
                "the cluster would hold \(records[x].reference.description) and \(records[y].reference.description), whose own match probability \(LinkNumber.fixed(p, 4)) is below the review threshold \(LinkNumber.plain(scoring.settings.reviewThreshold))"
        }
        for link in links {
            let (a, b) = CandidatePairs.records(link.pair)
            _ = offer(LinkEdge(kind: .probabilistic, a, b, probability: link.p), consistency: consistency)
        }
    }

    /// Offers one edge; a refusal is kept and audited (`L4005`).
    private mutating func offer(_ edge: LinkEdge, consistency: ((Int, Int) -> String?)? = nil) -> LinkClustering.Outcome
    {
        let outcome = clustering.offer(edge, consistency: consistency)
        switch outcome {
        case .joined: accepted.append(edge)
        case .together: break
        case .refused(let reason): refuse(RefusedLink(edge: edge, reason: reason))
        }
        return outcome
    }

    private mutating func refuse(_ refusal: RefusedLink) {
        refused.append(refusal)
        audit.record(refusedEvent(refusal))
    }

    private mutating func noteRuleEdge(_ edge: LinkEdge) {
        if ruleEdges[edge.pair] == nil { ruleEdges[edge.pair] = edge }
    }

    /// The override's records, or nil after an `L4006` when one is not in the build.
    private mutating func resolve(_ override: LinkOverride) -> (Int, Int)? {
        let a = records.index(of: override.a)
        let b = records.index(of: override.b)
        if let a, let b { return (a, b) }
        audit.record(unmatched(override, missing: a == nil ? override.a : override.b))
        return nil
    }

    /// `centre:id and centre:id`, in record order.
    func pair(_ a: Int, _ b: Int) -> String {
        "\(records[min(a, b)].reference.description) and \(records[max(a, b)].reference.description)"
    }
}
