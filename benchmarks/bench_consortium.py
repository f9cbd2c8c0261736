#!/usr/bin/env python3
"""Incremental runs on an eight-centre consortium: `regpool run --full`, `regpool run` with nothing
changed, and `regpool run` after one centre of eight sent a new export. Prints wall time and peak
RSS of each (GNU time, best of R), their ratios to the full run, and where the time goes.

Usage: bench_consortium.py --regpool PATH [--patients N] [--repeat R]
run_bench.py (or anything else) can call `run(regpool, patients, repeat)`, which returns the figures.

Data (cached in benchmarks/data/consortium-N-<tag>/, tag = hash of the generators and this layout):
eight centres in exactly the fr-lyon format (gen_linkage.CENTRES: fr-lyon, fr-lille, fr-nantes,
...), N/8 patients each, each inbox written by gen_fr_lyon.py with its own seed; each centre's
mapping is mappings/fr-lyon.yaml with `centre:` changed (written to the out folder). No `linkage:`
section (the pipeline does not need one; as run_bench.write_pipeline), so the pooled part is
assembly and writing only.

One centre of eight changed (CHANGED, fr-nantes): the registry's next nightly dump replaces the
last one. The inbox's patients_/traitements_/greffes_2026-11-21.csv are removed and
..._2026-11-22.csv put in: the same dump (gen_fr_lyon.py with the same seed; the first N/8
patients are byte-identical) with 0.5 % new patients appended. The centre's staged key changes
(file names and SHA-256), the other seven stay valid. Between repeats the old dump is put back
and one untimed run re-stages the centre, so every timed repeat starts from the same state.

Every run is checked: exit status 0 or 3, and `--json`'s `centres_reused` (with the log's
`centre reused` / `centre extracted` lines) must say: none reused (--full), all eight reused
(nothing changed), all but CHANGED reused (one changed). Anything else stops the benchmark.

Phases come from the `--log-level info` lines, stamped by this script as they arrive on stderr
(the log's own stamps are whole seconds): start -> `build started` (load the pipeline, scan and
hash every export), -> last `centre mapped` (extract+map, or read the staged result), -> `linkage
done` (pooling; its `seconds=` field), -> exit (assemble, write the build, wait for staging).
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from run_bench import generator_tag  # noqa: E402
from gen_linkage import CENTRES as _LINKAGE_CENTRES  # noqa: E402

CENTRES = [c for c, _ in _LINKAGE_CENTRES[:8]]     # fr-lyon, fr-lille, fr-nantes, ... fr-dijon
SEEDS = {c: 1001 + i for i, c in enumerate(CENTRES)}
CHANGED = "fr-nantes"
OLD_DATE, NEW_DATE = "2026-11-21", "2026-11-22"
NEW_SHARE = 0.005                                   # new patients in the next night's dump
NEXT = "next"                                       # cache folder of CHANGED's next dump
CONTENDED = 0.2                                     # other processes' cores above which a run is flagged


class BenchError(RuntimeError):
    """A run failed or did not reuse what it should have."""


# ---------------------------------------------------------------- data

def per_centre(patients):
    """Patients of each centre (the first patients % 8 centres get one more)."""
    k = len(CENTRES)
    return {c: patients // k + (1 if i < patients % k else 0) for i, c in enumerate(CENTRES)}


def _gen(n, outdir, seed, pool):
    subprocess.run([sys.executable, os.path.join(HERE, "gen_fr_lyon.py"), str(n), outdir, "--seed", str(seed),
                    "--pool", str(pool)], check=True, stdout=subprocess.DEVNULL)


def generate(patients):
    """The eight inboxes and CHANGED's next dump, cached under data/ (rebuilt when a generator or
    this layout changes); returns the data folder."""
    layout = repr((CENTRES, SEEDS, CHANGED, OLD_DATE, NEW_DATE, NEW_SHARE)).encode()
    tag = hashlib.sha256(generator_tag("gen_fr_lyon.py", "frlyon_format.py", "cohort.py").encode()
                         + layout).hexdigest()[:8]
    data = os.path.join(HERE, "data", f"consortium-{patients}-{tag}")
    stamp = os.path.join(data, ".complete")
    if os.path.exists(stamp):
        return data
    shutil.rmtree(data, ignore_errors=True)
    started = time.perf_counter()
    counts = per_centre(patients)
    for centre in CENTRES:
        n = counts[centre]
        # --pool min(4096, n) for both dumps: the same template pool, so the next dump of the
        # changed centre is the old one's bytes with new patients appended.
        _gen(n, os.path.join(data, centre), SEEDS[centre], min(4096, max(1, n)))
    n = counts[CHANGED]
    nxt = os.path.join(data, NEXT)
    _gen(n + max(1, round(n * NEW_SHARE)), nxt, SEEDS[CHANGED], min(4096, max(1, n)))
    for name in os.listdir(nxt):
        os.rename(os.path.join(nxt, name), os.path.join(nxt, name.replace(OLD_DATE, NEW_DATE)))
    open(stamp, "w").close()
    print(f"  generated {patients} patients over {len(CENTRES)} centres in {time.perf_counter() - started:.0f} s "
          f"-> {data}", flush=True)
    return data


def _place(src_dir, dst_dir):
    """Puts src_dir's exports into the inbox dst_dir (hard links; copies across file systems)."""
    for name in sorted(os.listdir(src_dir)):
        src, dst = os.path.join(src_dir, name), os.path.join(dst_dir, name)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)


