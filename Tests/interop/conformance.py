#!/usr/bin/env python3
"""Parquet conformance: read regpool's files with FIVE readers and check them against each other
and against the truth.

Usage: conformance.py FILE [FILE...]

Readers: pyarrow (with page_checksum_verification=True: every page CRC is checked), DuckDB,
polars, fastparquet and pyspark (local[1], with parquet-java's page checksum verification on).
All five must give the same column names, row count and every value as pyarrow (exact: NFC and
NFD spellings differ, -0.0 differs from 0.0, 1 differs from 1.0). Then, for EVERY row group and
column, DuckDB's parquet_metadata() statistics must equal the true null count, min and max of the
values in that row group (strings by UTF-8 bytes; doubles numerically without NaN; none for an
all-null chunk, nor for a string min or max over 4096 bytes).

For each FILE prints ONE JSON line, the report of read_parquet.py plus
  "readers": {"fastparquet": [dtype, ...], "spark": [simpleString type, ...]},
  "row_groups": [rows per group], "codecs": [codec per column of group 0],
  "encodings": [[encoding, ...] per column of group 0].
Known reader limits, allowed and documented (docs/parquet.md):
  - DuckDB drops a double column's min/max when either is infinite; pyarrow must then read them;
  - fastparquet gives NaN for a null double (pandas float64 has no null): a null may read as NaN;
  - fastparquet reads dates through datetime64[ns], so only 1677-09-22 .. 2262-04-11 are exact.
Exits 1 naming file, reader, column and row when something disagrees.
"""
import datetime
import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import duckdb  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

import read_parquet as rp  # noqa: E402
from read_parquet import Disagreement, normalise  # noqa: E402

MAX_STAT_BYTES = 4096


def read_pyarrow_verified(path):
    table = pq.read_table(path, page_checksum_verification=True)
    names = table.column_names
    types = [str(field.type) for field in table.schema]
    columns = [[normalise(v) for v in table.column(i).to_pylist()] for i in range(len(names))]
    return names, types, table.num_rows, columns


def read_fastparquet(path):
    import fastparquet
    import pandas as pd

    frame = fastparquet.ParquetFile(path).to_pandas()
    names = list(frame.columns)
    types = [str(frame[name].dtype) for name in names]
    columns = []
    for name in names:
        series = frame[name]
        values = []
        for v in series.tolist():
            if v is None or v is pd.NaT or (v is pd.NA):
                values.append(None)
            elif isinstance(v, pd.Timestamp):
                values.append(v.date().isoformat())
            else:
                if hasattr(v, "item"):
                    v = v.item()
                values.append(normalise(v))
        columns.append(values)
    return names, types, len(frame), columns


class Spark:
    """One local[1] Spark session for all files (it takes seconds to start)."""

    def __init__(self):
        from pyspark.sql import SparkSession

        self.session = (
            SparkSession.builder.master("local[1]").appName("regpool-conformance")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.hadoop.parquet.page.verify-checksum.enabled", "true")
            .config("spark.sql.parquet.enableVectorizedReader", "true")
            .getOrCreate()
        )
        self.session.sparkContext.setLogLevel("ERROR")

    def read(self, path):
        frame = self.session.read.parquet(path)
        names = frame.columns
        types = [field.dataType.simpleString() for field in frame.schema.fields]
        rows = frame.collect()
        columns = [[normalise(row[i]) for row in rows] for i in range(len(names))]
        return names, types, len(rows), columns

    def stop(self):
        self.session.stop()


def compare_fastparquet(path, reference, other, arrow_types):
    """Like read_parquet.compare, allowing NaN for a null double (pandas float64 has no null)."""
    names, _, num_rows, columns = reference
    o_names, _, o_rows, o_columns = other
    if names != o_names or num_rows != o_rows:
        raise Disagreement(f"{path}: fastparquet sees {o_names} x {o_rows}, pyarrow {names} x {num_rows}")
    for name, arrow_type, mine, theirs in zip(names, arrow_types, columns, o_columns):
        for row, (a, b) in enumerate(zip(mine, theirs)):
            if a is None and b == "NaN" and arrow_type == "double":
                continue
            if rp.key(a) != rp.key(b):
                raise Disagreement(f"{path}: column {name!r} row {row}: pyarrow {rp.key(a)} vs fastparquet {rp.key(b)}")


def sort_key(value):
    if isinstance(value, str):
        return value.encode("utf-8")
    return value


def true_statistics(values):
    """(null_count, min, max) as parquet-format defines them, or min/max None."""
    nulls = sum(1 for v in values if v is None)
    present = [v for v in values if v is not None and v != "NaN"]
    if present and isinstance(present[0], float) or any(v in ("Infinity", "-Infinity") for v in present):
        numbers = [float(v) if isinstance(v, str) else v for v in present]
        present = numbers
    if not present:
        return nulls, None, None
    low, high = min(present, key=sort_key), max(present, key=sort_key)
    if isinstance(low, str) and (len(low.encode()) > MAX_STAT_BYTES or len(high.encode()) > MAX_STAT_BYTES):
        return nulls, None, None
    return nulls, low, high


