#!/usr/bin/env python3
"""Write one table as Parquet in many layouts with pyarrow, DuckDB and polars (for the reader tests).

Usage: write_parquet_variants.py TABLE.json OUTDIR

TABLE.json: {"columns": [{"name", "type": "string|date|int32|double|bool", "required": bool}],
             "rows": [[cell, ...], ...]}
Cells are exact: null, strings as hex of their UTF-8 bytes, date and int32 as integers, doubles as
the integer of their IEEE 754 bit pattern, bools as true/false.

Writes OUTDIR/<variant>.parquet for every variant below and prints one JSON line per file:
{"variant", "file", "writer", "exact_nan"} (exact_nan: NaN payloads and signs are kept as given).
Compressed variants: "snappy", "gzip" (pyarrow), "zstd" (pyarrow, v2 pages, dictionary), "duckdb-zstd",
"polars-gzip". Extra files for the error tests: "brotli" (a codec regpool does not read) and "int64"
(an INT64 column added).
"""
import json
import os
import sys

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

TYPES = {"string": pa.string(), "date": pa.date32(), "int32": pa.int32(), "double": pa.float64(), "bool": pa.bool_()}


def column(values, kind):
    """One Arrow array from exact JSON cells."""
    if kind == "string":
        return pa.array([None if v is None else bytes.fromhex(v).decode("utf-8") for v in values], pa.string())
    if kind == "double":
        return pa.array(values, pa.uint64()).view(pa.float64())
    if kind == "date":
        return pa.array(values, pa.int32()).view(pa.date32())
    return pa.array(values, TYPES[kind])


def table(spec):
    columns = spec["columns"]
    arrays = [column([row[i] for row in spec["rows"]], c["type"]) for i, c in enumerate(columns)]
    fields = [pa.field(c["name"], TYPES[c["type"]], nullable=not c["required"]) for c in columns]
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


PYARROW_VARIANTS = {
    "plain-v1": dict(use_dictionary=False),
    "dictionary-v1": dict(use_dictionary=True),
    "plain-small-pages": dict(use_dictionary=False, data_page_size=128, write_batch_size=8),
    "dictionary-small-pages": dict(use_dictionary=True, data_page_size=128, write_batch_size=8),
    "dictionary-fallback": dict(use_dictionary=True, dictionary_pagesize_limit=256, data_page_size=256,
                                write_batch_size=8),
    "row-groups": dict(use_dictionary=True, row_group_size=7),
    "no-statistics": dict(use_dictionary=False, write_statistics=False),
    "plain-v2": dict(use_dictionary=False, data_page_version="2.0"),
    "dictionary-v2": dict(use_dictionary=True, data_page_version="2.0", data_page_size=256, write_batch_size=8),
    "checksums": dict(use_dictionary=True, write_page_checksum=True, data_page_size=256, write_batch_size=8),
    "v2-checksums-row-groups": dict(data_page_version="2.0", write_page_checksum=True, row_group_size=50,
                                    data_page_size=200, write_batch_size=16),
}


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    out = sys.argv[2]
    data = table(spec)
    written = []
    for name, options in PYARROW_VARIANTS.items():
        path = os.path.join(out, name + ".parquet")
        pq.write_table(data, path, compression="NONE", **options)
        written.append((name, path, "pyarrow", True))
    path = os.path.join(out, "empty.parquet")
    pq.write_table(data.slice(0, 0), path, compression="NONE")
    written.append(("empty", path, "pyarrow", True))

    path = os.path.join(out, "duckdb.parquet")
    con = duckdb.connect()
    con.register("data", data)
    con.execute(f"COPY (SELECT * FROM data) TO '{path}' (FORMAT parquet, COMPRESSION uncompressed, ROW_GROUP_SIZE 64)")
    # DuckDB's dictionary treats every NaN as one value: NaN payloads and signs are not kept.
    written.append(("duckdb", path, "duckdb", False))

    path = os.path.join(out, "polars.parquet")
    pl.from_arrow(data).write_parquet(path, compression="uncompressed", row_group_size=40, data_page_size=512)
    written.append(("polars", path, "polars", True))

    for name, options in {
        "snappy": {"compression": "SNAPPY"},
        "gzip": {"compression": "GZIP"},
        "zstd": {"compression": "ZSTD", "data_page_version": "2.0", "data_page_size": 256},
        "brotli": {"compression": "BROTLI"},
    }.items():
        path = os.path.join(out, name + ".parquet")
        pq.write_table(data, path, **options)
        written.append((name, path, "pyarrow", True))
    path = os.path.join(out, "duckdb-zstd.parquet")
    con.execute(f"COPY (SELECT * FROM data) TO '{path}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 64)")
    written.append(("duckdb-zstd", path, "duckdb", False))
    path = os.path.join(out, "polars-gzip.parquet")
    pl.from_arrow(data).write_parquet(path, compression="gzip", row_group_size=40, data_page_size=512)
    written.append(("polars-gzip", path, "polars", True))
    path = os.path.join(out, "int64.parquet")
    extra = data.append_column("count64", pa.array(range(data.num_rows), pa.int64()))
    pq.write_table(extra, path, compression="NONE")
    written.append(("int64", path, "pyarrow", True))

    for name, path, writer, exact in written:
        print(json.dumps({"variant": name, "file": path, "writer": writer, "exact_nan": exact}))


if __name__ == "__main__":
    main()
