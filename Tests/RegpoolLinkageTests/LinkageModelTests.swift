import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// Fellegi–Sunter: EM recovers planted m and u; given m and u give the probabilities computed by
/// hand; a comparison that counts against matches is reported.
final class LinkageModelTests: XCTestCase {
    typealias L = LinkageFixtures

    /// Planted agreement rates of one comparison: per level, among matches (m) and non-matches (u).
    struct Planted {
        var m: [Double]
        var u: [Double]
    }

    static let karyotypes = ["isolated_del5q", "del5q_plus_one", "complex_del5q", "fish_only", "no_del5q"]
    static let whoClasses = ["ra", "del5q_syndrome", "rars", "rcmd", "raeb1", "raeb2"]
    static let doses = [5.0, 10, 15, 25]

    /// `n` designed pairs, each alone in its block (its own birth year): record `a:k` and `b:k`
    /// agree on karyotype, WHO class and dose, and are 0, 1–7 or 30–300 days apart in diagnosis
    /// date, with the planted probabilities for matches (a share `lambda`) and non-matches.
    static func designedPairs(
        _ n: Int, lambda: Double, karyotype: Planted, who: Planted, dose: Planted,
        diagnosis: Planted
    ) -> [LinkRecord] {
        var random = SplitMix64(seed: 7)
        func other<T: Equatable>(_ value: T, _ all: [T]) -> T {
            let rest = all.filter { $0 != value }
            return rest[random.int(0...(rest.count - 1))]
        }
        var records = [LinkRecord]()
        for k in 0..<n {
            let match = random.chance(lambda)
            func agrees(_ p: Planted) -> Bool { random.chance(match ? p.m[0] : p.u[0]) }
            let kary = karyotypes[random.int(0...4)]
            let whoA = whoClasses[random.int(0...5)]
            let doseA = doses[random.int(0...3)]
            let day = L.day("2005-01-01") + Int32(random.int(0...3000))
            let rates = match ? diagnosis.m : diagnosis.u
            let level = random.pick([(0, rates[0]), (1, rates[1]), (2, rates[2])])
            let shift: Int32 = level == 0 ? 0 : (level == 1 ? Int32(random.int(1...7)) : Int32(random.int(30...300)))
            let a = LinkRecord(
                reference: PatientReference(centre: "a", localID: "\(k)"), cohortSource: "registry",
                birthYear: 1000 + k, diagnosisDate: day, lenInitialDose: doseA, karyotypeCategory: kary,
                whoClass: whoA)
            var b = a
            b.reference = PatientReference(centre: "b", localID: "\(k)")
            b.diagnosisDate = day + shift
            if !agrees(karyotype) { b.karyotypeCategory = other(kary, karyotypes) }
            if !agrees(who) { b.whoClass = other(whoA, whoClasses) }
            if !agrees(dose) { b.lenInitialDose = other(doseA, doses) }
            records += [a, b]
        }
        return records
    }

    static let comparisons = [
        L.comparison(.karyotypeCategory), L.comparison(.whoClass), L.comparison(.lenInitialDose),
        L.comparison(.diagnosisDate, [0, 7]),
    ]

    func testEMRecoversPlantedMAndU() throws {
        let karyotype = Planted(m: [0.95, 0.05], u: [0.3, 0.7])
        let who = Planted(m: [0.9, 0.1], u: [0.2, 0.8])
        let dose = Planted(m: [0.85, 0.15], u: [0.4, 0.6])
        let diagnosis = Planted(m: [0.7, 0.25, 0.05], u: [0.01, 0.04, 0.95])
        let records = Self.designedPairs(
            4000, lambda: 0.25, karyotype: karyotype, who: who, dose: dose, diagnosis: diagnosis)
        let result = try Linker.link(records, settings: L.settings([L.pass([.birthYear])], Self.comparisons))
        XCTAssertEqual(result.pairsCompared, 4000, "one pair per block")
        let model = try XCTUnwrap(result.model)
        XCTAssertTrue(model.converged)
        XCTAssertEqual(model.lambdaAmongCompared, 0.25, accuracy: 0.02)
        for (fitted, planted) in zip(model.comparisons, [karyotype, who, dose, diagnosis]) {
            for level in planted.m.indices {
                XCTAssertEqual(
                    fitted.m[level], planted.m[level], accuracy: 0.03, "m \(fitted.spec.field) level \(level)")
                XCTAssertEqual(
                    fitted.uAmongCompared[level], planted.u[level], accuracy: 0.03,
                    "u \(fitted.spec.field) level \(level)")
            }
        }
        XCTAssertEqual(model.degenerateFields, [])
        XCTAssertEqual(model.crossCentrePairs, 4000 * 4000, "every a with every b")
        XCTAssertEqual(model.lambda, model.lambdaAmongCompared * 4000 / Double(4000 * 4000), accuracy: 1e-15)
        // Scoring's u is over all a × b pairs: karyotype agrees about as often as two draws of five.
        XCTAssertEqual(model.comparisons[0].u[0], 0.2, accuracy: 0.02)
    }

