import Foundation
import RegpoolModel
import RegpoolPipeline
import XCTest

/// The planted linkage cases of the samples (samples/README.md, "Planted linkage cases") against
/// the truth file samples/linkage-truth.csv: every pair of source records of one person shares a
/// pooled id, and no pair of different persons does.
final class LinkageSampleTests: XCTestCase {
    /// `centre:local_id` → person, from the truth file; unlisted patients are persons of their own.
    static func truth() throws -> [String: String] {
        let text = try String(contentsOfFile: TestSupport.root + "/samples/linkage-truth.csv", encoding: .utf8)
        var persons: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",").map(String.init)
            persons["\(f[1]):\(f[2])"] = f[0]
        }
        return persons
    }

    func testPlantedDuplicatesArePooledWithPairwisePrecisionAndRecallOfOne() throws {
        let summary = try SampleBuild.shared()
        let file = try TestSupport.readParquet([summary.buildPath + "/source_records.parquet"])[0]
        let names = file.columns.map(\.name)
        let (id, centre, local) = (
            names.firstIndex(of: "pooled_id")!, names.firstIndex(of: "centre_id")!,
            names.firstIndex(of: "local_patient_id")!
        )
        let truth = try Self.truth()
        var records: [(person: String, pooled: String)] = []
        for row in file.rows {
            guard case .string(let p) = row[id], case .string(let c) = row[centre], case .string(let l) = row[local]
            else { continue }  // rejected records have no pooled id
            records.append((truth["\(c):\(l)"] ?? "\(c):\(l)", p))
        }
        var truePairs = 0
        var predictedPairs = 0
        var bothPairs = 0
        for i in records.indices {
            for j in records.indices where j > i {
                let same = records[i].person == records[j].person
                let linked = records[i].pooled == records[j].pooled
                truePairs += same ? 1 : 0
                predictedPairs += linked ? 1 : 0
                bothPairs += same && linked ? 1 : 0
            }
        }
        XCTAssertGreaterThan(truePairs, 100, "the truth has the planted pairs and the within-patient record pairs")
        XCTAssertEqual(Double(bothPairs) / Double(predictedPairs), 1.0, "precision")
        XCTAssertEqual(Double(bothPairs) / Double(truePairs), 1.0, "recall")
    }

    func testEachPlantedCaseIsDecidedAsTheReadmeSays() throws {
        let ids = try PooledIDs.byMember(SampleBuild.shared())
        XCTAssertEqual(ids["be-gent:GE-0021"], ids["de-ulm-trial:ULM-006"], "T1: cited trial id")
        XCTAssertEqual(ids["ca-toronto:TOR-021"], ids["us-lakeside:LS-022"], "T2: score only")
        XCTAssertEqual(ids["be-gent:GE-0023"], ids["de-ulm-trial:ULM-009"], "T4: force_link of the overrides file")
        XCTAssertNotEqual(ids["be-gent:GE-0022"], ids["de-ulm-trial:ULM-017"], "N1: near-twins")
        XCTAssertNotEqual(ids["ca-toronto:TOR-022"], ids["us-lakeside:LS-019"], "N2: near-twins")
        let audit = try String(contentsOfFile: SampleBuild.file("audit.jsonl"), encoding: .utf8)
        let linked = audit.split(separator: "\n").filter { $0.contains("\"code\":\"L4002\"") }
        XCTAssertEqual(linked.count, 3)
        XCTAssertTrue(linked.contains { $0.contains("\"rule\":\"deterministic gent-cites-ulm-trial\"") })
        XCTAssertTrue(linked.contains { $0.contains("\"rule\":\"probabilistic p=0.99") })
        XCTAssertTrue(
            linked.contains { $0.contains("\"rule\":\"override force_link ../samples/linkage/overrides.csv:3\"") })
        XCTAssertTrue(audit.contains("\"code\":\"L4004\""))
    }

    func testTheTrialRecordSurvivesAndTheRegistryRecordsAreMergedWithTheirLinkScore() throws {
        let summary = try SampleBuild.shared()
        let sources = summary.tables.first { $0.schema.name == "source_records" }!
        let local = sources.column(CDM.SourceRecords.localPatientID)
        let status = sources.column(CDM.SourceRecords.status)
        let probability = sources.column(CDM.SourceRecords.matchProbability)
        for i in sources.rows.indices {
            switch local[i].text {
            case "ULM-006", "LS-022": XCTAssertEqual(status[i].text, "survivor", "the trial's records win")
            case "GE-0021":
                XCTAssertEqual(status[i].text, "merged")
                XCTAssertEqual(probability[i], .double(1.0))
            case "TOR-021":
                XCTAssertEqual(status[i].text, "merged")
                guard case .double(let p) = probability[i] else { return XCTFail("TOR-021 has no match probability") }
                XCTAssertGreaterThanOrEqual(p, 0.95)
                XCTAssertLessThan(p, 1.0)
            default: continue
            }
        }
        let patients = summary.tables.first { $0.schema.name == "patients" }!
        XCTAssertEqual(patients.rows.count, 126, "129 local patients, 3 cross-centre links")
    }

    func testTheBuildWritesItsCrosswalkAndAnEmptyReviewOnceTheGreyPairIsDecided() throws {
        let crosswalk = try String(contentsOfFile: SampleBuild.file("crosswalk.csv"), encoding: .utf8)
        let lines = crosswalk.split(separator: "\n")
        XCTAssertEqual(lines.first, "member_key,pooled_id")
        XCTAssertEqual(lines.count - 1, 129, "one line per local patient")
        XCTAssertEqual(Set(lines.dropFirst().map { $0.split(separator: ",")[1] }).count, 126)
        let review = try String(contentsOfFile: SampleBuild.file("clerical-review.csv"), encoding: .utf8)
        XCTAssertEqual(review.split(separator: "\n").count, 1, "only the header: the grey pair was decided")
        let manifest = try String(contentsOfFile: SampleBuild.file("manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"role\":\"overrides\""))
        XCTAssertTrue(manifest.contains("\"pairs_compared\":"))
    }
}
