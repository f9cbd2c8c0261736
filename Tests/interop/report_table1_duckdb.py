#!/usr/bin/env python3
"""Recompute a build's Table 1 and per-centre completeness with DuckDB SQL over its Parquet files.

Usage: report_table1_duckdb.py BUILD_DIR
Prints JSON: {"patients": n, "rows": {variable: {...}}, "centres": {centre: {"patients": n, "known": {variable: k}}}}.
The kind of a variable comes from its Parquet type: VARCHAR = categorical, BOOLEAN = binary, DOUBLE = continuous.
"""
import json
import sys

import duckdb

COHORT = ["age_at_len_start", "age_75_plus", "sex", "region", "cohort_source", "karyotype_category",
          "adverse_karyotype", "raeb_at_len_start", "therapy_related", "len_responded", "len_dose_10mg",
          "len_duration_months", "failure_type", "first_line_category", "allo_sct"]
PATIENTS = ["who_class", "ipss_risk", "tp53_status", "del5q_method", "hb_g_dl", "platelets_g_l", "anc_g_l",
            "rbc_transfusion_dependent", "prior_esa", "prior_hma"]


def main():
    b = sys.argv[1]
    con = duckdb.connect()
    con.execute(f"""CREATE VIEW t1 AS SELECT c.*, {', '.join('p.' + v for v in PATIENTS)}
                    FROM read_parquet('{b}/analysis_cohort.parquet') c
                    JOIN read_parquet('{b}/patients.parquet') p USING (pooled_id)""")
    types = dict(con.execute("SELECT column_name, column_type FROM (DESCRIBE t1)").fetchall())
    n = con.execute("SELECT count(*) FROM t1").fetchone()[0]
    rows = {}
    for v in COHORT + PATIENTS:
        known, missing = con.execute(f"SELECT count({v}), count(*) - count({v}) FROM t1").fetchone()
        row = {"known": known, "missing": missing, "type": types[v]}
        if types[v] == "DOUBLE":
            row["median"], row["min"], row["max"] = con.execute(f"SELECT median({v}), min({v}), max({v}) FROM t1").fetchone()
        elif types[v] == "BOOLEAN":
            row["count"] = con.execute(f"SELECT count(*) FILTER (WHERE {v}) FROM t1").fetchone()[0]
        else:
            row["levels"] = dict(con.execute(f"SELECT {v}, count(*) FROM t1 WHERE {v} IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall())
        rows[v] = row
    centres = {}
    contributed = f"""SELECT DISTINCT centre_id, pooled_id FROM read_parquet('{b}/source_records.parquet')
                      WHERE status <> 'rejected' AND pooled_id IS NOT NULL"""
    for centre, count in con.execute(f"SELECT centre_id, count(*) FROM ({contributed}) GROUP BY 1 ORDER BY 1").fetchall():
        known = {}
        for v in COHORT + PATIENTS:
            known[v] = con.execute(f"""SELECT count(t1.{v}) FROM ({contributed}) s JOIN t1 USING (pooled_id)
                                       WHERE s.centre_id = ?""", [centre]).fetchone()[0]
        eligible = con.execute(f"SELECT count(*) FROM ({contributed}) s JOIN t1 USING (pooled_id) WHERE s.centre_id = ?",
                               [centre]).fetchone()[0]
        centres[centre] = {"patients": count, "eligible": eligible, "known": known}
    flow = con.execute(f"""SELECT count(*), count(*) FILTER (WHERE status = 'rejected'),
                           count(DISTINCT CASE WHEN status <> 'rejected' THEN centre_id || chr(0) || local_patient_id END)
                           FROM read_parquet('{b}/source_records.parquet')""").fetchone()
    excluded = dict(con.execute(f"SELECT reason, count(*) FROM read_parquet('{b}/exclusions.parquet') GROUP BY 1 ORDER BY 1").fetchall())
    pooled = con.execute(f"SELECT count(*) FROM read_parquet('{b}/patients.parquet')").fetchone()[0]
    print(json.dumps({"patients": n, "rows": rows, "centres": centres,
                      "flow": {"records_received": flow[0], "records_rejected": flow[1], "local_patients": flow[2],
                               "pooled_patients": pooled, "excluded": excluded, "analysed": n}},
                     sort_keys=True, default=float))


if __name__ == "__main__":
    main()
