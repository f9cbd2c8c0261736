import RegpoolCohort
import RegpoolConfig
import RegpoolLinkage
import RegpoolLoad
import RegpoolMapping
import RegpoolReport

/// What a build writes about linkage: the manifest's summary, the id crosswalk and the clerical
/// review files.
enum LinkageReport {
    /// The crosswalk the next build reads (`linkage.crosswalk`).
    static let crosswalkFile = "crosswalk.csv"
    static let reviewCSV = "clerical-review.csv"
    static let reviewHTML = "clerical-review.html"

    /// The manifest's `linkage` object (nil without `linkage:`).
    static func manifest(_ pooled: PooledPatients) -> Manifest.Linkage? {
        guard let result = pooled.linkage else { return nil }
        return Manifest.Linkage(
            localPatients: result.records.count, pooledPatients: pooled.patients.count,
            pairsCompared: result.pairsCompared, linksMade: result.acceptedEdges.count,
            reviewPairs: result.reviewPairs.count, prior: result.model?.lambda,
            emIterations: result.model.flatMap { $0.given ? nil : $0.iterations })
    }

    /// crosswalk.csv always; the review files when the pipeline scores pairs.
    static func files(
        _ pooled: PooledPatients, settings: LinkageSettings?, buildID: String
    ) throws -> [BuildWriter.ExtraFile] {
        var files = [
            BuildWriter.ExtraFile(
                name: crosswalkFile, bytes: Array(pooled.crosswalk.csvText.utf8),
                rows: pooled.crosswalk.entries.count)
        ]
        guard let result = pooled.linkage, let scoring = settings?.probabilistic else { return files }
        let prior = result.model?.priorLog2Odds ?? 0
        let pairs = result.reviewPairs.map { reviewPair($0, priorLog2Odds: prior) }
        let fields = scoring.comparisons.map(\.field.rawValue)
        files.append(.init(name: reviewCSV, bytes: ClericalReview.csv(pairs, fields: fields), rows: pairs.count))
        let html: [UInt8]
        do {
            html = try ClericalReview.html(
                pairs, buildID: buildID, linkThreshold: scoring.linkThreshold, reviewThreshold: scoring.reviewThreshold)
        } catch {
            throw PipelineError(.output, "\(reviewHTML) could not be made: \(error). Nothing was published.")
        }
        files.append(.init(name: reviewHTML, bytes: html, rows: nil))
        return files
    }

    /// A review pair as the review files show it (total weight = the prior's log2 odds + the weights).
    static func reviewPair(_ p: RegpoolLinkage.ReviewPair, priorLog2Odds: Double) -> ClericalReview.Pair {
        let comparisons = p.comparisons.map {
            ClericalReview.Pair.Comparison(
                field: $0.field.rawValue, valueA: $0.left, valueB: $0.right,
                level: $0.level == nil ? nil : $0.label,
                weight: $0.level == nil ? nil : $0.weight)
        }
        return ClericalReview.Pair(
            centreA: p.left.centre, localIDA: p.left.localID, centreB: p.right.centre, localIDB: p.right.localID,
            probability: p.probability,
            totalWeight: p.comparisons.reduce(priorLog2Odds) { $0 + $1.weight }, comparisons: comparisons)
    }
}
