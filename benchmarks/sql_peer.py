#!/usr/bin/env python3
"""The SQL peer of the benchmark: DuckDB doing the work of `mappings/fr-lyon.yaml` in SQL.

`benchmarks/peer/fr_lyon.sql` reads a generated fr-lyon export and writes the CDM tables regpool
writes for it (patients, len_courses, treatment_lines, transplants, outcomes, lab_results,
analysis_cohort, exclusions) as sorted ZSTD Parquet. This module fills the script's placeholders
(file lists, output folder, HMAC key pads, the centre's entry), runs it in a child process under
GNU time (so the peak RSS is the peer's alone) and checks its tables against a regpool build.

    run_peer(inbox, out_dir, threads, key_file) -> (seconds, peak_rss_mib)
    compare(regpool_dir, peer_dir) -> [mismatch, ...]          (empty = the same data)

Usage: sql_peer.py INBOX OUT --regpool-build DIR [--threads 1,2] [--key FILE] [--repeat R]
       exit 1 when a table differs from regpool's.
"""
import argparse
import fnmatch
import hashlib
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCRIPT = os.path.join(HERE, "peer", "fr_lyon.sql")
DEFAULT_KEY = os.path.join(ROOT, "samples", "keys", "TEST-KEY-NOT-FOR-REAL-DATA.txt")

# The tables the peer writes (regpool also writes source_records and the audit; see the script).
TABLES = ["patients", "len_courses", "treatment_lines", "transplants", "outcomes", "lab_results",
          "analysis_cohort", "exclusions"]

# The fr-lyon mapping's sources: their `files:` globs (read in byte order of the names).
SOURCES = {"PATIENTS_FILES": "patients_*.csv", "TREATMENTS_FILES": "traitements_*.csv",
           "TRANSPLANTS_FILES": "greffes_*.csv"}

# The benchmark pipeline's centre entry (run_bench.write_pipeline).
CENTRE = {"CENTRE": "fr-lyon", "REGION": "europe", "COHORT_SOURCE": "registry"}

# `${NAME}` in the script: filled by render().
PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")

# Runs in the child: the whole script, timed from connect() to the last COPY.
CHILD = r"""
import sys, time
t0 = time.perf_counter()
import duckdb
t1 = time.perf_counter()
con = duckdb.connect()
con.execute(open(sys.argv[1], encoding="utf-8").read())
con.close()
t2 = time.perf_counter()
with open(sys.argv[2], "w") as f:
    f.write(f"{t2 - t1} {t1 - t0}\n")
"""


def sql_text(s: str) -> str:
    """A SQL string literal."""
    return "'" + s.replace("'", "''") + "'"


def key_pads(key_file: str):
    """The HMAC-SHA-256 inner and outer pads of the pseudonym key, as SQL BLOB literals.

    The key is the key file's text trimmed of white space, as UTF-8 bytes (regpool's KeyLoader);
    HMAC hashes a key longer than the 64-byte block and pads it with zero bytes (RFC 2104).
    """
    with open(key_file, "rb") as f:
        key = f.read().decode("utf-8", errors="replace").strip().encode("utf-8")
    if len(key) < 32:
        raise SystemExit(f"{key_file}: the pseudonym key is {len(key)} bytes long; regpool needs at least 32")
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    key = key.ljust(64, b"\0")
    blob = lambda pad: "'" + "".join(f"\\x{b ^ pad:02x}" for b in key) + "'"
    return blob(0x36), blob(0x5C)


def source_files(inbox: str, pattern: str):
    """The inbox files a source's glob matches, in byte order of their names (as regpool reads them)."""
    names = sorted((n for n in os.listdir(inbox) if fnmatch.fnmatchcase(n, pattern)), key=os.fsencode)
    if not names:
        raise SystemExit(f"{inbox}: no file matches {pattern}")
    return [os.path.join(os.path.abspath(inbox), n) for n in names]


