import RegpoolConfig
import RegpoolModel
import RegpoolTransform
import XCTest

/// Linkage time and pairs compared on generated sets of growing size (skipped unless
/// `REGPOOL_LINKAGE_BENCH` names the sizes, e.g. `10000,100000,1000000`; run in release:
/// `swift test -c release -Xswiftc -enable-testing --filter LinkageBenchTests`).
final class LinkageBenchTests: XCTestCase {
    func testLinkageTimeGrowsNearLinearly() throws {
        guard let sizes = ProcessInfo.processInfo.environment["REGPOOL_LINKAGE_BENCH"] else {
            throw XCTSkip("set REGPOOL_LINKAGE_BENCH=10000,100000 to run")
        }
        for n in sizes.split(separator: ",").compactMap({ Int($0) }) {
            let data = LinkageStressData(patients: n, seed: 5)
            let clock = ContinuousClock()
            var result: LinkageResult?
            let elapsed = try clock.measure { result = try Linker.link(data.records, settings: LinkageStressTests.settings) }
            let r = try XCTUnwrap(result)
            let s = data.score(r)
            print("linkage bench: \(data.records.count) records, \(r.pairsCompared) pairs compared "
                + "(\(r.pairsCompared / max(1, data.records.count)) per record), \(elapsed), "
                + "precision \(s.precision), recall \(s.recall), EM \(r.model?.iterations ?? 0) iterations")
        }
    }
}
