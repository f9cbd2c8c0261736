import RegpoolConfig
import RegpoolLinkage
import RegpoolMapping
import RegpoolModel
import XCTest

/// The result is a function of the set of records: input order never matters.
final class LinkageDeterminismTests: XCTestCase {
    typealias L = LinkageFixtures

    func testShuffledInputGivesAnIdenticalResult() throws {
        let data = LinkageStressData(patients: 2000, seed: 11)
        let overrides = [
            L.override(
                .forceSeparate, data.records[0].reference.description, data.records[1].reference.description, line: 2)
        ]
        let first = try Linker.link(data.records, settings: LinkageStressTests.settings, overrides: overrides)
        XCTAssertGreaterThan(first.acceptedEdges.count, 200, "the set links something")
        var random = SplitMix64(seed: 99)
        for _ in 0..<2 {
            let shuffled = random.shuffled(data.records)
            XCTAssertNotEqual(shuffled.map(\.reference), data.records.map(\.reference))
            let again = try Linker.link(shuffled, settings: LinkageStressTests.settings, overrides: overrides)
            XCTAssertEqual(again.records, first.records)
            XCTAssertEqual(again.clusters, first.clusters)
            XCTAssertEqual(again.joiningEdges, first.joiningEdges)
            XCTAssertEqual(again.acceptedEdges, first.acceptedEdges)
            XCTAssertEqual(again.refusedEdges, first.refusedEdges)
            XCTAssertEqual(again.reviewPairs, first.reviewPairs)
            XCTAssertEqual(again.pairsCompared, first.pairsCompared)
            XCTAssertEqual(again.model, first.model, "bit-identical m, u and λ")
            XCTAssertEqual(again.audit.events(), first.audit.events())
        }
    }

    func testRecordsComeOutSortedByReference() throws {
        let records = [L.record("fr-lyon:10"), L.record("be-gent:2"), L.record("fr-lyon:9"), L.record("be-gent:10")]
        let result = try Linker.link(records, settings: LinkageSettings(location: L.loc(1)))
        XCTAssertEqual(
            result.records.map(\.reference.description), ["be-gent:10", "be-gent:2", "fr-lyon:10", "fr-lyon:9"],
            "centre, then local id, by UTF-8 bytes")
        XCTAssertEqual(result.index(of: L.ref("fr-lyon:9")), 3)
        XCTAssertNil(result.index(of: L.ref("fr-lyon:11")))
        XCTAssertEqual(result.clusters, [[0], [1], [2], [3]], "no rules: every record alone")
    }

    func testTheSameReferenceTwiceIsAnError() {
        let records = [L.record("fr-lyon:1"), L.record("be-gent:1"), L.record("fr-lyon:1", sex: "male")]
        XCTAssertThrowsError(try Linker.link(records, settings: LinkageStressTests.settings)) { error in
            XCTAssertEqual(error as? LinkageError, .duplicateRecord(L.ref("fr-lyon:1")))
            XCTAssertTrue("\(error)".contains("fr-lyon:1 was given twice"))
        }
    }
}