def render(inbox: str, out_dir: str, threads: int, key_file: str = DEFAULT_KEY) -> str:
    """The peer script with its placeholders filled."""
    ipad, opad = key_pads(key_file)
    values = {name: "[" + ", ".join(sql_text(p) for p in source_files(inbox, pattern)) + "]"
              for name, pattern in SOURCES.items()}
    values.update({name: sql_text(v) for name, v in CENTRE.items()})
    values.update(THREADS=str(int(threads)), OUT=os.path.abspath(out_dir).replace("'", "''"),
                  IPAD=ipad, OPAD=opad)
    with open(SCRIPT, encoding="utf-8") as f:
        text = f.read()
    missing = sorted(set(PLACEHOLDER.findall(text)) - set(values))
    if missing:
        raise ValueError(f"{SCRIPT}: no value for {', '.join(missing)}")
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def run_peer_detail(inbox, out_dir, threads=1, key_file=DEFAULT_KEY, python=sys.executable):
    """Runs the peer once in a child process; returns a dict: `seconds` (the SQL script, from
    DuckDB's connect() to the last table written), `import_seconds` (`import duckdb` in the child),
    `wall_seconds` (the whole child under GNU time, Python's start included), `cpu_seconds` (user +
    system CPU time of the child) and `peak_rss_mib` (GNU time's maximum resident set size of the
    child)."""
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sql-peer-") as tmp:
        script = os.path.join(tmp, "fr_lyon.sql")
        with open(script, "w", encoding="utf-8") as f:
            f.write(render(inbox, out_dir, threads, key_file))
        timing = os.path.join(tmp, "timing")
        gnu_time = os.path.join(tmp, "time")
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M %U %S", "-o", gnu_time,
                               python, "-c", CHILD, script, timing],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            raise RuntimeError(f"the SQL peer failed ({proc.returncode}): {proc.stderr.decode(errors='replace')}")
        with open(timing) as f:
            seconds, import_seconds = map(float, f.read().split())
        with open(gnu_time) as f:
            wall, kib, user, system = f.read().split()[-4:]
    return {"seconds": seconds, "import_seconds": import_seconds, "wall_seconds": float(wall),
            "cpu_seconds": float(user) + float(system), "peak_rss_mib": int(kib) / 1024.0}


def run_peer(inbox, out_dir, threads=1, key_file=DEFAULT_KEY, python=sys.executable):
    """Runs the peer on `inbox` with `threads` DuckDB threads, writing the tables to `out_dir`.
    Returns (seconds, peak_rss_mib): the SQL script's wall time in the child (connect to the last
    table written; the interpreter's start and `import duckdb` are not counted) and the child's
    peak RSS in MiB (it includes the Python interpreter and the DuckDB module, about 64 MiB).
    `python` is the interpreter the child runs (it must have the duckdb module)."""
    r = run_peer_detail(inbox, out_dir, threads, key_file, python)
    return r["seconds"], r["peak_rss_mib"]


# ------------------------------------------------------------------------------------- comparison

