import RegpoolConfig
import RegpoolMappingFixtures
import RegpoolModel
import XCTest

@testable import RegpoolCohort
@testable import RegpoolLinkage
@testable import RegpoolMapping

final class AssemblerTests: XCTestCase {
    typealias S = CentreScenario
    let d = CohortFacts.d

    private func assemble(_ centres: [CentreResult]) -> (tables: [TableData], audit: AuditLog) {
        CohortAssembler.assemble(centres, pseudonymizer: Pseudonymizer(key: S.key))
    }

    private func table(_ tables: [TableData], _ name: String) -> TableData {
        tables.first { $0.schema.name == name }!
    }

    private func id(_ centre: String, _ local: String) -> String {
        Pseudonymizer(key: S.key).pooledID(centre: centre, localID: local)
    }

    func testEveryTableInOrderWithWellTypedRows() {
        let out = assemble([S.lyonResult(), S.ulmResult()])
        XCTAssertEqual(out.tables.map(\.schema.name), CDM.tables.map(\.name))
        for t in out.tables {
            for row in t.rows {
                XCTAssertEqual(row.count, t.schema.columns.count, t.schema.name)
                for (value, column) in zip(row, t.schema.columns) {
                    XCTAssertTrue(Self.fits(value, column), "\(t.schema.name).\(column.name) = \(value)")
                }
            }
            XCTAssertEqual(t.rows, t.sorted().rows, "\(t.schema.name) is sorted")
        }
    }

    static func fits(_ v: Value, _ c: ColumnSchema) -> Bool {
        switch (v, c.type) {
        case (.null, _): return !c.required
        case (.string, .string), (.int32, .int32), (.double, .double), (.bool, .bool), (.date, .date): return true
        case (.string(let s), .enumeration(let tokens)): return tokens.contains(s)
        default: return false
        }
    }

    func testPatientsRowsAndLineage() {
        let out = assemble([S.lyonResult(), S.ulmResult()])
        let patients = table(out.tables, "patients")
        XCTAssertEqual(patients.rows.count, 3, "1003 is known from a course only: orphaned, not a patient")
        let s = CDM.patients
        func row(_ centre: String, _ local: String) -> [Value] {
            patients.rows.first { $0[0] == .string(id(centre, local)) }!
        }
        let p1001 = row("fr-lyon", "1001")
        XCTAssertEqual(p1001[s.index(of: "n_source_records")!], .int32(3))
        XCTAssertEqual(p1001[s.index(of: "region")!], .string("europe"))
        XCTAssertEqual(p1001[s.index(of: "cohort_source")!], .string("registry"))
        XCTAssertEqual(p1001[s.index(of: "hb_g_dl")!].doubleValue!, 9.2, accuracy: 1e-12)
        XCTAssertFalse(patients.rows.contains { $0[0] == .string(id("fr-lyon", "1003")) })
        XCTAssertEqual(row("de-ulm", "A-7")[s.index(of: "cohort_source")!], .string("clinical_trial"))

        let lineage = table(out.tables, "source_records")
        XCTAssertEqual(lineage.rows.count, 6)
        let r = CDM.sourceRecords
        let ids = lineage.rows.filter { $0[r.index(of: "local_patient_id")!] == .string("1001") }.map { $0[0] }
        XCTAssertEqual(ids, Array(repeating: .string(id("fr-lyon", "1001")), count: 3))
        let statuses = lineage.rows.map { ($0[r.index(of: "local_patient_id")!].text, $0[r.index(of: "status")!].text) }
        XCTAssertTrue(statuses.allSatisfy { $0.0 == "1003" ? $0.1 == "rejected" : $0.1 == "survivor" }, "\(statuses)")
        XCTAssertEqual(out.audit.lines(with: .recordOrphaned), 1)
    }

