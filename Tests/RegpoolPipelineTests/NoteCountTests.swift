import Foundation
import XCTest

/// Issue 4's accounting rule on the sample build, checked by DuckDB: every unit conversion (T3004)
/// and every imputed date (T3011), summed per (centre, field, rule), equals the number of output
/// values it stands for — found in the Parquet tables by centre, column, value (and, for labs,
/// the value as sent).
final class NoteCountTests: XCTestCase {
    static let script = #"""
        import json, sys, duckdb
        build = sys.argv[1]
        con = duckdb.connect()
        for t in ["patients", "lab_results", "source_records"]:
            con.execute(f"create view {t} as select * from read_parquet('{build}/{t}.parquet')")
        con.execute("create view centre_of as select distinct pooled_id, centre_id from source_records where pooled_id is not null")
        audited, found = {}, {}
        for line in open(f"{build}/audit.jsonl", encoding="utf-8"):
            e = json.loads(line)
            if e["code"] not in ("T3004", "T3011"):
                continue
            key = (e["code"], e["centre"], e["field"], e["rule"])
            audited[key] = audited.get(key, 0) + e["count"]
            table, column = e["target"].split(".")
            target = e["target_value"]
            if table == "lab_results":
                sent = e["source_value"]
                n = con.execute("""select count(*) from lab_results l join centre_of c using (pooled_id)
                    where c.centre_id = ? and l.value = ? and (l.source_value = ? or l.source_value || ' ' || l.source_unit = ?)""",
                    [e["centre"], float(target), sent, sent]).fetchone()[0]
            elif e["code"] == "T3011":
                n = con.execute(f"""select count(*) from {table} x join centre_of c using (pooled_id)
                    where c.centre_id = ? and x.{column} = cast(? as date)""", [e["centre"], target]).fetchone()[0]
            else:
                n = con.execute(f"""select count(*) from {table} x join centre_of c using (pooled_id)
                    where c.centre_id = ? and x.{column} = ?""", [e["centre"], float(target)]).fetchone()[0]
            found[key] = found.get(key, 0) + n
        print(json.dumps({"audited": [[*k, v] for k, v in sorted(audited.items())],
                          "found": [[*k, v] for k, v in sorted(found.items())]}))
        """#

    func testConvertedAndImputedCountsEqualTheOutputValues() throws {
        let python = try TestSupport.python()
        let build = try SampleBuild.shared().buildPath
        let r = try TestSupport.run(python, ["-c", Self.script, build])
        XCTAssertEqual(r.status, 0, r.err)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: [[Any]]])
        let audited = try XCTUnwrap(object["audited"]).map { $0.map { "\($0)" }.joined(separator: " ") }
        let found = try XCTUnwrap(object["found"]).map { $0.map { "\($0)" }.joined(separator: " ") }
        XCTAssertEqual(audited, found, "per (code, centre, field, rule): audited count = values found in the output")
        XCTAssertTrue(audited.contains { $0.hasPrefix("T3011 us-lakeside") }, "the sample imputes dates: \(audited)")
        XCTAssertTrue(audited.contains { $0.hasPrefix("T3004 be-gent HB ") }, "the sample converts by unit column")
        XCTAssertTrue(audited.contains { $0.hasPrefix("T3004 kr-seoul") }, "the sample converts with thousands")
    }
}