    func testComparisonCountingAgainstMatchesIsReported() throws {
        let records = Self.designedPairs(
            3000, lambda: 0.25, karyotype: Planted(m: [0.95, 0.05], u: [0.3, 0.7]),
            who: Planted(m: [0.05, 0.95], u: [0.9, 0.1]),
            dose: Planted(m: [0.85, 0.15], u: [0.4, 0.6]),
            diagnosis: Planted(m: [0.7, 0.25, 0.05], u: [0.01, 0.04, 0.95]))
        let model = try XCTUnwrap(
            try Linker.link(records, settings: L.settings([L.pass([.birthYear])], Self.comparisons)).model)
        XCTAssertEqual(model.degenerateFields, [.whoClass])
        XCTAssertTrue(model.warnings.contains { $0.hasPrefix("comparison who_class: m of agree") }, "\(model.warnings)")
    }

    /// Two centres of two patients; blocking on sex compares fr1–be1 and fr2–be2 (2 of 4 cross pairs).
    static let handRecords = [
        L.record("fr-lyon:1", sex: "female", diagnosis: "2011-03-14"),
        L.record("fr-lyon:2", sex: "male", diagnosis: "2011-03-14"),
        L.record("be-gent:1", sex: "female", diagnosis: "2011-03-18"),
        L.record("be-gent:2", sex: "male", diagnosis: "2011-06-01"),
    ]

    /// Given m and u, prior 0.1 among compared pairs: λ = 0.1 × 2 / 4 = 0.05.
    static let handSettings = L.settings(
        [L.pass([.sex])],
        [
            L.comparison(.sex, m: [0.95, 0.05], u: [0.5, 0.5]),
            L.comparison(.diagnosisDate, [0, 7], m: [0.8, 0.15, 0.05], u: [0.01, 0.04, 0.95]),
        ],
        estimation: .given, prior: 0.1, link: 0.95, review: 0.25)

    func testGivenMAndUProbabilitiesByHand() throws {
        let result = try Linker.link(Self.handRecords, settings: Self.handSettings)
        let model = try XCTUnwrap(result.model)
        XCTAssertEqual(model.lambda, 0.05, accuracy: 1e-15)
        XCTAssertEqual(model.iterations, 0, "nothing to estimate")
        // fr1–be1: sex agrees, 4 days apart (≤ 7 days):
        // 0.05·0.95·0.15 / (0.05·0.95·0.15 + 0.95·0.5·0.04) = 0.007125 / 0.026125 = 3/11.
        XCTAssertEqual(result.reviewPairs.count, 1)
        let pair = try XCTUnwrap(result.reviewPairs.first)
        XCTAssertEqual([pair.left.description, pair.right.description], ["be-gent:1", "fr-lyon:1"])
        XCTAssertEqual(pair.probability, 3.0 / 11.0, accuracy: 1e-12)
        XCTAssertEqual(pair.comparisons.map(\.label), ["agree", "≤ 7 days"])
        XCTAssertEqual(pair.comparisons.map(\.left), ["female", "2011-03-18"])
        XCTAssertEqual(pair.comparisons.map(\.right), ["female", "2011-03-14"])
        XCTAssertEqual(pair.comparisons[0].weight, 0.925_999_418_556_223, accuracy: 1e-12, "log2(0.95 / 0.5)")
        XCTAssertEqual(pair.comparisons[1].weight, 1.906_890_595_608_519, accuracy: 1e-12, "log2(0.15 / 0.04)")
        // fr2–be2: 79 days apart: 0.002375 / (0.002375 + 0.45125) → separate, no review.
        XCTAssertEqual(result.clusters.count, 4)
        let review = L.events(result, .linkReviewPending)
        XCTAssertEqual(review.map(\.rule), ["probabilistic p=0.2727"])
        XCTAssertEqual(review.first?.sourceValue, "be-gent:1")
        XCTAssertEqual(review.first?.targetValue, "fr-lyon:1")
    }

    func testGivenEstimationNeedsMAndU() {
        var settings = Self.handSettings
        settings.probabilistic?.comparisons[1].u = nil
        XCTAssertThrowsError(try Linker.link(Self.handRecords, settings: settings)) { error in
            XCTAssertEqual(
                "\(error)",
                "pipelines/p.yaml:40:7: error: comparison diagnosis_date needs u: with estimation: given (3 values, disagreement last)"
            )
        }
        settings = Self.handSettings
        settings.probabilistic?.comparisons[0].m = [0.9]
        XCTAssertThrowsError(try Linker.link(Self.handRecords, settings: settings))
        settings = Self.handSettings
        settings.probabilistic?.reviewThreshold = 0.99
        XCTAssertThrowsError(try Linker.link(Self.handRecords, settings: settings))
        settings = Self.handSettings
        settings.probabilistic?.comparisons[1].tolerances = [7, 0]
        XCTAssertThrowsError(try Linker.link(Self.handRecords, settings: settings))
    }
}
