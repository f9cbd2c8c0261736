import RegpoolModel
import XCTest

/// The typed column handles: every CDM column has exactly one, in schema order, resolved from the model.
final class ColumnHandleTests: XCTestCase {
    func testEveryTableHasOneHandlePerColumnInSchemaOrder() {
        func check<T: CDMTable>(_ all: [Column<T>]) {
            XCTAssertEqual(all.map(\.name), T.schema.columns.map(\.name), T.schema.name)
            XCTAssertEqual(all.map(\.index), Array(T.schema.columns.indices), T.schema.name)
        }
        check(CDM.Patients.all)
        check(CDM.LenCourses.all)
        check(CDM.TreatmentLines.all)
        check(CDM.Transplants.all)
        check(CDM.Outcomes.all)
        check(CDM.LabResults.all)
        check(CDM.AnalysisCohort.all)
        check(CDM.Exclusions.all)
        check(CDM.SourceRecords.all)
        XCTAssertEqual(
            [
                CDM.Patients.schema, CDM.LenCourses.schema, CDM.TreatmentLines.schema, CDM.Transplants.schema,
                CDM.Outcomes.schema, CDM.LabResults.schema, CDM.AnalysisCohort.schema, CDM.Exclusions.schema,
                CDM.SourceRecords.schema,
            ].map(\.name),
            CDM.tables.map(\.name), "one handle namespace per table, in build order")
    }

    func testRowsAreReadAndBuiltThroughHandles() {
        var row = Row<CDM.Exclusions>([
            CDM.Exclusions.pooledID: .string("P-1"), CDM.Exclusions.reason: .string("not_mds"),
        ])
        XCTAssertEqual(row.values, [.string("P-1"), .string("not_mds"), .null])
        row[CDM.Exclusions.detail] = .string("WHO class")
        XCTAssertEqual(row[CDM.Exclusions.detail], .string("WHO class"))
        let table = TableData(schema: CDM.exclusions, rows: [row.values])
        XCTAssertEqual(table.column(CDM.Exclusions.reason), [.string("not_mds")])
    }
}
