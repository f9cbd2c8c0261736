#!/usr/bin/env python3
"""A Hive-partitioned build read as ONE dataset per table by pyarrow, DuckDB and Spark must hold
the same rows as the unpartitioned build of the same inputs.

Usage: partitioned_dataset.py FLAT_BUILD PARTITIONED_BUILD TABLE [TABLE...]

For each TABLE: FLAT_BUILD/TABLE.parquet is the truth. PARTITIONED_BUILD/TABLE/ is read with
  - pyarrow: pyarrow.dataset.dataset(dir, format="parquet", partitioning="hive"),
  - DuckDB:  read_parquet('dir/*/*.parquet', hive_partitioning = true),
  - Spark:   spark.read.parquet(dir) (local[1]; partition discovery).
The partition column (centre_id) is compared too when the table has it (source_records); for the
other tables it is dropped before comparing (it names the patient's survivor centre). Rows are
compared as sorted multisets of exact JSON values. Prints one JSON line per table:
  {"table", "rows", "pyarrow": n, "duckdb": n, "spark": n, "partitions": [...]}
Exits 1 naming the table and reader that differ.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import duckdb  # noqa: E402
import pyarrow.dataset as ds  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from read_parquet import normalise  # noqa: E402

PARTITION = "centre_id"


def rows_of(names, columns, keep):
    picked = [i for i, n in enumerate(names) if n in keep]
    ordered = sorted(picked, key=lambda i: keep.index(names[i]))
    return sorted(json.dumps([normalise(columns[i][r]) for i in ordered]) for r in range(len(columns[0]) if columns else 0))


def main(flat, partitioned, tables):
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[1]").appName("regpool-partitions")
             .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    con = duckdb.connect()
    status = 0
    try:
        for table in tables:
            truth = pq.read_table(os.path.join(flat, table + ".parquet"))
            keep = truth.column_names
            expected = rows_of(keep, [c.to_pylist() for c in truth.columns], keep)
            folder = os.path.join(partitioned, table)
            counts = {"table": table, "rows": len(expected),
                      "partitions": sorted(os.listdir(folder))}

            data = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
            readers = {"pyarrow": rows_of(data.column_names, [c.to_pylist() for c in data.columns], keep)}
            result = con.execute(
                f"SELECT * FROM read_parquet('{folder}/*/*.parquet', hive_partitioning = true)")
            names = [d[0] for d in result.description]
            fetched = result.fetchall()
            readers["duckdb"] = rows_of(names, [[row[i] for row in fetched] for i in range(len(names))], keep)
            frame = spark.read.parquet(folder)
            collected = frame.collect()
            readers["spark"] = rows_of(frame.columns, [[row[i] for row in collected] for i in range(len(frame.columns))], keep)
            for reader, rows in readers.items():
                counts[reader] = len(rows)
                if rows != expected:
                    missing = sorted(set(expected) - set(rows))[:2]
                    extra = sorted(set(rows) - set(expected))[:2]
                    print(f"partitioned_dataset.py: {table}: {reader} reads {len(rows)} rows, the flat build "
                          f"{len(expected)}; missing {missing}, extra {extra}", file=sys.stderr)
                    status = 1
            print(json.dumps(counts, ensure_ascii=True))
    finally:
        spark.stop()
    return status


if __name__ == "__main__":
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
