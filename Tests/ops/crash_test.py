#!/usr/bin/env python3
"""Kill `regpool run` with SIGKILL at many random moments of a build of the samples.

Usage: crash_test.py --regpool BIN --root REPO [--kills 50] [--seed 20261203] [--work DIR] [--schema FILE]

Copies pipelines/, mappings/ and samples/ of REPO into a work folder (keep_builds: 3), builds once,
then KILLS times: changes one sample export (three variants, so the build id changes and the
same id is also republished), starts `regpool run`, sends SIGKILL after a random delay between 2 %
and 110 % of a full run's duration (seeded, so the moments are the same every time), and checks
that `current` points at a build `regpool verify` accepts and that the next run succeeds and is
verified too. Prints one JSON object; exits 1 at the first failure, naming the kill and the moment.
"""
import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

VARIANT_FILE = "samples/be-gent/patienten_2026-11-21.csv"


def regpool(binary, *args, cwd=None):
    return subprocess.run([binary, *args], capture_output=True, text=True, cwd=cwd)


def prepare(root, work):
    for folder in ("pipelines", "mappings", "samples"):
        shutil.copytree(os.path.join(root, folder), os.path.join(work, folder))
    pipeline = os.path.join(work, "pipelines", "sample-nightly.yaml")
    with open(pipeline, "a", encoding="utf-8") as f:
        f.write("keep_builds: 3\n")
    with open(os.path.join(work, VARIANT_FILE), "rb") as f:
        original = f.read()
    return pipeline, original


def write_variant(work, original, index):
    """Variant 0 is the sample as shipped; 1 and 2 change one patient's marrow blasts."""
    data = original if index == 0 else original.replace(b";2,5;", f";2,{5 + index};".encode(), 1)
    with open(os.path.join(work, VARIANT_FILE), "wb") as f:
        f.write(data)


def full_run(binary, pipeline, out, what):
    r = regpool(binary, "run", pipeline, "--out", out)
    if r.returncode not in (0, 3):
        raise AssertionError(f"{what}: regpool run exited {r.returncode}: {r.stderr.strip()}")


def verify_current(binary, out, what):
    current = os.path.join(out, "current")
    if not os.path.islink(current):
        raise AssertionError(f"{what}: {current} is not a symlink")
    r = regpool(binary, "verify", current)
    if r.returncode != 0:
        target = os.readlink(current)
        raise AssertionError(f"{what}: regpool verify {current} (-> {target}) exited {r.returncode}: "
                             f"{r.stdout.strip()} {r.stderr.strip()}")
    return os.readlink(current)


def validate_audits(schema_path, builds):
    """Every line of every kept build's audit.jsonl against the JSON Schema."""
    import jsonschema
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft202012Validator(json.load(f))
    for build in builds:
        with open(os.path.join(build, "audit.jsonl"), encoding="utf-8") as f:
            for number, line in enumerate(f, start=1):
                for error in validator.iter_errors(json.loads(line)):
                    raise AssertionError(f"{build}/audit.jsonl line {number}: {error.message}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--regpool", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--work")
    parser.add_argument("--schema", help="docs/schemas/audit-event.v1.json: validate the kept builds' audit.jsonl")
    args = parser.parse_args()
    work = args.work or tempfile.mkdtemp(prefix="regpool-crash-")
    pipeline, original = prepare(args.root, work)
    out = os.path.join(work, "builds")
    rng = random.Random(args.seed)

    started = time.monotonic()
    full_run(args.regpool, pipeline, out, "first build")
    duration = time.monotonic() - started
    verify_current(args.regpool, out, "first build")

    killed = finished = 0
    targets = set()
    moments = []
    for kill in range(1, args.kills + 1):
        write_variant(work, original, kill % 3)
        delay = rng.uniform(0.02, 1.10) * duration
        moments.append(round(delay, 3))
        process = subprocess.Popen([args.regpool, "run", pipeline, "--out", out],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            process.wait(timeout=delay)
            finished += 1
            if process.returncode not in (0, 3):
                raise AssertionError(f"kill {kill}: the run ended by itself with exit {process.returncode}: "
                                     f"{process.stderr.read().decode(errors='replace').strip()}")
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)
            process.wait()
            killed += 1
        process.stderr.close()
        what = f"kill {kill} at {delay:.3f} s"
        targets.add(verify_current(args.regpool, out, what + ", before the next run"))
        full_run(args.regpool, pipeline, out, what + ", the next run")
        verify_current(args.regpool, out, what + ", after the next run")

    leftovers = [n for n in os.listdir(out) if n.startswith(".") and n != ".lock"]
    builds = sorted(n for n in os.listdir(out) if n.startswith("b-"))
    if args.schema:
        validate_audits(args.schema, [os.path.join(out, b) for b in builds])
    result = {"kills": args.kills, "killed_mid_run": killed, "finished_before_kill": finished,
              "full_run_seconds": round(duration, 3), "distinct_current_builds": len(targets),
              "builds_kept": len(builds), "leftovers": leftovers, "moments_seconds": moments}
    print(json.dumps(result))
    if leftovers or len(builds) > 3:
        sys.exit(f"after the last run: leftovers {leftovers}, {len(builds)} builds kept (keep_builds: 3)")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    try:
        main()
    except AssertionError as failure:
        sys.exit(str(failure))
