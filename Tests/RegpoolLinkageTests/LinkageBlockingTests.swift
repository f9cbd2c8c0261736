import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// Blocking passes: exact blocks, sorted neighbourhoods, same-centre pairs left out, passes united.
final class LinkageBlockingTests: XCTestCase {
    typealias L = LinkageFixtures

    /// Two comparisons so EM has something to fit; blocking is what these tests look at.
    static let comparisons = [L.comparison(.diagnosisDate, [0, 7]), L.comparison(.whoClass)]

    static let records = [
        L.record("fr-lyon:1", sex: "female", birthYear: 1944, diagnosis: "2011-03-14"),
        L.record("fr-lyon:2", sex: "female", birthYear: 1950, diagnosis: "2012-06-01"),
        L.record("be-gent:1", sex: "female", birthYear: 1944, diagnosis: "2011-03-20"),
        L.record("be-gent:2", sex: "male", birthYear: 1944, diagnosis: "2009-01-05"),
        L.record("de-ulm-trial:1", sex: "female", birthYear: 1951, diagnosis: "2010-10-10"),
        L.record("de-ulm-trial:2", sex: "male", birthYear: 1944, diagnosis: "2009-01-07"),
        L.record("de-ulm-trial:3", sex: nil, birthYear: 1944, diagnosis: "2011-03-14"),
    ]

    func testExactBlockComparesEveryCrossCentrePair() throws {
        // females: fr1 fr2 be1 de1 → fr1-be1 fr1-de1 fr2-be1 fr2-de1 be1-de1 (fr1-fr2 same centre) = 5
        // males: be2 de2 → 1; de3 has no sex: in no block.
        let result = try Linker.link(Self.records, settings: L.settings([L.pass([.sex])], Self.comparisons))
        XCTAssertEqual(result.pairsCompared, 6)
        XCTAssertEqual(L.events(result, .linkageSummarized).first?.count, 6)
    }

    func testTwoFieldBlocksAndUnitedPassesCountEachPairOnce() throws {
        // [sex, birth_year]: female 1944 fr1 be1 → 1; male 1944 be2 de2 → 1; others alone → 2 pairs.
        // [birth_year]: 1944 fr1 be1 be2 de2 de3 → fr1-be1 fr1-be2 fr1-de2 fr1-de3 be1-de2 be1-de3
        //   be2-de2 be2-de3 = 8 (be1-be2, de2-de3 same centre); 1950, 1951 alone. Union = 8.
        let one = try Linker.link(Self.records, settings: L.settings([L.pass([.sex, .birthYear])], Self.comparisons))
        XCTAssertEqual(one.pairsCompared, 2)
        let both = try Linker.link(
            Self.records,
            settings: L.settings(
                [L.pass([.sex, .birthYear]), L.pass([.birthYear])],
                Self.comparisons))
        XCTAssertEqual(both.pairsCompared, 8)
    }

    func testSortedNeighbourhoodComparesRecordsWithinTheWindow() throws {
        // One block (no `on`), sorted by diagnosis date: be2 2009-01-05, de2 2009-01-07, de1 2010-10-10,
        // de3 and fr1 2011-03-14 (a tie: record order, de-ulm-trial before fr-lyon), be1 2011-03-20,
        // fr2 2012-06-01. Window 1 (neighbours): be2-de2, de2-de1 (same centre),
        // de1-de3 (same), de3-fr1, fr1-be1, be1-fr2 → 4.
        let w1 = try Linker.link(
            Self.records, settings: L.settings([L.pass([], sort: .diagnosisDate, window: 1)], Self.comparisons))
        XCTAssertEqual(w1.pairsCompared, 4)
        // Window 2 adds be2-de1, de2-de3 (same), de1-fr1, de3-be1, fr1-fr2 (same) → 4 + 3 = 7.
        let w2 = try Linker.link(
            Self.records, settings: L.settings([L.pass([], sort: .diagnosisDate, window: 2)], Self.comparisons))
        XCTAssertEqual(w2.pairsCompared, 7)
    }

    func testSortedNeighbourhoodCountByHandOnCyclicCentres() throws {
        // Ten records one day apart, centres cycling a, b, c: with window 4 each record meets the next
        // four; offset 3 is its own centre. Offsets 1, 2, 4 give 9 + 8 + 6 = 23 pairs.
        let centres = ["a", "b", "c"]
        let records = (0..<10).map { i in
            L.record("\(centres[i % 3]):\(i)", diagnosis: CivilDate(days: L.day("2011-01-01") + Int32(i)).iso)
        }
        let result = try Linker.link(
            records,
            settings: L.settings(
                [L.pass([.sex], sort: .diagnosisDate, window: 4)],
                Self.comparisons))
        XCTAssertEqual(result.pairsCompared, 23)
    }

    func testSortedNeighbourhoodGrowsLinearlyWhileFullBlocksGrowQuadratically() throws {
        func records(_ n: Int) -> [LinkRecord] {
            var random = SplitMix64(seed: 42)
            return (0..<n).map { i in
                L.record(
                    "c\(i % 5):\(i)", sex: random.chance(0.6) ? "female" : "male",
                    diagnosis: CivilDate(days: L.day("2000-01-01") + Int32(random.int(0...7670))).iso)
            }
        }
        let snm = L.settings([L.pass([.sex], sort: .diagnosisDate, window: 5)], Self.comparisons)
        let counts = try [1000, 2000, 4000].map { try Linker.link(records($0), settings: snm).pairsCompared }
        XCTAssertEqual(Double(counts[1]) / Double(counts[0]), 2, accuracy: 0.02, "\(counts)")
        XCTAssertEqual(Double(counts[2]) / Double(counts[1]), 2, accuracy: 0.02, "\(counts)")
        XCTAssertLessThanOrEqual(counts[2], 4000 * 5)
        let full = L.settings([L.pass([.sex])], Self.comparisons)
        let fullCounts = try [1000, 2000].map { try Linker.link(records($0), settings: full).pairsCompared }
        XCTAssertEqual(Double(fullCounts[1]) / Double(fullCounts[0]), 4, accuracy: 0.1, "\(fullCounts)")
    }

    func testOneCentreIsNeverCompared() throws {
        let records = [L.record("fr-lyon:1"), L.record("fr-lyon:2"), L.record("fr-lyon:3")]
        let result = try Linker.link(records, settings: L.settings([L.pass([.sex])], Self.comparisons))
        XCTAssertEqual(result.pairsCompared, 0, "identical, but of one centre")
        XCTAssertEqual(result.clusters, [[0], [1], [2]])
        XCTAssertTrue(result.model?.warnings.contains { $0.hasPrefix("no candidate pairs") } ?? false)
    }
}
