#!/usr/bin/env python3
"""Writes N fictional patients in exactly the fr-lyon export format (benchmark input).

Usage: gen_fr_lyon.py N OUTDIR [--seed S] [--pool K]

OUTDIR receives patients_2026-11-21.csv, traitements_2026-11-21.csv and greffes_2026-11-21.csv
(';' delimiter, decimal comma, dd/MM/yyyy, UTF-8) with the same headers and labels as
samples/fr-lyon, so mappings/fr-lyon.yaml maps them with zero unmapped values. The output is
fully determined by N, the seed (default 1) and the pool size. Point a pipeline's fr-lyon inbox
at OUTDIR. No planted problems; the study's exclusions occur at cohort.BENCHMARK_RATES.

Speed: K fully random patients (default 4096) are built once; each of the N output patients is
one of them, picked at random, with its own key and all its dates moved by one random offset.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cohort import render, template_pool  # noqa: E402
import frlyon_format as fr  # noqa: E402


def generate(n, outdir, seed=1, pool_size=4096):
    """Writes the three files for patients 1..n; returns the number of rows of each file."""
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    pool = template_pool(rng, max(1, min(pool_size, n)), fr.build)
    r = rng.random
    k = len(pool)
    files = fr.open_files(outdir)
    counts = [0, 0, 0]
    try:
        for i in range(1, n + 1):
            lo, hi, outs = pool[int(r() * k)]
            off = lo + int(r() * (hi - lo + 1))
            pid = fr.patient_id(i)
            for j, parts in enumerate(outs):
                if parts:
                    text = render(parts, pid, off)
                    files[j].write(text)
                    counts[j] += text.count("\n")
    finally:
        for f in files:
            f.close()
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of patients")
    ap.add_argument("outdir", help="output folder (created if needed)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--pool", type=int, default=4096, help="distinct template patients (default 4096)")
    a = ap.parse_args()
    if a.n < 0 or a.pool < 1:
        ap.error("N must be >= 0 and --pool >= 1")
    rows = generate(a.n, a.outdir, a.seed, a.pool)
    print(f"fr-lyon: {rows[0]} patients, {rows[1]} treatment lines, {rows[2]} transplants -> {a.outdir}")


if __name__ == "__main__":
    main()