def _stats(con, path):
    """(rows, [(column, type)], {column: (distinct, nulls, min, max)}) of one Parquet file."""
    columns = [(r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet({sql_text(path)})").fetchall()]
    rows = con.execute(f"SELECT count(*) FROM read_parquet({sql_text(path)})").fetchone()[0]
    parts = []
    for name, _ in columns:
        q = '"' + name.replace('"', '""') + '"'
        parts += [f"count(DISTINCT {q})", f"count(*) - count({q})", f"min({q})", f"max({q})"]
    values = con.execute(f"SELECT {', '.join(parts)} FROM read_parquet({sql_text(path)})").fetchone() if parts else []
    stats = {name: tuple(values[4 * i:4 * i + 4]) for i, (name, _) in enumerate(columns)}
    return rows, columns, stats


def compare_table(con, regpool_path, peer_path):
    """The checks of one table: a list of (check, regpool value, peer value, equal)."""
    checks = []
    if not os.path.exists(peer_path):
        return [("file", regpool_path, "missing", False)]
    r_rows, r_cols, r_stats = _stats(con, regpool_path)
    p_rows, p_cols, p_stats = _stats(con, peer_path)
    checks.append(("rows", r_rows, p_rows, r_rows == p_rows))
    checks.append(("columns", [c for c, _ in r_cols], [c for c, _ in p_cols],
                   [c for c, _ in r_cols] == [c for c, _ in p_cols]))
    p_types = dict(p_cols)
    for name, rtype in r_cols:
        if name not in p_stats:
            checks.append((f"{name}", "present", "missing", False))
            continue
        checks.append((f"{name}.type", rtype, p_types[name], rtype == p_types[name]))
        for label, rv, pv in zip(("distinct", "nulls", "min", "max"), r_stats[name], p_stats[name]):
            checks.append((f"{name}.{label}", rv, pv, rv == pv))
    if [c for c, _ in r_cols] == [c for c, _ in p_cols]:
        # Beyond the per-column statistics: the two tables as multisets of whole rows.
        only = {}
        for a, b, side in ((regpool_path, peer_path, "regpool"), (peer_path, regpool_path, "peer")):
            only[side] = con.execute(
                f"SELECT count(*) FROM (SELECT * FROM read_parquet({sql_text(a)}) "
                f"EXCEPT ALL SELECT * FROM read_parquet({sql_text(b)}))").fetchone()[0]
        checks.append(("rows only in one side", 0, f"regpool {only['regpool']}, peer {only['peer']}",
                       only["regpool"] == 0 and only["peer"] == 0))
    return checks


def compare_detail(regpool_dir, peer_dir, tables=TABLES):
    """{table: checks} for every table the peer writes (see compare_table)."""
    import duckdb
    con = duckdb.connect()
    return {t: compare_table(con, os.path.join(regpool_dir, f"{t}.parquet"), os.path.join(peer_dir, f"{t}.parquet"))
            for t in tables}


def compare(regpool_dir, peer_dir):
    """Every difference between regpool's build and the peer's tables, as sentences (empty = the
    same data): per table the row count, the column names and order, and per column its type,
    count(DISTINCT), null count, min and max; and whether the two tables hold the same rows
    (EXCEPT ALL both ways)."""
    out = []
    for table, checks in compare_detail(regpool_dir, peer_dir).items():
        for check, rv, pv, ok in checks:
            if not ok:
                out.append(f"{table}.{check}: regpool {rv!r}, peer {pv!r}" if check != "columns"
                           else f"{table}: columns regpool {rv}, peer {pv}")
    return out


def print_report(details):
    print(f"{'table':<18}{'rows regpool':>14}{'rows peer':>12}{'columns':>9}{'checks':>8}{'failed':>8}")
    for table, checks in details.items():
        rows = next((c for c in checks if c[0] == "rows"), ("rows", "-", "-", False))
        ncols = len(next((c[1] for c in checks if c[0] == "columns"), []))
        failed = sum(1 for c in checks if not c[3])
        print(f"{table:<18}{rows[1]!s:>14}{rows[2]!s:>12}{ncols:>9}{len(checks):>8}{failed:>8}")
    for table, checks in details.items():
        for check, rv, pv, ok in checks:
            if not ok:
                print(f"  MISMATCH {table}.{check}: regpool {rv!r}, peer {pv!r}")


def main():
    ap = argparse.ArgumentParser(description="Run the SQL peer of fr-lyon and check it against a regpool build.")
    ap.add_argument("inbox", help="the fr-lyon export (patients_*, traitements_*, greffes_*.csv)")
    ap.add_argument("out", help="folder for the peer's Parquet tables")
    ap.add_argument("--regpool-build", required=True, help="regpool's build folder (e.g. benchmarks/out/builds/current)")
    ap.add_argument("--threads", default="1,2", help="DuckDB thread counts, comma-separated (default 1,2)")
    ap.add_argument("--key", default=DEFAULT_KEY, help="the pseudonym key file of the regpool build")
    ap.add_argument("--repeat", type=int, default=1, help="runs per thread count; the best is shown")
    args = ap.parse_args()
    mismatches = 0
    timings = []
    for threads in [int(t) for t in args.threads.split(",") if t]:
        runs = [run_peer_detail(args.inbox, args.out, threads, args.key) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["seconds"])
        timings.append((threads, best, max(r["peak_rss_mib"] for r in runs)))
        details = compare_detail(args.regpool_build, args.out)
        print(f"== SQL peer, {threads} thread(s): compared with {args.regpool_build}")
        print_report(details)
        mismatches += sum(1 for checks in details.values() for c in checks if not c[3])
    print("== times (the SQL script in the child; wall = the child under GNU time, Python start included)")
    for threads, best, rss in timings:
        print(f"SQL peer, {threads} thread(s): {best['seconds']:7.2f} s   wall {best['wall_seconds']:6.2f} s   "
              f"CPU {best['cpu_seconds']:6.2f} s   peak RSS {rss:7.1f} MiB")
    if mismatches:
        print(f"{mismatches} check(s) differ from regpool's build")
        sys.exit(1)
    print("every check agrees with regpool's build")


if __name__ == "__main__":
    main()
