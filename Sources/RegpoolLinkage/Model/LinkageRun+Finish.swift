import RegpoolConfig
import RegpoolMapping
import RegpoolModel

extension LinkageRun {
    /// Clusters, review pairs, `L4002` per joined member, `L4003` per review pair, `L4007`.
    mutating func finish() -> LinkageResult {
        let clusters = clustering.clusters()
        var clusterOfRecord = [Int](repeating: 0, count: records.count)
        for (c, members) in clusters.enumerated() {
            for member in members { clusterOfRecord[member] = c }
        }
        let review = reviewPairs(clusterOfRecord)
        for pair in review { audit.record(reviewEvent(pair)) }
        for members in clusters where members.count > 1 {
            for member in members.dropFirst() {
                if let edge = clustering.joining[member] { audit.record(linkedEvent(member, first: members[0], edge)) }
            }
        }
        audit.record(summary(links: clusters.reduce(0) { $0 + $1.count - 1 }, review: review.count))
        return LinkageResult(
            records: records, clusters: clusters, clusterOfRecord: clusterOfRecord, joiningEdges: clustering.joining,
            acceptedEdges: accepted, refusedEdges: refused, reviewPairs: review,
            pairsCompared: scoring?.pairs.count ?? 0, model: scoring?.model, audit: audit)
    }

    /// Candidate pairs scored in [review, link) whose records ended in different clusters.
    func reviewPairs(_ clusterOfRecord: [Int]) -> [ReviewPair] {
        guard let scoring else { return [] }
        var out = [ReviewPair]()
        for k in scoring.pairs.indices {
            let p = scoring.probability(ofPair: k)
            guard p >= scoring.settings.reviewThreshold, p < scoring.settings.linkThreshold else { continue }
            let (a, b) = CandidatePairs.records(scoring.pairs[k])
            guard clusterOfRecord[a] != clusterOfRecord[b] else { continue }
            out.append(
                ReviewPair(
                    a: a, b: b, left: records[a].reference, right: records[b].reference, probability: p,
                    comparisons: scoring.details(a, b, records: records, table: table)))
        }
        return out
    }
}
