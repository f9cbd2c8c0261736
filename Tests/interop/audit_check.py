#!/usr/bin/env python3
"""Check a build's audit: every line of audit.jsonl against the JSON Schema, and audit.parquet
read by pyarrow and DuckDB equal to audit.jsonl row for row.

Usage: audit_check.py SCHEMA BUILD [BUILD...]

Prints one JSON line per build: {"build", "lines", "schema_errors": [{"line", "error"}],
"parquet_rows_pyarrow", "parquet_rows_duckdb", "parquet_mismatches": [...]} (errors capped at 20).
Exits 1 when any build has a schema error or a mismatch.
"""
import json
import os
import sys

import duckdb
import jsonschema
import pyarrow.parquet as pq

KEYS = ["code", "event", "stage", "centre", "file", "locator", "field", "target", "source_value",
        "target_value", "rule", "count", "message"]


def schema_errors(validator, lines):
    errors = []
    for number, line in enumerate(lines, start=1):
        try:
            event = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append({"line": number, "error": f"not JSON: {e}"})
            continue
        if list(event.keys()) != KEYS:
            errors.append({"line": number, "error": f"keys out of order: {list(event.keys())}"})
        for error in validator.iter_errors(event):
            path = "/".join(str(p) for p in error.absolute_path)
            errors.append({"line": number, "error": f"{path}: {error.message}"})
    return errors


def parquet_mismatches(path, events):
    """Rows of audit.parquet (pyarrow and DuckDB) that differ from the jsonl events."""
    mismatches = []
    table = pq.read_table(path).to_pylist()
    con = duckdb.connect()
    cols = ", ".join(["seq"] + [f'"{k}"' for k in KEYS])
    duck = con.execute(f"SELECT {cols} FROM read_parquet(?) ORDER BY seq", [path]).fetchall()
    if len(table) != len(events) or len(duck) != len(events):
        mismatches.append(f"rows: pyarrow {len(table)}, duckdb {len(duck)}, audit.jsonl {len(events)}")
        return mismatches, len(table), len(duck)
    for i, (event, arrow_row, duck_row) in enumerate(zip(events, table, duck)):
        expected = [i + 1] + [event[k] for k in KEYS]
        got_arrow = [arrow_row["seq"]] + [arrow_row[k] for k in KEYS]
        if got_arrow != expected or list(duck_row) != expected:
            mismatches.append(f"seq {i + 1}: jsonl {expected}, pyarrow {got_arrow}, duckdb {list(duck_row)}")
            if len(mismatches) >= 20:
                break
    return mismatches, len(table), len(duck)


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    failed = False
    for build in sys.argv[2:]:
        with open(os.path.join(build, "audit.jsonl"), encoding="utf-8") as f:
            lines = f.read().splitlines()
        errors = schema_errors(validator, lines)
        events = [json.loads(line) for line in lines]
        mismatches, arrow_rows, duck_rows = parquet_mismatches(os.path.join(build, "audit.parquet"), events)
        failed = failed or bool(errors) or bool(mismatches)
        print(json.dumps({"build": build, "lines": len(lines), "schema_errors": errors[:20],
                          "parquet_rows_pyarrow": arrow_rows, "parquet_rows_duckdb": duck_rows,
                          "parquet_mismatches": mismatches}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
