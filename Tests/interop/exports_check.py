#!/usr/bin/env python3
"""The exports of a build against its Parquet table and its data dictionary.

Usage: exports_check.py BUILD

- exports/analysis_cohort.sav read by pyreadstat: every column of analysis_cohort.parquet (pyarrow)
  is a variable labelled with the dictionary's column label; every enumeration and boolean has the
  dictionary's value labels (code -> token label; 0/1 -> No/Yes); every value equals the Parquet
  value (codes mapped back to tokens through the dictionary's spss_code; dates as dates; nulls as
  system-missing, empty strings for text).
- exports/analysis_cohort.csv read by DuckDB read_csv (header, types from the dictionary) equals
  the Parquet table row by row.
Prints one JSON line {"variables", "rows", "value_label_sets", "csv_rows"}; exits 1 naming the
column and row that differ.
"""
import datetime
import json
import math
import os
import sys

import duckdb
import pyarrow.parquet as pq
import pyreadstat

DUCK = {"string": "VARCHAR", "enum": "VARCHAR", "date": "DATE", "int32": "INTEGER", "double": "DOUBLE",
        "bool": "BOOLEAN"}


def fail(message):
    print(f"exports_check.py: {message}", file=sys.stderr)
    sys.exit(1)


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    return a == b


def main(build):
    dictionary = json.load(open(os.path.join(build, "data_dictionary.json"), encoding="utf-8"))
    table = next(t for t in dictionary["tables"] if t["name"] == "analysis_cohort")
    columns = table["columns"]
    parquet = pq.read_table(os.path.join(build, "analysis_cohort.parquet")).to_pylist()

    frame, meta = pyreadstat.read_sav(os.path.join(build, "exports", "analysis_cohort.sav"),
                                      apply_value_formats=False, user_missing=False)
    if list(frame.columns) != [c["name"] for c in columns]:
        fail(f"variables {list(frame.columns)} are not the dictionary's columns")
    label_sets = 0
    for c in columns:
        label = meta.column_names_to_labels.get(c["name"])
        if label != c["label"]:
            fail(f"{c['name']}: variable label {label!r}, dictionary {c['label']!r}")
        expected = None
        if c["type"] == "enum":
            expected = {float(t["spss_code"]): t["label"] for t in c["tokens"]}
        elif c["type"] == "bool":
            expected = {0.0: "No", 1.0: "Yes"}
        seen = meta.variable_value_labels.get(c["name"])
        if expected is not None:
            label_sets += 1
            if {float(k): v for k, v in (seen or {}).items()} != expected:
                fail(f"{c['name']}: value labels {seen}, dictionary {expected}")
        elif seen:
            fail(f"{c['name']}: unexpected value labels {seen}")
    if len(frame) != len(parquet):
        fail(f".sav has {len(frame)} cases, analysis_cohort.parquet {len(parquet)} rows")
    records = frame.to_dict("records")
    for r, (sav, row) in enumerate(zip(records, parquet)):
        for c in columns:
            name, kind = c["name"], c["type"]
            truth, value = row[name], sav[name]
            if isinstance(value, float) and math.isnan(value):
                value = None
            if kind == "enum" and value is not None:
                value = next(t["token"] for t in c["tokens"] if t["spss_code"] == int(value))
            elif kind == "bool" and value is not None:
                value = bool(value)
            elif kind == "date" and value is not None and isinstance(value, datetime.datetime):
                value = value.date()
            elif kind == "string" and value == "":
                value = None
            if not same(value, truth):
                fail(f"row {r}, {name}: .sav {value!r}, Parquet {truth!r}")

    con = duckdb.connect()
    types = {c["name"]: DUCK[c["type"]] for c in columns}
    result = con.execute("SELECT * FROM read_csv(?, header = true, columns = ?, nullstr = '')",
                         [os.path.join(build, "exports", "analysis_cohort.csv"), types])
    csv_rows = result.fetchall()
    names = [d[0] for d in result.description]
    if len(csv_rows) != len(parquet):
        fail(f"CSV has {len(csv_rows)} rows, Parquet {len(parquet)}")
    for r, (line, row) in enumerate(zip(csv_rows, parquet)):
        for name, value in zip(names, line):
            if not same(value, row[name]):
                fail(f"CSV row {r}, {name}: {value!r}, Parquet {row[name]!r}")
    print(json.dumps({"variables": len(columns), "rows": len(records), "value_label_sets": label_sets,
                      "csv_rows": len(csv_rows)}))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
