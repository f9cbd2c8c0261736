#!/usr/bin/env python3
"""Read Parquet files with pyarrow, DuckDB and polars, check that the three agree, print JSON.

Usage: read_parquet.py FILE [FILE...]

For each FILE prints ONE JSON line:
  {"file", "columns": [{"name", "arrow_type", "duckdb_type", "polars_type"}], "num_rows",
   "rows": [[...], ...], "created_by", "key_value_metadata": {...},
   "statistics": [{"column", "null_count", "min", "max"}]}
Values are normalised: null, str, int, bool, finite floats as JSON numbers, NaN/Infinity/-Infinity
as strings, dates as "YYYY-MM-DD". Statistics come from pyarrow's row group 0 (empty list when the
file has no row group). Exits 1 with a message naming file, column and row when readers disagree.
"""
import datetime
import decimal
import json
import math
import sys

import duckdb
import polars as pl
import pyarrow.parquet as pq


class Disagreement(Exception):
    """The readers do not agree on a file (or one could not read it)."""


def normalise(value):
    """A JSON-ready form of one value that keeps its kind (int vs float vs bool, -0.0)."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return value
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, (bytes, bytearray)):
        return {"bytes_hex": bytes(value).hex()}
    raise TypeError(f"unsupported value {value!r} of type {type(value).__name__}")


def key(value):
    """Exact comparison key: distinguishes 1, 1.0 and true, and -0.0 from 0.0."""
    return json.dumps(value, sort_keys=True)


def read_pyarrow(path):
    table = pq.read_table(path)
    names = table.column_names
    types = [str(field.type) for field in table.schema]
    columns = [[normalise(v) for v in table.column(i).to_pylist()] for i in range(len(names))]
    return names, types, table.num_rows, columns


def read_duckdb(con, path):
    result = con.execute("SELECT * FROM read_parquet(?)", [path])
    names = [d[0] for d in result.description]
    rows = result.fetchall()
    columns = [[normalise(row[i]) for row in rows] for i in range(len(names))]
    described = con.execute("DESCRIBE SELECT * FROM read_parquet(?)", [path]).fetchall()
    types = [row[1] for row in described]
    return names, types, len(rows), columns


def read_polars(path):
    frame = pl.read_parquet(path)
    names = list(frame.columns)
    types = [str(frame.schema[name]) for name in names]
    columns = [[normalise(v) for v in frame.get_column(name).to_list()] for name in names]
    return names, types, frame.height, columns


def compare(path, reference, other, other_name):
    names, _, num_rows, columns = reference
    o_names, _, o_rows, o_columns = other
    if names != o_names:
        raise Disagreement(f"{path}: column names differ: pyarrow {names} vs {other_name} {o_names}")
    if num_rows != o_rows:
        raise Disagreement(f"{path}: row count differs: pyarrow {num_rows} vs {other_name} {o_rows}")
    for name, mine, theirs in zip(names, columns, o_columns):
        for row, (a, b) in enumerate(zip(mine, theirs)):
            if key(a) != key(b):
                raise Disagreement(
                    f"{path}: column {name!r} row {row}: pyarrow {key(a)} vs {other_name} {key(b)}")


def statistics(metadata):
    """Per-column statistics of row group 0, normalised like values."""
    if metadata.num_row_groups == 0:
        return []
    group = metadata.row_group(0)
    out = []
    for i in range(group.num_columns):
        chunk = group.column(i)
        stats = chunk.statistics
        has_nulls = stats is not None and stats.has_null_count
        has_range = stats is not None and stats.has_min_max
        out.append({
            "column": chunk.path_in_schema,
            "null_count": stats.null_count if has_nulls else None,
            "min": normalise(stats.min) if has_range else None,
            "max": normalise(stats.max) if has_range else None,
        })
    return out


def check_duckdb_statistics(con, path, stats):
    """DuckDB's parquet_metadata() must report the same null counts as pyarrow."""
    rows = con.execute(
        "SELECT path_in_schema, stats_null_count FROM parquet_metadata(?) "
        "WHERE row_group_id = 0 ORDER BY column_id", [path]).fetchall()
    if len(rows) != len(stats):
        raise Disagreement(f"{path}: DuckDB sees {len(rows)} column chunks, pyarrow {len(stats)}")
    for (column, null_count), entry in zip(rows, stats):
        if column != entry["column"] or null_count != entry["null_count"]:
            raise Disagreement(
                f"{path}: column {entry['column']!r}: null_count pyarrow {entry['null_count']} "
                f"vs DuckDB parquet_metadata {column!r} {null_count}")


def describe(con, path):
    """The JSON report of one file, after checking that the three readers agree."""
    try:
        arrow = read_pyarrow(path)
    except Exception as error:  # noqa: BLE001 - report any reader failure
        raise Disagreement(f"{path}: pyarrow could not read it: {error}") from error
    for reader_name, reader in (("duckdb", lambda: read_duckdb(con, path)), ("polars", lambda: read_polars(path))):
        try:
            other = reader()
        except Exception as error:  # noqa: BLE001
            raise Disagreement(f"{path}: {reader_name} could not read it: {error}") from error
        compare(path, arrow, other, reader_name)
        if reader_name == "duckdb":
            duck_types = other[1]
        else:
            polars_types = other[1]
    metadata = pq.ParquetFile(path).metadata
    stats = statistics(metadata)
    check_duckdb_statistics(con, path, stats)
    names, arrow_types, num_rows, columns = arrow
    kv = {k.decode("utf-8"): v.decode("utf-8") for k, v in (metadata.metadata or {}).items()}
    return {
        "file": path,
        "columns": [
            {"name": n, "arrow_type": a, "duckdb_type": d, "polars_type": p}
            for n, a, d, p in zip(names, arrow_types, duck_types, polars_types)
        ],
        "num_rows": num_rows,
        "rows": [list(row) for row in zip(*columns)] if columns else [[] for _ in range(num_rows)],
        "created_by": metadata.created_by,
        "key_value_metadata": kv,
        "statistics": stats,
    }


def main(paths):
    if not paths:
        print("usage: read_parquet.py FILE [FILE...]", file=sys.stderr)
        return 2
    con = duckdb.connect()
    for path in paths:
        try:
            report = describe(con, path)
        except Disagreement as error:
            print(f"read_parquet.py: {error}", file=sys.stderr)
            return 1
        print(json.dumps(report, ensure_ascii=True, allow_nan=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
