import Dispatch
import RegpoolConfig
import RegpoolMapping
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

/// Mapping a batch on several threads (issue 17) gives exactly what mapping the records one by one
/// gives: the same patients, lineage and audit lines, first occurrences and counts included.
final class BatchMappingTests: XCTestCase {
    typealias S = CentreScenario

    /// Several threads at once, as the pipeline runs it.
    static let threads = Workers { count, body in
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBody(call: body)
            DispatchQueue.concurrentPerform(iterations: count) { shared.call($0) }
        }
    }

    /// About 3,000 records of three sources with what real exports carry: patients sent twice
    /// (merged by recency), unknown labels (T3001), bad dates (T3002), mapped codes (T3003, counted),
    /// unit conversions, keyless records, records the extractor could not read, orphan courses.
    static func inputs() -> [(SourceSpec, MapperInput)] {
        var out: [(SourceSpec, MapperInput)] = []
        let sexes = ["M", "F", "X", ""]
        let classes = ["AR", "5q-", "AREB-1", "AREB-2", "LAM"]
        for i in 0..<1_600 {
            let key = i % 97 == 0 ? "NA" : String(1000 + i % 1_400)  // keyless, and 200 patients sent twice
            let date =
                i % 53 == 0 ? "31/02/2011" : String(format: "%02d/%02d/20%02d", 1 + i % 28, 1 + i % 12, 5 + i % 10)
            let values: [String?] = [
                key, sexes[i % 4], String(1930 + i % 40), date, classes[i % 5], "\(i % 20)",
                i % 2 == 0 ? "FISH" : "caryotype",
                i % 3 == 0 ? "complexe" : "5q isolée", "\(80 + i % 60),\(i % 10)", i % 7 == 0 ? "décédé" : "vivant", "",
                "01/06/2016", "",
            ]
            let record = Fixtures.record("patients_2024.csv", line: i + 2, S.lyonPatientNames, values)
            out.append((S.lyonPatients, .record(record)))
            if i % 211 == 0 {
                let rejected = RejectedRecord(
                    file: "patients_2024.csv", locator: "line \(i + 2)b", line: i + 2, byteOffset: i * 90,
                    reason: "line \(i + 2)b has 3 fields, the header 13", sha256: "bad-\(i)", firstField: key)
                out.append((S.lyonPatients, .rejected(rejected)))
            }
        }
        for i in 0..<1_500 {
            let values: [String?] = [
                String(1000 + i % 1_450), "1", "10/01/2012", "", "\(5 + i % 3),0", ["non", "EPO", "autre"][i % 3],
                "01/03/2013", i % 2 == 0 ? "perte de réponse" : "pas de réponse",
            ]
            out.append(
                (S.lyonCourses, .record(Fixtures.record("cures_2024.csv", line: i + 2, S.lyonCourseNames, values))))
        }
        return out
    }

    static let mapping = Fixtures.mapping([S.lyonPatients, S.lyonCourses, S.lyonLines])

    func testABatchOnSeveralThreadsMapsAsRecordsOneByOne() {
        let inputs = Self.inputs()
        var single = CentreMapper(centre: S.lyon, mapping: Self.mapping)
        for (source, input) in inputs {
            switch input {
            case .record(let r): single.map(r, source: source)
            case .rejected(let r): single.reject(r, source: source)
            }
        }
        let expected = single.finish()

        var batched = CentreMapper(centre: S.lyon, mapping: Self.mapping)
        var start = 0
        while start < inputs.count {
            // Batches of one source, cut at odd sizes so pieces straddle sources and patients.
            let source = inputs[start].0
            var end = start
            while end < inputs.count, end - start < 1_111, inputs[end].0.name == source.name { end += 1 }
            batched.map(inputs[start..<end].map(\.1), source: source, workers: Self.threads)
            start = end
        }
        let got = batched.finish(workers: Self.threads)

        XCTAssertGreaterThan(expected.patients.count, 1_000)
        XCTAssertEqual(got.patients.map(\.localID), expected.patients.map(\.localID))
        XCTAssertEqual(got.patients.map { "\($0)" }, expected.patients.map { "\($0)" })
        XCTAssertEqual(got.lineage, expected.lineage)
        XCTAssertTrue(got.lineage.contains { $0.status == .rejected })
        XCTAssertTrue(got.lineage.contains { $0.status == .merged })
        let events = got.audit.events()
        XCTAssertEqual(events, expected.audit.events())
        for code in [AuditCode.valueUnmapped, .valueInvalid, .valueMapped, .recordRejected, .recordOrphaned] {
            XCTAssertFalse(Fixtures.events(got.audit, code).isEmpty, "no \(code.code) in the scenario")
        }
    }

    /// A map decision counted by slot is the same summary line as one counted by key, and a merge
    /// keeps the first occurrence of the log merged into.
    func testSlotTalliesAreTheKeyedSummaryLines() {
        func event(_ locator: String) -> AuditEvent {
            var e = AuditEvent(
                .valueMapped, centre: "fr-lyon", file: "p.csv", locator: locator, field: "SEXE",
                target: "patients.sex", sourceValue: "M", rule: "m.yaml:3 patients.sex", message: "M mapped to male")
            e.targetValue = "male"
            return e
        }
        let key = AuditSummaryKey(
            .valueMapped, centre: "fr-lyon", field: "SEXE", target: "patients.sex", sourceBytes: ArraySlice("M".utf8),
            rule: "m.yaml:3 patients.sex")
        var keyed = AuditLog()
        var slotted = AuditLog()
        for n in 1...5 {
            keyed.count(key) { event("line \(n)") }
            slotted.count(slot: 7) { (key, event("line \(n)")) }
        }
        XCTAssertEqual(slotted.events(), keyed.events())
        XCTAssertEqual(slotted.events().first?.count, 5)
        XCTAssertEqual(slotted.events().first?.locator, "line 1")

        var earlier = AuditLog()
        earlier.count(key) { event("line 0") }
        earlier.merge(slotted)
        XCTAssertEqual(earlier.events().first?.count, 6)
        XCTAssertEqual(earlier.events().first?.locator, "line 0")
    }
}

/// The per-index work of one `Workers.map`: each index writes only its own slot.
private struct UncheckedBody: @unchecked Sendable {
    let call: (Int) -> Void
}
