#!/usr/bin/env python3
"""Parquet writer speed: regpool's writer against pyarrow's on the same 1M-row table, same run.

Usage: bench_writer.py --bench .build/release/regpool-parquet-bench [--rows 1000000] [--repeat 3]
       [--codecs zstd,snappy,gzip,uncompressed] [--out benchmarks/out]

For each codec: regpool-parquet-bench fills the CDM `patients` table (1M rows from a fixed seed)
and writes it, timing the encoding (generation excluded). pyarrow then reads that file into
memory (so both write the SAME table) and pq.write_table writes it with the same settings:
same codec (ZSTD level 3, GZIP level 6), dictionary encoding, 1 MiB data pages, data page v1,
1,048,576-row groups, page checksums, statistics. Best of --repeat runs each. Prints a table and
the ratio regpool / pyarrow (below 1 = regpool faster), and writes out/writer.json.
"""
import argparse
import json
import os
import subprocess
import time

import pyarrow.parquet as pq

LEVELS = {"zstd": 3, "gzip": 6}


def regpool(bench, rows, codec, path):
    out = subprocess.run([bench, str(rows), path, codec], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def pyarrow_write(table, codec, path):
    start = time.perf_counter()
    pq.write_table(
        table, path, compression="NONE" if codec == "uncompressed" else codec.upper(),
        compression_level=LEVELS.get(codec), use_dictionary=True, data_page_size=1 << 20,
        data_page_version="1.0", row_group_size=1 << 20, write_page_checksum=True, write_statistics=True)
    return time.perf_counter() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--codecs", default="zstd,snappy,gzip,uncompressed")
    ap.add_argument("--out", default="benchmarks/out")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    results = []
    print(f"Parquet writer, CDM patients table, {args.rows:,} rows (best of {args.repeat})")
    print(f"{'codec':<13}{'regpool s':>10}{'pyarrow s':>11}{'ratio':>8}{'regpool MB':>12}{'pyarrow MB':>12}")
    for codec in args.codecs.split(","):
        ours = os.path.join(args.out, f"writer-regpool-{codec}.parquet")
        theirs = os.path.join(args.out, f"writer-pyarrow-{codec}.parquet")
        runs = [regpool(args.bench, args.rows, codec, ours) for _ in range(args.repeat)]
        regpool_s = min(r["encode_seconds"] + r["write_seconds"] for r in runs)
        table = pq.read_table(ours)
        assert table.num_rows == args.rows
        pyarrow_s = min(pyarrow_write(table, codec, theirs) for _ in range(args.repeat))
        row = {"codec": codec, "rows": args.rows, "regpool_seconds": regpool_s, "pyarrow_seconds": pyarrow_s,
               "ratio": regpool_s / pyarrow_s, "regpool_bytes": os.path.getsize(ours),
               "pyarrow_bytes": os.path.getsize(theirs)}
        results.append(row)
        print(f"{codec:<13}{regpool_s:>10.3f}{pyarrow_s:>11.3f}{row['ratio']:>8.2f}"
              f"{row['regpool_bytes'] / 1e6:>12.1f}{row['pyarrow_bytes'] / 1e6:>12.1f}")
    with open(os.path.join(args.out, "writer.json"), "w", encoding="utf-8") as f:
        json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
