#!/usr/bin/env python3
"""regpool's benchmark: time `regpool run` on a generated export and, in the same run, DuckDB and
pyarrow converting the same CSV files to Parquet. Prints times, ratios and regpool's peak RSS.
Then extraction memory at 1x, 10x, 100x input, and linkage at 100k and 1M local patients against
DuckDB doing the same blocking and comparisons (bench_linkage.py).

Usage: run_bench.py --regpool PATH [--patients N] [--repeat R] [--linkage | --no-linkage]
       [--linkage-sizes 100000,1000000] [--linkage-profile sample|stress]
       (run by `make bench`; `make bench-linkage` = --linkage)
"""
import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def generator_tag(*names: str) -> str:
    """A short hash of generator sources, so cached data is rebuilt when a generator changes."""
    digest = hashlib.sha256()
    for name in names:
        with open(os.path.join(HERE, name), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()[:8]


def generate(patients: int) -> str:
    tag = generator_tag("gen_fr_lyon.py", "frlyon_format.py", "cohort.py")
    data = os.path.join(HERE, "data", f"fr-lyon-{patients}-{tag}")
    stamp = os.path.join(data, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(data)
        subprocess.run([sys.executable, os.path.join(HERE, "gen_fr_lyon.py"), str(patients), data, "--seed", "42"],
                       check=True)
        open(stamp, "w").close()
    return data


def write_pipeline(inbox: str, out: str) -> str:
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "bench.yaml")
    with open(path, "w") as f:
        f.write(f"""version: 1
name: bench
output: {out}/builds
pseudonym_key:
  file: {ROOT}/samples/keys/TEST-KEY-NOT-FOR-REAL-DATA.txt
centres:
  - id: fr-lyon
    region: europe
    cohort_source: registry
    inbox: {inbox}
    mapping: {ROOT}/mappings/fr-lyon.yaml
""")
    return path


def time_child(cmd):
    """Runs cmd under GNU time; returns (seconds, peak RSS in MiB, exit status).

    GNU time forks the command from its own small process: measuring from this Python process
    (which holds DuckDB and pyarrow) would count the forked copy of Python in the child's peak RSS.
    """
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", out.name] + cmd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if proc.returncode not in (0, 3):
            sys.exit(f"{cmd} failed with {proc.returncode}: {proc.stderr.decode()}")
        seconds, kib = out.read().split()[-2:]
    return float(seconds), int(kib) / 1024.0, proc.returncode


def csv_files(inbox):
    return sorted(os.path.join(inbox, f) for f in os.listdir(inbox) if f.endswith(".csv"))


def file_encoding(path):
    """The encoding the fr-lyon format writes this file in (see frlyon_format.ENCODINGS)."""
    sys.path.insert(0, HERE)
    import frlyon_format
    return frlyon_format.ENCODINGS.get(os.path.basename(path), ("utf-8", ""))[0]


def duckdb_convert(inbox, out, threads):
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads={threads}")
    start = time.perf_counter()
    for i, path in enumerate(csv_files(inbox)):
        con.execute(f"COPY (SELECT * FROM read_csv('{path}', delim=';', header=true, all_varchar=true, "
                    f"encoding='{file_encoding(path)}')) "
                    f"TO '{out}/duckdb-{i}.parquet' (FORMAT parquet)")
    return time.perf_counter() - start


def pyarrow_convert(inbox, out):
    import pyarrow.csv as pc
    import pyarrow.parquet as pq
    start = time.perf_counter()
    for i, path in enumerate(csv_files(inbox)):
        table = pc.read_csv(path, read_options=pc.ReadOptions(encoding=file_encoding(path)),
                            parse_options=pc.ParseOptions(delimiter=";"))
        pq.write_table(table, f"{out}/pyarrow-{i}.parquet")
    return time.perf_counter() - start


def extraction_memory(regpool, base, xml_base=None):
    """Peak RSS of streaming extraction alone (`regpool inspect` to /dev/null) at 1x, 10x, 100x input."""
    rows = []
    for kind, gen, reader_args in (
        ("CSV", "gen_fr_lyon.py", lambda d: [os.path.join(d, "patients_2026-11-21.csv"), "--delimiter", ";",
                                             "--encoding", file_encoding("patients_2026-11-21.csv")]),
        ("XML", "gen_lakeside_xml.py", lambda d: [os.path.join(d, "export_2026-11-21.xml"), "--record", "/registry/patient"]),
    ):
        for factor in (1, 10, 100):
            n = ((xml_base or base) if kind == "XML" else base) * factor
            tag = generator_tag(gen, "frlyon_format.py", "lakeside_format.py", "cohort.py")
            data = os.path.join(HERE, "data", f"{gen[:-3]}-{n}-{tag}")
            stamp = os.path.join(data, ".complete")
            if not os.path.exists(stamp):
                shutil.rmtree(data, ignore_errors=True)
                os.makedirs(data)
                subprocess.run([sys.executable, os.path.join(HERE, gen), str(n), data, "--seed", "7"], check=True,
                               stdout=subprocess.DEVNULL)
                open(stamp, "w").close()
            args = reader_args(data)
            seconds, rss, _ = time_child([os.path.abspath(regpool), "inspect"] + args)
            rows.append((kind, factor, os.path.getsize(args[0]) / 2**20, seconds, rss))
    print("extraction alone (regpool inspect > /dev/null): input size vs peak RSS")
    for kind, factor, mib, seconds, rss in rows:
        print(f"  {kind} {factor:>3}x  {mib:8.1f} MiB  {seconds:7.2f} s  peak RSS {rss:6.1f} MiB")
    for kind in ("CSV", "XML"):
        r10 = next(r[4] for r in rows if r[0] == kind and r[1] == 10)
        r100 = next(r[4] for r in rows if r[0] == kind and r[1] == 100)
        print(f"  {kind}: peak RSS at 100x / at 10x = {r100 / r10:.2f} (flat = bounded memory)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--regpool", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--patients", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--extraction-base", type=int, default=2000,
                    help="patients at 1x for the extraction-memory series (10x and 100x follow)")
    ap.add_argument("--xml-extraction-base", type=int, default=None,
                    help="patients at 1x for the XML series (default: --extraction-base)")
    ap.add_argument("--extraction-only", action="store_true",
                    help="only the extraction-memory series (e.g. with a large --extraction-base)")
    ap.add_argument("--linkage", action="store_true", help="only the linkage section")
    ap.add_argument("--no-linkage", action="store_true", help="leave the linkage section out")
    ap.add_argument("--linkage-sizes", default="100000,1000000",
                    help="local patients of each linkage run, comma-separated (default 100000,1000000)")
    ap.add_argument("--linkage-profile", default="sample",
                    help="linkage configuration of gen_linkage.PROFILES (default sample)")
    args = ap.parse_args()
    if args.extraction_only:
        return extraction_memory(args.regpool, args.extraction_base, args.xml_extraction_base)
    import bench_linkage
    sizes = bench_linkage.parse_sizes(args.linkage_sizes)
    if args.linkage:
        return bench_linkage.run(args.regpool, sizes, args.linkage_profile)

    inbox = generate(args.patients)
    size = sum(os.path.getsize(p) for p in csv_files(inbox))
    out = os.path.join(HERE, "out")
    shutil.rmtree(out, ignore_errors=True)
    pipeline = write_pipeline(inbox, out)

    # --full: every run reads the exports (a run after an unchanged night would reuse the staged
    # centre result instead; that incremental run is timed on its own below).
    runs = [time_child([os.path.abspath(args.regpool), "run", pipeline, "--full"]) for _ in range(args.repeat)]
    reg_time = min(r[0] for r in runs)
    reg_rss = max(r[1] for r in runs)
    incremental = min(time_child([os.path.abspath(args.regpool), "run", pipeline])[0] for _ in range(args.repeat))
    duck1 = min(duckdb_convert(inbox, out, 1) for _ in range(args.repeat))
    duck2 = min(duckdb_convert(inbox, out, 2) for _ in range(args.repeat))
    arrow = min(pyarrow_convert(inbox, out) for _ in range(args.repeat))

    print(f"input: {args.patients} patients, {len(csv_files(inbox))} CSV files, {size / 2**20:.1f} MiB")
    print(f"regpool run (extract+map+link+write, 1 thread): {reg_time:8.2f} s   peak RSS {reg_rss:.0f} MiB")
    print(f"DuckDB CSV->Parquet, 1 thread:                  {duck1:8.2f} s   ratio regpool/DuckDB(1) = {reg_time / duck1:.2f}")
    print(f"DuckDB CSV->Parquet, 2 threads:                 {duck2:8.2f} s   ratio regpool/DuckDB(2) = {reg_time / duck2:.2f}")
    print(f"pyarrow CSV->Parquet:                           {arrow:8.2f} s   ratio regpool/pyarrow   = {reg_time / arrow:.2f}")
    print(f"regpool throughput: {size / 2**20 / reg_time:.1f} MiB/s")
    print(f"regpool run, nothing changed (staged centre reused): {incremental:8.2f} s   ratio incremental/full = {incremental / reg_time:.2f}")
    extraction_memory(args.regpool, args.extraction_base, args.xml_extraction_base)
    if not args.no_linkage:
        bench_linkage.run(args.regpool, sizes, args.linkage_profile)


if __name__ == "__main__":
    main()