def duckdb_value(text, like):
    """DuckDB's VARCHAR rendering of a statistic, parsed back into the kind of `like`."""
    if text is None:
        return None
    if isinstance(like, bool):
        return text == "true"
    if isinstance(like, int):
        return int(text)
    if isinstance(like, float):
        return float(text)
    return text


def same_stat(a, b):
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isinf(a) and math.isinf(b) and (a > 0) == (b > 0))
    return a == b


def infinite(value):
    return isinstance(value, float) and math.isinf(value)


def check_arrow_statistics(path, group, column, true_low, true_high, place):
    """Where DuckDB declines a statistic (it drops any double range with an infinity), pyarrow
    must still read the one written."""
    stats = pq.ParquetFile(path).metadata.row_group(group).column(column).statistics
    if stats is None or not stats.has_min_max:
        raise Disagreement(f"{place}: no min/max in the file, true {true_low!r}/{true_high!r}")
    if not same_stat(stats.min, true_low) or not same_stat(stats.max, true_high):
        raise Disagreement(f"{place}: pyarrow min/max {stats.min!r}/{stats.max!r}, true {true_low!r}/{true_high!r}")


def check_statistics(con, path, names, columns, group_sizes):
    rows = con.execute(
        "SELECT row_group_id, column_id, stats_null_count, stats_min_value, stats_max_value "
        "FROM parquet_metadata(?) ORDER BY row_group_id, column_id", [path]).fetchall()
    if len(rows) != len(group_sizes) * len(names):
        raise Disagreement(f"{path}: parquet_metadata has {len(rows)} chunks, expected {len(group_sizes)} x {len(names)}")
    starts = [sum(group_sizes[:g]) for g in range(len(group_sizes))]
    for group, column, null_count, low, high in rows:
        values = columns[column][starts[group]:starts[group] + group_sizes[group]]
        nulls, true_low, true_high = true_statistics(values)
        place = f"{path}: row group {group}, column {names[column]!r}"
        if null_count != nulls:
            raise Disagreement(f"{place}: DuckDB null_count {null_count}, true {nulls}")
        if true_low is None:
            if low is not None or high is not None:
                raise Disagreement(f"{place}: DuckDB min/max {low!r}/{high!r}, expected none")
            continue
        if (infinite(true_low) or infinite(true_high)) and low is None and high is None:
            check_arrow_statistics(path, group, column, true_low, true_high, place)
            continue
        seen_low, seen_high = duckdb_value(low, true_low), duckdb_value(high, true_high)
        if not same_stat(seen_low, true_low) or not same_stat(seen_high, true_high):
            raise Disagreement(f"{place}: DuckDB min/max {low!r}/{high!r}, true {true_low!r}/{true_high!r}")


def layout(path):
    metadata = pq.ParquetFile(path).metadata
    sizes = [metadata.row_group(g).num_rows for g in range(metadata.num_row_groups)]
    if metadata.num_row_groups == 0:
        return sizes, [], []
    group = metadata.row_group(0)
    codecs = [group.column(c).compression for c in range(group.num_columns)]
    encodings = [list(group.column(c).encodings) for c in range(group.num_columns)]
    return sizes, codecs, encodings


def describe(con, spark, path):
    try:
        arrow = read_pyarrow_verified(path)
    except Exception as error:  # noqa: BLE001
        raise Disagreement(f"{path}: pyarrow (page checksums verified) could not read it: {error}") from error
    report = rp.describe(con, path)  # pyarrow, DuckDB and polars agree
    rp.compare(path, arrow, rp.read_pyarrow(path), "pyarrow without checksum verification")
    try:
        fast = read_fastparquet(path)
    except Exception as error:  # noqa: BLE001
        raise Disagreement(f"{path}: fastparquet could not read it: {error}") from error
    compare_fastparquet(path, arrow, fast, arrow[1])
    try:
        sparked = spark.read(path)
    except Exception as error:  # noqa: BLE001
        raise Disagreement(f"{path}: pyspark could not read it: {error}") from error
    rp.compare(path, arrow, sparked, "pyspark")
    sizes, codecs, encodings = layout(path)
    check_statistics(con, path, arrow[0], arrow[3], sizes)
    report["readers"] = {"fastparquet": fast[1], "spark": sparked[1]}
    report["row_groups"] = sizes
    report["codecs"] = codecs
    report["encodings"] = encodings
    return report


def main(paths):
    if not paths:
        print("usage: conformance.py FILE [FILE...]", file=sys.stderr)
        return 2
    con = duckdb.connect()
    spark = Spark()
    try:
        for path in paths:
            try:
                report = describe(con, spark, path)
            except Disagreement as error:
                print(f"conformance.py: {error}", file=sys.stderr)
                return 1
            print(json.dumps(report, ensure_ascii=True, allow_nan=False))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
