import RegpoolConfig
import RegpoolConfigParser
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// The acceptance on generated data (`LinkageStressData`): 10,000 patients over seven
/// centres, 15 % duplicated across centres with realistic perturbations, 2 % near-twins;
/// pairwise precision ≥ 0.995 and recall ≥ 0.98 with the configuration below.
final class LinkageStressTests: XCTestCase {
    typealias L = LinkageFixtures

    /// The configuration of this test, as a pipeline file holds it; read by the real parser.
    static let yaml = """
        version: 1
        name: stress
        output: out
        pseudonym_key: {env: REGPOOL_KEY}
        centres:
        \(LinkageStressData.centres.map { c in
            "  - {id: \(c.id), region: \(c.region), cohort_source: \(c.source), inbox: in/\(c.id), mapping: m/\(c.id).yaml}"
        }.joined(separator: "\n"))
        linkage:
          probabilistic:
            blocking:                        # near-linear: each record meets ~20 others
              - on: [sex, birth_year]
                sort: len_start_date
                window: 10
              - on: [sex, birth_year]
                sort: diagnosis_date
                window: 10
              - on: [sex]                    # birth year missing or mistyped
                sort: len_start_date
                window: 5
              - on: [sex]
                sort: diagnosis_date
                window: 5
            comparisons:
              - field: sex
              - field: birth_year
                levels: [0, 1]
              - field: birth_month
              - field: diagnosis_date
                levels: [0, 3, 10, 31]
              - field: len_start_date
                levels: [0, 3, 10, 31]
              - field: len_initial_dose
              - field: karyotype_category
              - field: who_class
              - field: region
            estimate: em
            thresholds: {link: 0.85, review: 0.3}
        """

    /// `yaml` as settings, through `PipelineParser`.
    static var settings: LinkageSettings {
        get throws {
            let config = try PipelineParser.parse(yaml: yaml, file: "stress.yaml", baseDirectory: "/tmp")
            return try XCTUnwrap(config.linkage)
        }
    }

    /// The generated set and its linkage, made once for the tests of this class.
    static let run: (data: LinkageStressData, result: Result<LinkageResult, Error>) = {
        let data = LinkageStressData(patients: 10_000)
        return (data, Result { try Linker.link(data.records, settings: try settings) })
    }()

    func testTenThousandPatientsPrecisionAndRecall() throws {
        let data = Self.run.data
        let result = try Self.run.result.get()
        let s = data.score(result)
        let model = try XCTUnwrap(result.model)
        let summary =
            "precision \(s.precision), recall \(s.recall), \(s.truePairs) true pairs, \(s.predictedPairs) linked, "
            + "\(result.pairsCompared) compared, λ \(model.lambda), \(model.iterations) EM iterations, "
            + "\(result.reviewPairs.count) for review, \(result.refusedEdges.count) refused, warnings \(model.warnings)"
        XCTAssertGreaterThanOrEqual(s.precision, 0.995, summary)
        XCTAssertGreaterThanOrEqual(s.recall, 0.98, summary)
        XCTAssertGreaterThan(s.truePairs, 1400, "15 % of 10,000 patients duplicated")
        XCTAssertTrue(model.converged, summary)
        XCTAssertEqual(model.degenerateFields, [], summary)
        XCTAssertLessThan(
            result.pairsCompared, data.records.count * 30, "near-linear: at most window × passes per record")
        XCTAssertEqual(L.events(result, .linkageSummarized).first?.count, result.pairsCompared)
        XCTAssertEqual(
            L.events(result, .patientsLinked).count, result.acceptedEdges.count, "one L4002 per joined member")
    }

    /// EM's m of exact date agreement is close to what the generator plants (60 % of copies keep
    /// each date; a few dates are missing), and λ times all cross-centre pairs is about the
    /// number of planted duplicate pairs (within 15 %).
    func testEstimatedModelMatchesThePlantedRates() throws {
        let model = try XCTUnwrap(try Self.run.result.get().model)
        let diagnosis = try XCTUnwrap(model.comparisons.first { $0.spec.field == .diagnosisDate })
        XCTAssertEqual(diagnosis.m[0], 0.6, accuracy: 0.05)
        XCTAssertEqual(diagnosis.m[1] + diagnosis.m[2], 0.4, accuracy: 0.05, "shifts of 1–10 days")
        let expectedMatches = model.lambda * Double(model.crossCentrePairs)
        let planted = Double(Self.run.data.score(try Self.run.result.get()).truePairs)
        XCTAssertEqual(
            expectedMatches / planted, 1, accuracy: 0.15, "EM leaves some ambiguous pairs partly in the non-match class"
        )
    }
}
