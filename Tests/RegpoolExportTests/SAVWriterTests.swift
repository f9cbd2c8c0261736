import RegpoolModel
import XCTest

@testable import RegpoolExport

/// The .sav header is deterministic and the variables follow the plan (pyreadstat reads the
/// sample build's export in RegpoolPipelineTests.ExportTests).
final class SAVWriterTests: XCTestCase {
    static let schema = TableSchema(
        name: "t", meaning: "", naturalKey: [],
        columns: [
            ColumnSchema("pooled_id", .string, required: true),
            ColumnSchema("failure_type", .enumeration(["no_response", "progression"])),
            ColumnSchema("os_months", .double), ColumnSchema("os_event", .bool), ColumnSchema("failure_date", .date),
        ])
    static let table = TableData(
        schema: schema,
        rows: [
            [.string("P-1"), .string("progression"), .double(12.5), .bool(true), .date(19_000)],
            [.string("P-22"), .null, .null, .null, .null],
        ])

    func testPlanCodesTokensInContractOrder() {
        let plan = SPSSVariable.plan(Self.table)
        XCTAssertEqual(plan.map(\.format), ["A4", "F1.0", "F12.2", "F1.0", "DATE11"])
        XCTAssertEqual(
            plan[1].kind, .coded(tokens: ["no_response", "progression"], labels: ["No response", "Progression"]))
        XCTAssertEqual(plan[2].measure, .scale)
    }

    func testBytesAreTheSameInAnyTimeZoneAndRun() throws {
        let plan = SPSSVariable.plan(Self.table)
        let first = try SAVWriter.encode(Self.table, plan: plan, fileLabel: "regpool test")
        setenv("TZ", "Pacific/Kiritimati", 1)
        tzset()
        let second = try SAVWriter.encode(Self.table, plan: plan, fileLabel: "regpool test")
        unsetenv("TZ")
        tzset()
        XCTAssertEqual(first, second)
        XCTAssertEqual(Array(first.prefix(4)), Array("$FL2".utf8))
        XCTAssertEqual(Array(first[92..<109]), Array("01 Jan 7000:00:00".utf8))
        XCTAssertEqual(String(decoding: first[109..<121], as: UTF8.self), "regpool test")
    }

    func testAValueOutsideTheTokensIsRefusedByName() {
        var table = Self.table
        table.rows[0][1] = .string("relapse")
        XCTAssertThrowsError(try SAVWriter.encode(table, plan: SPSSVariable.plan(Self.table), fileLabel: "x")) {
            error in
            XCTAssertTrue("\(error)".contains("'failure_type' holds 'relapse'"), "\(error)")
        }
    }
}
