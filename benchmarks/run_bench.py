#!/usr/bin/env python3
"""regpool's benchmark. For each size (200k and 1M patients by default): `regpool run --full` and
the incremental run (nothing changed) on a generated fr-lyon export, against the SQL peer
(sql_peer.py: DuckDB doing the fr-lyon mapping, 1 and 2 threads; its tables must equal regpool's,
checked per table and column before any ratio is printed) and the bare CSV->Parquet conversion
(DuckDB, pyarrow). Then the eight-centre consortium (bench_consortium.py: full, nothing changed,
one centre of eight changed), extraction memory at 1x, 10x, 100x input, and linkage at 100k and
1M local patients against DuckDB doing the same blocking and comparisons (bench_linkage.py).
Times are wall seconds under GNU time, best of --repeat; peak RSS the highest.

Usage: run_bench.py --regpool PATH [--patients 200000,1000000] [--consortium-patients N]
       [--repeat R] [--linkage | --no-linkage] [--linkage-sizes 100000,1000000]
       [--linkage-profile sample|stress]
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


def core(regpool, python, patients, repeat):
    """regpool's full and incremental runs against the SQL peer (1 and 2 threads) and the bare
    conversion, on one generated fr-lyon export; the peer's tables must equal regpool's first."""
    import sql_peer
    inbox = generate(patients)
    size = sum(os.path.getsize(p) for p in csv_files(inbox))
    out = os.path.join(HERE, "out")
    shutil.rmtree(out, ignore_errors=True)
    pipeline = write_pipeline(inbox, out)
    regpool = os.path.abspath(regpool)

    # --full: every run reads the exports (a run after an unchanged night would reuse the staged
    # centre result instead; that incremental run is timed on its own below).
    runs = [time_child([regpool, "run", pipeline, "--full"]) for _ in range(repeat)]
    full, full_rss = min(r[0] for r in runs), max(r[1] for r in runs)
    incr_runs = [time_child([regpool, "run", pipeline]) for _ in range(repeat)]
    incremental, incr_rss = min(r[0] for r in incr_runs), max(r[1] for r in incr_runs)
    build = os.path.join(out, "builds", "current")

    peer = {}
    for threads in (1, 2):
        peer_out = os.path.join(out, f"peer-{threads}")
        results = []
        for _ in range(repeat):
            shutil.rmtree(peer_out, ignore_errors=True)
            os.makedirs(peer_out)
            results.append(sql_peer.run_peer(inbox, peer_out, threads=threads, python=python))
        mismatches = sql_peer.compare(build, peer_out)
        if mismatches:
            sys.exit("the SQL peer's tables differ from regpool's; no ratio is printed:\n  "
                     + "\n  ".join(mismatches))
        peer[threads] = (min(r[0] for r in results), max(r[1] for r in results))
    checked = len(sql_peer.TABLES)
    duck2 = min(duckdb_convert(inbox, out, 2) for _ in range(repeat))
    arrow = min(pyarrow_convert(inbox, out) for _ in range(repeat))

    print(f"\n== {patients} patients: {len(csv_files(inbox))} CSV files, {size / 2**20:.1f} MiB "
          f"(best of {repeat}; peak RSS the highest) ==")
    print(f"SQL peer checked: {checked} tables, every column's rows, distinct count, nulls, min and max equal regpool's")
    print(f"{'':44}{'wall s':>9}{'peak RSS MiB':>14}{'ratio':>9}")
    print(f"{'regpool run --full':44}{full:9.2f}{full_rss:14.0f}")
    print(f"{'regpool run, nothing changed':44}{incremental:9.2f}{incr_rss:14.0f}{incremental / full:8.2f}x of full")
    for threads in (1, 2):
        t, rss = peer[threads]
        print(f"{f'SQL peer (DuckDB, {threads} thread(s))':44}{t:9.2f}{rss:14.0f}{full / t:8.2f}x regpool/peer")
    print(f"{'bare CSV->Parquet, DuckDB 2 threads':44}{duck2:9.2f}{'':14}{full / duck2:8.2f}x regpool/bare")
    print(f"{'bare CSV->Parquet, pyarrow':44}{arrow:9.2f}{'':14}{full / arrow:8.2f}x regpool/bare")
    print(f"regpool throughput: {size / 2**20 / full:.1f} MiB/s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--regpool", required=True)
    ap.add_argument("--python", default=sys.executable)
    ap.add_argument("--patients", default="200000,1000000",
                    help="patients of each full/incremental run against the SQL peer, comma-separated")
    ap.add_argument("--consortium-patients", type=int, default=200_000,
                    help="patients of the eight-centre consortium (one centre of eight changed)")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--extraction-base", type=int, default=2000,
                    help="patients at 1x for the extraction-memory series (10x and 100x follow)")
    ap.add_argument("--xml-extraction-base", type=int, default=None,
                    help="patients at 1x for the XML series (default: --extraction-base)")
    ap.add_argument("--extraction-only", action="store_true",
                    help="only the extraction-memory series (e.g. with a large --extraction-base)")
    ap.add_argument("--linkage", action="store_true", help="only the linkage section")
    ap.add_argument("--core", action="store_true",
                    help="only regpool against the SQL peer and the eight-centre consortium")
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

    for patients in [int(n) for n in args.patients.split(",") if n]:
        core(args.regpool, args.python, patients, args.repeat)
    import bench_consortium
    print()
    bench_consortium.run(args.regpool, args.consortium_patients, args.repeat)
    if args.core:
        return
    extraction_memory(args.regpool, args.extraction_base, args.xml_extraction_base)
    if not args.no_linkage:
        bench_linkage.run(args.regpool, sizes, args.linkage_profile)


if __name__ == "__main__":
    main()
