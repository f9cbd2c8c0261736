import RegpoolModel

@testable import RegpoolReport

/// A small build by hand: 6 analysed patients and 1 excluded, from two centres (P1 seen by both).
enum ReportFixture {
    /// analysis_cohort: id, age, sex, karyotype, failure type, first line, os months, died, aml months, aml.
    static let cohortRows: [(String, Double?, String?, String?, String, String, Double, Bool, Double?, Bool?)] = [
        ("P1", 71.5, "female", "isolated_del5q", "no_response", "hma", 10, true, 10, false),
        ("P2", 80.0, "male", "complex_del5q", "progression", "unknown", 4, true, 0, true),
        ("P3", 66.0, nil, "isolated_del5q", "no_response", "bsc", 20, false, 20, false),
        ("P4", 59.5, "female", nil, "intolerance", "hma", 30, true, 12, true),
        ("P5", nil, "female", "isolated_del5q", "loss_of_response", "esa", 8, false, 8, false),
        ("P6", 75.0, "male", "complex_del5q", "loss_of_response", "hma", 15, true, nil, nil),
    ]

    static func cohort() -> TableData {
        let schema = CDM.analysisCohort
        return TableData(
            schema: schema,
            rows: cohortRows.map { r in
                var row = [Value](repeating: .null, count: schema.columns.count)
                func set(_ name: String, _ v: Value) { row[schema.index(of: name)!] = v }
                set("pooled_id", .string(r.0))
                if let age = r.1 {
                    set("age_at_len_start", .double(age))
                    set("age_75_plus", .bool(age >= 75))
                }
                if let sex = r.2 { set("sex", .string(sex)) }
                if let k = r.3 { set("karyotype_category", .string(k)) }
                set("region", .string("europe"))
                set("cohort_source", .string("registry"))
                set("failure_type", .string(r.4))
                set("first_line_category", .string(r.5))
                set("allo_sct", .bool(false))
                set("os_months", .double(r.6))
                set("os_event", .bool(r.7))
                if let m = r.8 { set("aml_months", .double(m)) }
                if let e = r.9 { set("aml_event", .bool(e)) }
                return row
            })
    }

    static func patients() -> TableData {
        let schema = CDM.patients
        return TableData(
            schema: schema,
            rows: (cohortRows.map(\.0) + ["P7"]).map { id in
                var row = [Value](repeating: .null, count: schema.columns.count)
                row[0] = .string(id)
                row[schema.index(of: "region")!] = .string("europe")
                row[schema.index(of: "cohort_source")!] = .string("registry")
                row[schema.index(of: "n_source_records")!] = .int32(1)
                if id == "P1" || id == "P2" { row[schema.index(of: "tp53_status")!] = .string("wild_type") }
                return row
            })
    }

    static func exclusions() -> TableData {
        TableData(
            schema: CDM.exclusions,
            rows: [[.string("P7"), .string("no_del5q"), .string("karyotype_category is no_del5q")]])
    }

    /// Centre A sent P1–P4 and P7 plus a rejected record; centre B sent P5, P6 and P1 again.
    static func sourceRecords(centreA: String = "a-centre") -> TableData {
        let schema = CDM.sourceRecords
        let records: [(String?, String, String, String)] = [
            ("P1", centreA, "A1", "survivor"), ("P2", centreA, "A2", "survivor"), ("P3", centreA, "A3", "survivor"),
            ("P4", centreA, "A4", "survivor"), ("P7", centreA, "A7", "survivor"), (nil, centreA, "A9", "rejected"),
            ("P5", "b-centre", "B5", "survivor"), ("P6", "b-centre", "B6", "survivor"),
            ("P1", "b-centre", "B1", "merged"),
        ]
        return TableData(
            schema: schema,
            rows: records.enumerated().map { i, r in
                var row = [Value](repeating: .null, count: schema.columns.count)
                func set(_ name: String, _ v: Value) { row[schema.index(of: name)!] = v }
                if let id = r.0 { set("pooled_id", .string(id)) }
                set("centre_id", .string(r.1))
                set("local_patient_id", .string(r.2))
                set("source_file", .string("f.csv"))
                set("source_locator", .string("line \(i + 2)"))
                set("record_sha256", .string("00"))
                set("status", .string(r.3))
                return row
            })
    }

    static func input(centreA: String = "a-centre", shuffled: Bool = false) -> ReportInput {
        var tables = [patients(), cohort(), exclusions(), sourceRecords(centreA: centreA)]
        if shuffled { tables = tables.map { TableData(schema: $0.schema, rows: $0.rows.reversed()) } }
        return ReportInput(buildID: "b-test", regpoolVersion: "0.0.0", tables: tables)
    }
}