    func testOutcomeConsistency() {
        let out = assemble([S.lyonResult(), S.ulmResult()])
        let outcomes = table(out.tables, "outcomes")
        XCTAssertEqual(outcomes.rows.count, 2, "de-ulm's row lacks last_contact_date and is dropped")
        let s = CDM.outcomes
        let dead = outcomes.rows.first { $0[0] == .string(id("fr-lyon", "1001")) }!
        XCTAssertEqual(dead[s.index(of: "last_contact_date")!], .date(d("2013-09-01")), "for the dead, the death date")
        let alive = outcomes.rows.first { $0[0] == .string(id("fr-lyon", "1002")) }!
        XCTAssertEqual(alive[s.index(of: "death_date")!], .null)
        let events = out.audit.events().filter { $0.code.stage == .validate }
        XCTAssertEqual(
            events.map {
                "\($0.code.code) \($0.centre ?? "") \($0.target ?? "") \($0.sourceValue ?? "-") \($0.targetValue ?? "-")"
            }.sorted(),
            [
                "V7001 fr-lyon outcomes.death_date 2014-05-05 -",
                "V7002 fr-lyon outcomes.last_contact_date 2013-08-01 2013-09-01",
                "V7014 de-ulm outcomes.last_contact_date - -",
            ])
        XCTAssertEqual(events.first { $0.code == .lastContactNotDeath }?.locator, "line 2")
        XCTAssertEqual(events.first { $0.code == .outcomesIncomplete }?.rule, "V7014 drop_row (default)")
    }

    func testCohortAndExclusions() {
        let out = assemble([S.lyonResult(), S.ulmResult()])
        let cohort = table(out.tables, "analysis_cohort")
        XCTAssertEqual(cohort.rows.count, 1)
        let c = Row<CDM.AnalysisCohort>(cohort.rows[0])
        typealias C = CDM.AnalysisCohort
        XCTAssertEqual(c[C.pooledID], .string(id("fr-lyon", "1001")))
        XCTAssertEqual(c[C.ageAtLENStart].doubleValue!, 25759 / 365.25, accuracy: 1e-12)
        XCTAssertEqual(c[C.age75Plus], .bool(false))
        XCTAssertEqual(c[C.sex], .string("female"))
        XCTAssertEqual(c[C.region], .string("europe"))
        XCTAssertEqual(c[C.karyotypeCategory], .string("isolated_del5q"))
        XCTAssertEqual(c[C.adverseKaryotype], .bool(false))
        XCTAssertEqual(c[C.raebAtLENStart], .bool(false))
        XCTAssertEqual(c[C.therapyRelated], .null)
        XCTAssertEqual(c[C.lenResponded], .null)
        XCTAssertEqual(c[C.lenDose10mg], .bool(true))
        XCTAssertEqual(c[C.lenDurationMonths].doubleValue!, 416 / 30.4375, accuracy: 1e-12)
        XCTAssertEqual(c[C.failureType], .string("loss_of_response"))
        XCTAssertEqual(c[C.firstLineCategory], .string("hma"))
        XCTAssertEqual(c[C.alloSct], .bool(false))
        XCTAssertEqual(c[C.osMonths].doubleValue!, 549 / 30.4375, accuracy: 1e-12)
        XCTAssertEqual(c[C.osEvent], .bool(true))
        XCTAssertEqual(c[C.amlMonths].doubleValue!, 337 / 30.4375, accuracy: 1e-12)
        XCTAssertEqual(c[C.amlEvent], .bool(true))

        let exclusions = table(out.tables, "exclusions")
        var reasons: [String: String] = [:]
        for row in exclusions.rows { reasons[row[0].stringValue!] = row[1].stringValue! }
        XCTAssertEqual(
            reasons,
            [
                id("fr-lyon", "1002"): "no_documented_failure",
                id("de-ulm", "A-7"): "inconsistent_dates",
            ])
        let excluded = out.audit.events().filter { $0.code == .patientExcluded }
        XCTAssertEqual(excluded.count, 2)
        XCTAssertTrue(
            excluded.contains {
                $0.locator == "pooled_id=\(id("de-ulm", "A-7"))" && $0.targetValue == "inconsistent_dates"
            })
    }

    func testDeterministicWhateverTheOrderOfPatientsAndCentres() {
        let reference = assemble([S.lyonResult(), S.ulmResult()])
        let shuffled = S.lyonRecords().reversed().map { $0 }
        let other = assemble([S.ulmResult(), S.lyonResult(Array(shuffled))])
        for (a, b) in zip(reference.tables, other.tables) {
            XCTAssertEqual(a.rows, b.rows, a.schema.name)
        }
        // Single events are identical; summary lines keep the first record's locator, so compare their data.
        XCTAssertEqual(
            reference.audit.events().filter { $0.count == nil }, other.audit.events().filter { $0.count == nil })
        func summaries(_ log: AuditLog) -> [String] {
            log.events().filter { $0.count != nil }
                .map {
                    "\($0.code.code) \($0.target ?? "") \($0.sourceValue ?? "") \($0.targetValue ?? "") \($0.count!)"
                }.sorted()
        }
        XCTAssertEqual(summaries(reference.audit), summaries(other.audit))
    }
}
