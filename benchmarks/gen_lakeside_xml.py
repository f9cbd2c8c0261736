#!/usr/bin/env python3
"""Writes N fictional patients in exactly the us-lakeside XML export format (benchmark input).

Usage: gen_lakeside_xml.py N OUTDIR [--seed S] [--pool K]

OUTDIR receives export_2026-11-21.xml (UTF-8) with the same elements, attributes and labels as
samples/us-lakeside, so mappings/us-lakeside.yaml maps it with zero unmapped values. The output
is fully determined by N, the seed (default 1) and the pool size. No planted problems; the
study's exclusions occur at cohort.BENCHMARK_RATES. Same speed trick as gen_fr_lyon.py: K random
template patients, each output patient a date-shifted copy with its own id.
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cohort import render, template_pool  # noqa: E402
import lakeside_format as ls  # noqa: E402


def generate(n, outdir, seed=1, pool_size=4096):
    """Writes the XML file for patients 1..n; returns the number of patients."""
    os.makedirs(outdir, exist_ok=True)
    rng = random.Random(seed)
    pool = template_pool(rng, max(1, min(pool_size, n)), ls.build)
    r = rng.random
    k = len(pool)
    with open(f"{outdir}/{ls.EXPORT_FILE}", "w", encoding="utf-8", newline="",
              buffering=1 << 20) as f:
        f.write(ls.HEAD)
        for i in range(1, n + 1):
            lo, hi, (parts,) = pool[int(r() * k)]
            f.write(render(parts, ls.patient_id(i), lo + int(r() * (hi - lo + 1))))
        f.write(ls.TAIL)
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of patients")
    ap.add_argument("outdir", help="output folder (created if needed)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--pool", type=int, default=4096, help="distinct template patients (default 4096)")
    a = ap.parse_args()
    if a.n < 0 or a.pool < 1:
        ap.error("N must be >= 0 and --pool >= 1")
    generate(a.n, a.outdir, a.seed, a.pool)
    print(f"us-lakeside: {a.n} patients -> {a.outdir}/{ls.EXPORT_FILE}")


if __name__ == "__main__":
    main()
