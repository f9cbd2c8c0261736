"""The linkage part of `make bench`: `regpool run` on gen_linkage.py sets of 100k and 1M local
patients, against DuckDB doing the same blocking and comparisons in SQL on the same CSV files,
in the same run. Prints pairs compared, times, their ratios and growth, peak RSS, the phases of
the regpool run and the links made against the planted duplicates.

run_bench.py calls `run(regpool, sizes)`; see benchmarks/README.md for what is measured.
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import frlyon_format as fr  # noqa: E402
import gen_linkage  # noqa: E402

CENTRES = 2
# The generator's patients file columns of each linkage field.
COLUMNS = {"sex": "SEXE", "birth_year": "ANNEE_NAISSANCE", "diagnosis_date": "DATE_DIAG",
           "len_start_date": "DATE_DEBUT_LEN", "len_initial_dose": "DOSE_LEN_MG",
           "karyotype_category": "CAT_CYTO", "who_class": "OMS"}
CATEGORIES = {"sex", "karyotype_category", "who_class"}
MISSING = ("", "NA", "nd")          # mappings/fr-lyon.yaml `missing:`


def data_set(n):
    """The generated inboxes of n local patients (cached under data/, keyed by the generators' hash)."""
    from run_bench import generator_tag
    tag = generator_tag("gen_linkage.py", "frlyon_format.py", "cohort.py")
    data = os.path.join(HERE, "data", f"linkage-{n}-{tag}")
    stamp = os.path.join(data, ".complete")
    if not os.path.exists(stamp):
        shutil.rmtree(data, ignore_errors=True)
        started = time.perf_counter()
        gen_linkage.generate(n, data, CENTRES, 0.15, seed=1)
        open(stamp, "w").close()
        print(f"  generated {n} local patients in {time.perf_counter() - started:.0f} s -> {data}", flush=True)
    return data


# ---------------------------------------------------------------- regpool

def regpool_run(regpool, data, out, profile):
    """`regpool run --log-level info` on the set: the `linkage done` figures, wall time, peak RSS,
    the phases (from the log's whole-second stamps) and the manifest's linkage object."""
    centres = gen_linkage.centre_ids(CENTRES)
    shutil.rmtree(out, ignore_errors=True)
    pipeline = gen_linkage.write_pipeline(out, data, centres, os.path.join(out, "builds"), profile)
    log = os.path.join(out, "run.log")
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing, open(log, "w") as err:
        proc = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", timing.name, os.path.abspath(regpool), "run",
                               "--log-level", "info", pipeline], stdout=subprocess.DEVNULL, stderr=err)
        wall, kib = timing.read().split()[-2:]
    if proc.returncode not in (0, 3):
        sys.exit(f"regpool run {pipeline} failed with {proc.returncode}; see {log}")
    done, stamps = parse_log(log)
    seconds = float(done["seconds"])
    before = (stamps["linkage done"] - stamps["build started"]).total_seconds()
    with open(os.path.join(out, "builds", "current", "manifest.json")) as f:
        manifest = json.load(f)["linkage"]
    return {"pairs": int(done["pairs_compared"]), "local": int(done["local_patients"]),
            "pooled": int(done["pooled_patients"]), "seconds": seconds, "wall": float(wall),
            "rss": int(kib) / 1024, "map": before - seconds, "write": float(wall) - before,
            "manifest": manifest, "build": os.path.join(out, "builds", "current")}


def parse_log(path):
    """The `linkage done` line's key=value fields, and the first stamp of each message."""
    done, stamps = None, {}
    line_re = re.compile(r"^(\S+) \w+ regpool: (.*) \[\w+\] (.+)$")
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = line_re.match(line.rstrip("\n"))
            if not m:
                continue
            stamp, fields, message = m.groups()
            stamps.setdefault(message, datetime.fromisoformat(stamp))
            if message == "linkage done":
                done = dict(kv.split("=", 1) for kv in fields.split())
    if done is None or "build started" not in stamps:
        sys.exit(f"{path}: no `linkage done` line (is regpool logging at info level?)")
    return done, stamps