def set_inbox(inbox, source):
    """Replaces the inbox's exports with source's (a new nightly drop: the old files go)."""
    for name in os.listdir(inbox):
        os.remove(os.path.join(inbox, name))
    _place(source, inbox)


def write_pipeline(data, out):
    """Mappings (fr-lyon's with `centre:` changed), one inbox per centre (links to the cached data)
    and the pipeline, all under out; returns (pipeline path, inbox of each centre)."""
    with open(os.path.join(ROOT, "mappings", "fr-lyon.yaml"), encoding="utf-8") as f:
        mapping = f.read()
    os.makedirs(os.path.join(out, "mappings"))
    lines = ["version: 1", "name: bench-consortium", f"output: {out}/builds", "pseudonym_key:",
             f"  file: {ROOT}/samples/keys/TEST-KEY-NOT-FOR-REAL-DATA.txt", "centres:"]
    inboxes = {}
    for centre in CENTRES:
        text, n = re.subn(r"(?m)^centre: fr-lyon$", f"centre: {centre}", mapping)
        if n != 1:
            raise BenchError("mappings/fr-lyon.yaml: expected one line `centre: fr-lyon`")
        path = os.path.join(out, "mappings", f"{centre}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        inbox = os.path.join(out, "inbox", centre)
        os.makedirs(inbox)
        _place(os.path.join(data, centre), inbox)
        inboxes[centre] = inbox
        lines += [f"  - id: {centre}", "    region: europe", "    cohort_source: registry",
                  f"    inbox: {inbox}", f"    mapping: {path}"]
    pipeline = os.path.join(out, "consortium.yaml")
    with open(pipeline, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return pipeline, inboxes


# ---------------------------------------------------------------- one run

LINE = re.compile(r"^\S+ (\w+) regpool: (.*) \[\w+\] (.+)$")
FIELD = re.compile(r"(\w+)=(.*?)(?= \w+=|$)")


def busy_cpu_seconds():
    """CPU seconds every process of the machine has spent so far (/proc/stat; None elsewhere)."""
    try:
        with open("/proc/stat") as f:
            fields = f.readline().split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def regpool_run(regpool, pipeline, full, log_path):
    """`regpool run [--full] --json --log-level info` under GNU time. Returns wall s, CPU s, peak
    RSS MiB, exit status, the JSON summary, the log lines (arrival seconds since start, message,
    fields) and `others`: the cores other processes kept busy meanwhile (contention: the figures
    are only comparable when it is near 0)."""
    cmd = [os.path.abspath(regpool), "run", pipeline, "--json", "--log-level", "info"] + (["--full"] if full else [])
    lines = []
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        busy_before, mine_before = busy_cpu_seconds(), time.process_time()
        started = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%e %U %S %M", "-o", timing.name] + cmd,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, errors="replace")

        def read_stderr():
            for line in proc.stderr:
                lines.append((time.perf_counter() - started, line.rstrip("\n")))
        reader = threading.Thread(target=read_stderr)
        reader.start()
        stdout = proc.stdout.read()
        status = proc.wait()
        ended = time.perf_counter() - started
        reader.join()
        busy_after, mine_after = busy_cpu_seconds(), time.process_time()
        timed = timing.read().split()
    with open(log_path, "w", encoding="utf-8") as f:
        f.write("".join(f"+{t:8.3f}s {text}\n" for t, text in lines))
    if status in (126, 127):
        raise BenchError(f"{cmd[0]} could not be executed (exit status {status}: missing or being rebuilt?)")
    if status not in (0, 3):
        raise BenchError(f"{' '.join(cmd)} failed with exit status {status}; log: {log_path}")
    summary = next((json.loads(s) for s in stdout.splitlines() if s.startswith("{")), None)
    if summary is None or summary.get("exit_status") != status:
        raise BenchError(f"{' '.join(cmd)}: no --json summary on stdout (got {stdout!r}); log: {log_path}")
    events = []
    for t, text in lines:
        m = LINE.match(text)
        if m:
            _level, fields, message = m.groups()
            events.append((t, message, dict(FIELD.findall(fields))))
    wall, cpu = float(timed[-4]), float(timed[-3]) + float(timed[-2])
    others = None
    if busy_before is not None:
        others = max(0.0, busy_after - busy_before - cpu - (mine_after - mine_before)) / max(ended, 1e-9)
    return {"wall": wall, "cpu": cpu, "rss": int(timed[-1]) / 1024.0, "others": others, "status": status,
            "summary": summary,
            "phases": phases(events, ended, log_path), "events": events, "log": log_path}


def phases(events, ended, log_path):
    """Seconds of each part of a run, from the arrival of its log lines."""
    first = {}
    last = {}
    for t, message, fields in events:
        first.setdefault(message, (t, fields))
        last[message] = (t, fields)
    for needed in ("build started", "centre mapped", "linkage done"):
        if needed not in first:
            raise BenchError(f"{log_path}: no `{needed}` line (is regpool logging at info level?)")
    started = first["build started"][0]
    mapped = last["centre mapped"][0]
    linked, done = first["linkage done"]
    link = float(done.get("seconds", "nan"))
    return {"scan+hash": started, "centres": mapped - started, "link": link,
            "pool (log)": linked - mapped, "assemble+write": ended - linked,
            "staging": sum(float(f.get("seconds", 0)) for _, m, f in events if m == "centre staged")}


def check_reuse(run, expect_reused, scenario):
    """Stops unless exactly `expect_reused` centres were reused and the others read again."""
    reused = run["summary"].get("centres_reused")
    logged_reused = [f.get("centre") for _, m, f in run["events"] if m == "centre reused"]
    extracted = [f.get("centre") for _, m, f in run["events"] if m == "centre extracted"]
    staged = [f.get("centre") for _, m, f in run["events"] if m == "centre staged"]
    expect_read = [c for c in CENTRES if c not in expect_reused]
    problems = []
    # Centres may be read on several threads: the log lines come in any order.
    if sorted(reused or []) != sorted(expect_reused) or reused is None:
        problems.append(f"--json centres_reused {reused}, expected {expect_reused}")
    if sorted(logged_reused) != sorted(expect_reused):
        problems.append(f"log `centre reused` for {logged_reused}, expected {expect_reused}")
    if sorted(staged) != sorted(expect_read):
        problems.append(f"log `centre staged` for {staged}, expected {expect_read}")
    # --full extracts without saying why; an incremental run names each centre it reads again.
    if expect_reused and sorted(extracted) != sorted(expect_read):
        problems.append(f"log `centre extracted` for {extracted}, expected {expect_read}")
    if problems:
        raise BenchError(f"{scenario}: " + "; ".join(problems) + f"; log: {run['log']}")


# ---------------------------------------------------------------- the benchmark

def binary_id(regpool):
    """The regpool binary's SHA-256 (first 12 hex digits) and modification time."""
    path = os.path.abspath(regpool)
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return f"{digest.hexdigest()[:12]} {time.strftime('%Y-%m-%d %H:%M:%S', time.localtime(os.path.getmtime(path)))}"


def run(regpool: str, patients: int = 200000, repeat: int = 2) -> dict:
    """Generates (or reuses) the consortium, measures the three scenarios, prints and returns the figures:
    {"full"|"incremental"|"one_changed": {"seconds" (best wall), "cpu_seconds", "phases" and
    "others_cores" (other processes' load) of that run, "rss_mib" (highest), "runs": [(s, MiB)],
    "exit_status"}, "incremental_over_full", "one_changed_over_full", "patients", "centres",
    "changed_centre", "new_patients", "input_mib", "restore_runs": [(s, MiB)], "binary"}.
    Raises BenchError when a run fails or reuses other centres than it should."""
    if patients < len(CENTRES) or repeat < 1:
        raise ValueError(f"need patients >= {len(CENTRES)} and repeat >= 1")
    for _ in range(24):                     # a rebuild replaces the binary: wait for it
        if os.path.exists(regpool):
            break
        time.sleep(5)
    binary = binary_id(regpool)
    data = generate(patients)
    out = os.path.join(HERE, "out", "consortium")
    shutil.rmtree(out, ignore_errors=True)
    pipeline, inboxes = write_pipeline(data, out)
    os.makedirs(os.path.join(out, "logs"))
    old, new = os.path.join(data, CHANGED), os.path.join(data, NEXT)
    others = [c for c in CENTRES if c != CHANGED]

    def one(scenario, i, full, expect_reused):
        r = regpool_run(regpool, pipeline, full, os.path.join(out, "logs", f"{scenario}-{i}.log"))
        check_reuse(r, expect_reused, scenario)
        busy = "" if r["others"] is None else f", other processes {r['others']:.2f} cores"
        print(f"  {scenario} {i + 1}/{repeat}: {r['wall']:.2f} s (CPU {r['cpu']:.2f} s), peak RSS {r['rss']:.0f} MiB, "
              f"exit {r['status']}, reused {len(r['summary']['centres_reused'])}/{len(CENTRES)}{busy}", flush=True)
        if r["others"] is not None and r["others"] > CONTENDED:
            print(f"  ! other processes kept {r['others']:.2f} cores busy during this run: its time is not comparable",
                  flush=True)
        return r

    runs = {"full": [], "incremental": [], "one_changed": []}
    restores = []
    for i in range(repeat):
        runs["full"].append(one("full", i, True, []))
    for i in range(repeat):
        runs["incremental"].append(one("incremental", i, False, CENTRES))
    for i in range(repeat):
        set_inbox(inboxes[CHANGED], new)
        runs["one_changed"].append(one("one_changed", i, False, others))
        set_inbox(inboxes[CHANGED], old)
        restores.append(one("restore", i, False, others))   # re-stages the old dump: same start state
    if binary_id(regpool) != binary:
        raise BenchError(f"{regpool} was replaced during the benchmark (rebuilt?): the runs used different binaries")
    patients_new = runs["one_changed"][0]["summary"]["patients"]
    patients_old = runs["full"][0]["summary"]["patients"]
    if patients_new <= patients_old:
        raise BenchError(f"the changed dump added no patients ({patients_old} -> {patients_new})")

    result = {"patients": patients, "centres": len(CENTRES), "changed_centre": CHANGED, "binary": binary,
              "new_patients": patients_new - patients_old,
              "input_mib": sum(os.path.getsize(os.path.join(data, c, f)) for c in CENTRES
                               for f in os.listdir(os.path.join(data, c))) / 2**20,
              "restore_runs": [(r["wall"], r["rss"]) for r in restores]}
    for scenario, rs in runs.items():
        best = min(rs, key=lambda r: r["wall"])
        result[scenario] = {"seconds": best["wall"], "cpu_seconds": best["cpu"],
                            "rss_mib": max(r["rss"] for r in rs), "runs": [(r["wall"], r["rss"]) for r in rs],
                            "phases": best["phases"], "exit_status": best["status"], "others_cores": best["others"]}
    result["incremental_over_full"] = result["incremental"]["seconds"] / result["full"]["seconds"]
    result["one_changed_over_full"] = result["one_changed"]["seconds"] / result["full"]["seconds"]
    report(result)
    shutil.rmtree(os.path.join(out, "builds"), ignore_errors=True)
    return result


def report(r):
    full = r["full"]["seconds"]
    print(f"consortium: {r['patients']} patients over {r['centres']} centres (fr-lyon format, no linkage), "
          f"{r['input_mib']:.1f} MiB of CSV; best of {len(r['full']['runs'])}, peak RSS the highest; "
          f"regpool {r['binary']}")
    rows = (("full", "regpool run --full (every centre read)"),
            ("incremental", "regpool run, nothing changed (8 of 8 reused)"),
            ("one_changed", f"regpool run, one centre changed ({r['changed_centre']}, 7 of 8 reused)"))
    for key, label in rows:
        s = r[key]
        ratio = "" if key == "full" else f"   ratio to full = {s['seconds'] / full:.2f}"
        flag = "  (contended)" if (s["others_cores"] or 0) > CONTENDED else ""
        print(f"  {label:<58} {s['seconds']:7.2f} s   CPU {s['cpu_seconds']:7.2f} s   peak RSS {s['rss_mib']:6.0f} MiB"
              f"{ratio}{flag}")
    print(f"  ({r['changed_centre']}'s next dump: the same patients plus {r['new_patients']} new, new file names; "
          f"the old dump is put back and re-staged between repeats: "
          + ", ".join(f"{s:.1f} s" for s, _ in r["restore_runs"]) + ")")
    print("  phases of the best run (s; from the arrival of the --log-level info lines):")
    print(f"    {'':<12} {'scan+hash':>9} {'centres':>8} {'link':>6} {'assemble+write':>14} {'staging*':>9}")
    for key, _ in rows:
        p = r[key]["phases"]
        print(f"    {key:<12} {p['scan+hash']:>9.2f} {p['centres']:>8.2f} {p['link']:>6.2f} "
              f"{p['assemble+write']:>14.2f} {p['staging']:>9.2f}")
    print("    (centres = extract+map, or read the staged result; assemble+write = from `linkage done` to exit, "
          "including the wait for staging; *staging = summed `centre staged` seconds, written in the background)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--regpool", required=True)
    ap.add_argument("--patients", type=int, default=200_000, help="patients in all centres together (default 200000)")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each scenario; the best is reported (default 2)")
    a = ap.parse_args()
    try:
        run(a.regpool, a.patients, a.repeat)
    except BenchError as e:
        sys.exit(f"bench_consortium: {e}")


if __name__ == "__main__":
    main()