def quality(build, truth_path):
    """Links made against the planted pairs: (planted, linked pairs, true links) from the build's
    source_records (records of one pooled_id are linked) and the truth file."""
    import duckdb
    con = duckdb.connect()
    con.execute("SET threads=2")
    members = (f"SELECT DISTINCT pooled_id, centre_id || '|' || local_patient_id AS r "
               f"FROM read_parquet('{build}/source_records.parquet') WHERE pooled_id IS NOT NULL")
    con.execute(f"CREATE TABLE linked AS SELECT DISTINCT a.r AS x, b.r AS y FROM ({members}) a "
                f"JOIN ({members}) b USING (pooled_id) WHERE a.r < b.r")
    con.execute(f"CREATE TABLE truth AS SELECT DISTINCT least(a, b) AS x, greatest(a, b) AS y FROM ("
                f"SELECT centre_a || '|' || local_id_a AS a, centre_b || '|' || local_id_b AS b "
                f"FROM read_csv('{truth_path}', header=true, all_varchar=true))")
    linked = con.execute("SELECT count(*) FROM linked").fetchone()[0]
    planted = con.execute("SELECT count(*) FROM truth").fetchone()[0]
    hits = con.execute("SELECT count(*) FROM linked JOIN truth USING (x, y)").fetchone()[0]
    return planted, linked, hits


# ---------------------------------------------------------------- DuckDB peer

def _value(field):
    """SQL for a linkage field's value from the patients CSV's text column (NULL when missing)."""
    col = f'"{COLUMNS[field]}"'
    text = f"CASE WHEN {col} IN {MISSING} THEN NULL ELSE {col} END"
    if field in CATEGORIES:
        return text
    if field == "birth_year":
        return f"TRY_CAST({text} AS INTEGER)"
    if field == "len_initial_dose":
        return f"TRY_CAST(replace({text}, ',', '.') AS DOUBLE)"
    return f"(try_strptime({text}, '%d/%m/%Y')::DATE - DATE '1970-01-01')"     # days


def _level(field, tolerances):
    """SQL for a comparison's level of pair (a, b): 0.. by tolerance, then disagree; NULL = missing."""
    a, b = f"a.{field}", f"b.{field}"
    if field in CATEGORIES:
        return f"CASE WHEN {a} IS NULL OR {b} IS NULL THEN NULL WHEN {a} = {b} THEN 0 ELSE 1 END"
    steps = " ".join(f"WHEN abs({a} - {b}) <= {t} THEN {k}" for k, t in enumerate(tolerances))
    return f"CASE WHEN {a} IS NULL OR {b} IS NULL THEN NULL {steps} ELSE {len(tolerances)} END"


def duckdb_link(data, threads, profile):
    """The peer, timed in two parts. Load: the centres' patients CSV files into one table of
    linkage fields, records numbered in (centre, local id) byte order as regpool sorts them.
    Link: per blocking pass, row_number() over (partition by the `on` fields order by the sort
    field, record) and the pairs 1..window places apart (an equi-join on the block and rn + k), of
    different centres, deduplicated across passes; every pair's comparison levels; the pairs per
    distinct level pattern (what EM reads). Returns (load s, link s, pairs, patterns)."""
    import duckdb
    config = gen_linkage.PROFILES[profile]
    con = duckdb.connect()
    con.execute(f"SET threads={threads}")
    fields = ", ".join(f"{_value(f)} AS {f}" for f in COLUMNS)
    sources = " UNION ALL ".join(
        f"SELECT '{c}' AS centre, NUM_PATIENT AS local_id, {fields} FROM read_csv("
        f"'{os.path.join(data, c, fr.PATIENTS_FILE)}', delim=';', quote='\"', header=true, all_varchar=true, "
        f"encoding='{fr.ENCODINGS[fr.PATIENTS_FILE][0]}')" for c in gen_linkage.centre_ids(CENTRES))
    started = time.perf_counter()
    con.execute(f"CREATE TABLE rec AS SELECT row_number() OVER (ORDER BY centre, local_id) - 1 AS idx, * "
                f"FROM ({sources})")
    loaded = time.perf_counter()
    passes = []
    for k, (on, sort, window) in enumerate(config["blocking"]):
        keys = ", ".join(on)
        present = " AND ".join(f"{f} IS NOT NULL" for f in on + [sort])
        con.execute(f"CREATE TEMP TABLE pass{k} AS SELECT idx, centre, {keys}, "
                    f"row_number() OVER (PARTITION BY {keys} ORDER BY {sort}, idx) AS rn FROM rec WHERE {present}")
        con.execute(f"CREATE TEMP TABLE reach{k} AS SELECT idx, centre, {keys}, rn + t.k AS rn "
                    f"FROM pass{k} CROSS JOIN range(1, {window + 1}) t(k)")
        passes.append(f"SELECT least(a.idx, b.idx) AS i, greatest(a.idx, b.idx) AS j FROM reach{k} a "
                      f"JOIN pass{k} b USING ({keys}, rn) WHERE a.centre <> b.centre")
    levels = ", ".join(f"{_level(f, t)} AS {f}" for f, t in config["comparisons"])
    names = ", ".join(f for f, _ in config["comparisons"])
    pairs, patterns = con.execute(
        f"SELECT sum(n), count(*) FROM ("
        f"  SELECT {names}, count(*) AS n FROM ("
        f"    SELECT {levels} FROM ({' UNION '.join(passes)}) p "
        f"    JOIN rec a ON a.idx = p.i JOIN rec b ON b.idx = p.j) "
        f"  GROUP BY ALL)").fetchone()
    linked = time.perf_counter()
    return loaded - started, linked - loaded, int(pairs), int(patterns)


# ---------------------------------------------------------------- the section

def run(regpool, sizes, profile="sample"):
    """Measures every size (regpool once, the DuckDB peer once with 1 and once with 2 threads)
    and prints the table."""
    out_root = os.path.join(HERE, "out")
    rows = []
    for n in sizes:
        data = data_set(n)
        print(f"  linkage {n}: regpool run ...", flush=True)
        reg = regpool_run(regpool, data, os.path.join(out_root, f"linkage-{n}"), profile)
        print(f"  linkage {n}: DuckDB ...", flush=True)
        duck1 = duckdb_link(data, 1, profile)
        duck2 = duckdb_link(data, 2, profile)
        planted, linked, hits = quality(reg["build"], os.path.join(data, "truth.csv"))
        rows.append((n, reg, duck1, duck2, (planted, linked, hits)))
        shutil.rmtree(os.path.join(out_root, f"linkage-{n}", "builds"), ignore_errors=True)
    report(rows, profile)


def report(rows, profile):
    """Prints the linkage table, the growth ratios and the regpool run's phases."""
    print(f"linkage (2 centres, 15 % of the second centre's patients planted copies of the first's; "
          f"gen_linkage.py profile `{profile}`; DuckDB in the same run)")
    print(f"  {'N':>9} {'pairs regpool':>13} {'pairs DuckDB':>12} {'pairs/N':>7} {'regpool link s':>14} "
          f"{'DuckDB(1) s':>11} {'ratio':>6} {'DuckDB(2) s':>11} {'ratio':>6} {'DuckDB load s':>13} {'peak RSS':>9}")
    for n, reg, d1, d2, _ in rows:
        print(f"  {n:>9} {reg['pairs']:>13} {d1[2]:>12} {reg['pairs'] / n:>7.2f} {reg['seconds']:>14.2f} "
              f"{d1[1]:>11.2f} {reg['seconds'] / d1[1]:>6.2f} {d2[1]:>11.2f} {reg['seconds'] / d2[1]:>6.2f} "
              f"{d1[0]:>13.2f} {reg['rss']:>7.0f} MiB")
    for n, reg, d1, _, _ in rows:
        if reg["pairs"] != d1[2]:
            print(f"  ! N={n}: regpool compared {reg['pairs']} pairs, DuckDB {d1[2]}: the blocking differs")
    print("  (regpool link s = the `linkage done` log line: link records, blocking, comparisons, EM, "
          "clustering, survivorship and pooled ids; DuckDB = blocking, comparisons and pattern counts only)")
    if len(rows) >= 2:
        (n0, r0, a0, _, _), (n1, r1, a1, _, _) = rows[0], rows[-1]
        print(f"  growth {n1 // n0}x records ({n1}/{n0}): pairs x{r1['pairs'] / r0['pairs']:.2f}, "
              f"regpool link time x{r1['seconds'] / r0['seconds']:.2f}, DuckDB(1) time x{a1[1] / a0[1]:.2f}, "
              f"peak RSS x{r1['rss'] / r0['rss']:.2f} (near-linear = about x{n1 // n0})")
    print("  regpool run phases (from the log's whole-second stamps):")
    for n, reg, _, _, _ in rows:
        man = reg["manifest"]
        print(f"    N={n}: wall {reg['wall']:.0f} s = extract+map {reg['map']:.0f} s + pool {reg['seconds']:.0f} s "
              f"+ assemble+write {reg['write']:.0f} s; {man['links_made']} links, {man['review_pairs']} review pairs, "
              f"λ {man['prior']:.3g}, EM {man['em_iterations']} iterations")
    print("  links made against the planted duplicates (pairwise):")
    for n, _, _, _, (planted, linked, hits) in rows:
        precision = hits / linked if linked else 1.0
        recall = hits / planted if planted else 1.0
        print(f"    N={n}: {planted} planted, {linked} linked, {hits} both: "
              f"precision {precision:.4f}, recall {recall:.4f}")


def parse_sizes(text):
    """'100000,1000000' -> [100000, 1000000]."""
    return [int(x) for x in text.split(",") if x]


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regpool", required=True)
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--profile", choices=sorted(gen_linkage.PROFILES), default="sample")
    a = ap.parse_args()
    run(a.regpool, parse_sizes(a.sizes), a.profile)
