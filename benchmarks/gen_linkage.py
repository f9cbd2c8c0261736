#!/usr/bin/env python3
"""Writes a linkage benchmark: N local patients over K centres in the fr-lyon export format, with
planted cross-centre duplicates, the mappings, a pipeline with a `linkage:` section and a truth file.

Usage: gen_linkage.py N OUTDIR [--centres K] [--duplicates F] [--seed S] [--profile sample|stress]

OUTDIR receives
  <centre>/                 one inbox per centre (patients_, traitements_, greffes_2026-11-21.csv),
                            exactly the fr-lyon format (frlyon_format), keys LY0000001, LI0000001, ...
  mappings/<centre>.yaml    mappings/fr-lyon.yaml with `centre:` changed
  linkage.yaml              the pipeline (builds go to OUTDIR/builds): every centre, and a
                            linkage section (PROFILES; `sample` = the blocking passes of
                            pipelines/sample-nightly.yaml, comparisons on seven fields, EM)
  truth.csv                 every planted duplicate pair: centre_a,local_id_a,centre_b,local_id_b

The N local patients are split evenly over the centres. The first centre's patients are all
distinct persons; in every other centre a share F (default 0.15) of the patients are copies of
first-centre patients (each copied at most once into a centre) and the rest are new persons. A
copy keeps the clinical values and gets the centre's own key; with probability 0.5 its diagnosis
date and with 0.3 its LEN start date move by 1-10 days either way (diagnosis never after LEN
start), with 0.02 its birth year is one off, and with 0.05 one of SEXE, ANNEE_NAISSANCE,
DATE_DIAG, OMS, CAT_CYTO, DOSE_LEN_MG is left empty. Copies are spread over the centre's file.

Every person is a fresh cohort.make_patient (no template pool: pooled templates would make
thousands of look-alike persons that differ only by a date shift, which no real population
has). The output depends only on N, K, F and the seed. Speed: about 55 us per person, so 1M
local patients take about a minute.
"""
import argparse
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from cohort import DATES, ID, BirthYear, make_patient  # noqa: E402
import frlyon_format as fr  # noqa: E402

CENTRES = [("fr-lyon", "LY"), ("fr-lille", "LI"), ("fr-nantes", "NA"), ("fr-rennes", "RE"),
           ("fr-nancy", "NC"), ("fr-tours", "TO"), ("fr-brest", "BR"), ("fr-dijon", "DI")]
EMPTIABLE = ["SEXE", "ANNEE_NAISSANCE", "DATE_DIAG", "OMS", "CAT_CYTO", "DOSE_LEN_MG"]
_COLUMN = {name: k for k, name in enumerate(fr.PATIENT_HEADER)}
_NEEDS_QUOTES = re.compile('[;"\n\r]')


# Linkage configurations: blocking passes (on fields, sort field, window), comparisons (field,
# tolerances; categories [0]) and thresholds. `sample` (the default) blocks as
# pipelines/sample-nightly.yaml, so the figures are what users of that configuration get (with
# m/u and the prior by EM). `stress` is the engine's 10k stress test
# (Tests/RegpoolMappingTests/LinkageStressTests.swift) without birth_month and region, which
# these fr-lyon-format centres do not tell apart.
PROFILES = {
    "sample": {
        "blocking": [(["birth_year"], "len_start_date", 10), (["sex"], "diagnosis_date", 10)],
        "comparisons": [("sex", [0]), ("birth_year", [0, 1]), ("diagnosis_date", [0, 7, 31]),
                        ("len_start_date", [0, 7, 31]), ("len_initial_dose", [0]),
                        ("karyotype_category", [0]), ("who_class", [0])],
        "thresholds": (0.95, 0.5),
    },
    "stress": {
        "blocking": [(["sex", "birth_year"], "len_start_date", 10), (["sex", "birth_year"], "diagnosis_date", 10),
                     (["sex"], "len_start_date", 5), (["sex"], "diagnosis_date", 5)],
        "comparisons": [("sex", [0]), ("birth_year", [0, 1]), ("diagnosis_date", [0, 3, 10, 31]),
                        ("len_start_date", [0, 3, 10, 31]), ("len_initial_dose", [0]),
                        ("karyotype_category", [0]), ("who_class", [0])],
        "thresholds": (0.85, 0.3),
    },
}


def linkage_section(profile="sample"):
    """The pipeline's `linkage:` section of a profile (m/u and prior estimated by EM)."""
    config = PROFILES[profile]
    lines = ["linkage:", "  probabilistic:", f"    blocking:                      # profile {profile}"]
    for on, sort, window in config["blocking"]:
        lines += [f"      - on: [{', '.join(on)}]", f"        sort: {sort}", f"        window: {window}"]
    lines.append("    comparisons:")
    for field, levels in config["comparisons"]:
        lines.append(f"      - field: {field}")
        if levels != [0]:
            lines.append(f"        levels: [{', '.join(map(str, levels))}]")
    link, review = config["thresholds"]
    lines += ["    estimate: em", f"    thresholds: {{link: {link}, review: {review}}}"]
    return "\n".join(lines) + "\n"


def centre_ids(k):
    """The ids of the first k centres."""
    return [c for c, _ in CENTRES[:k]]


def write_pipeline(outdir, data, centres, builds, profile="sample", key=None):
    """Writes OUTDIR/mappings/<centre>.yaml and OUTDIR/linkage.yaml (inboxes DATA/<centre>, builds
    to BUILDS, the profile's linkage section); returns the pipeline's path."""
    key = key or os.path.join(ROOT, "samples", "keys", "TEST-KEY-NOT-FOR-REAL-DATA.txt")
    with open(os.path.join(ROOT, "mappings", "fr-lyon.yaml"), encoding="utf-8") as f:
        mapping = f.read()
    os.makedirs(os.path.join(outdir, "mappings"), exist_ok=True)
    lines = ["version: 1", "name: bench-linkage", f"output: {builds}", "pseudonym_key:", f"  file: {key}",
             "centres:"]
    for centre in centres:
        text, n = re.subn(r"(?m)^centre: fr-lyon$", f"centre: {centre}", mapping)
        if n != 1:
            sys.exit("mappings/fr-lyon.yaml: expected one line `centre: fr-lyon`")
        path = os.path.join(outdir, "mappings", f"{centre}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        lines += [f"  - id: {centre}", "    region: europe", "    cohort_source: registry",
                  f"    inbox: {os.path.join(data, centre)}", f"    mapping: {path}"]
    pipeline = os.path.join(outdir, "linkage.yaml")
    with open(pipeline, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n" + linkage_section(profile))
    return pipeline


def _text(f, pid):
    """One field's text (a part of frlyon_format: text, date part, the key marker or a birth year)."""
    c = f.__class__
    if c is str:
        return '"' + f.replace('"', '""') + '"' if _NEEDS_QUOTES.search(f) else f
    if c is tuple:
        return DATES[f[1]][f[0]]
    if f is ID:
        return pid
    if c is BirthYear:
        return str(f.year)
    return f


def _rows(rows, pid):
    return "".join(";".join(_text(f, pid) for f in row) + "\n" for row in rows)


def perturb(p, rng):
    """A copy of patient p as another centre records it: (patient, emptied column or None)."""
    q = dict(p)
    r = rng.random
    if r() < 0.5:
        q["diagnosis_date"] = min(p["diagnosis_date"] + _shift(rng), q["len_start"])
    if r() < 0.3:
        start = max(p["len_start"] + _shift(rng), q["diagnosis_date"])
        q["len_start"] = start
    if r() < 0.02:
        q["birth_year"] = p["birth_year"] + (1 if r() < 0.5 else -1)
    empty = rng.choice(EMPTIABLE) if r() < 0.05 else None
    return q, empty


def _shift(rng):
    d = rng.randint(1, 10)
    return d if rng.random() < 0.5 else -d


def _write(files, p, pid, empty=None):
    row = fr.patient_fields(p)
    if empty:
        row[_COLUMN[empty]] = ""
    files[0].write(_rows([row], pid))
    files[1].write(_rows(fr.treatment_fields(p), pid))
    files[2].write(_rows(fr.transplant_fields(p), pid))


def sizes(n, k, share):
    """Local patients per centre and copies per centre (the first centre has none)."""
    per = [n // k + (1 if c < n % k else 0) for c in range(k)]
    copies = [0] + [min(round(share * per[c]), per[0]) for c in range(1, k)]
    return per, copies


def generate(n, outdir, k=2, share=0.15, seed=1):
    """Writes the inboxes and truth.csv; returns (local patients per centre, planted pairs)."""
    if not 2 <= k <= len(CENTRES):
        raise ValueError(f"centres must be 2..{len(CENTRES)}")
    rng = random.Random(seed)
    r = rng.random
    per, copies = sizes(n, k, share)
    centres = CENTRES[:k]
    files = []
    for centre, _ in centres:
        os.makedirs(os.path.join(outdir, centre), exist_ok=True)
        files.append(fr.open_files(os.path.join(outdir, centre)))
    written = [0] * k
    # Events still to draw: a first-centre person (with its copies), or a new person of centre c.
    remaining = [per[0]] + [per[c] - copies[c] for c in range(1, k)]
    to_copy = list(copies)
    truth = open(os.path.join(outdir, "truth.csv"), "w", encoding="utf-8", newline="")
    truth.write("centre_a,local_id_a,centre_b,local_id_b\n")
    pairs = 0
    try:
        total = sum(remaining)
        while total:
            x = int(r() * total)
            c = 0
            while x >= remaining[c]:
                x -= remaining[c]
                c += 1
            remaining[c] -= 1
            total -= 1
            p = make_patient(rng)
            members = [(c, _key(centres, written, c))]
            _write(files[c], p, members[0][1])
            if c == 0:
                left = remaining[0] + 1     # first-centre persons not yet drawn, this one included
                for d in range(1, k):
                    if to_copy[d] and r() * left < to_copy[d]:
                        to_copy[d] -= 1
                        q, empty = perturb(p, rng)
                        members.append((d, _key(centres, written, d)))
                        _write(files[d], q, members[-1][1], empty)
            for i, (ca, ka) in enumerate(members):
                for cb, kb in members[i + 1:]:
                    truth.write(f"{centres[ca][0]},{ka},{centres[cb][0]},{kb}\n")
                    pairs += 1
    finally:
        truth.close()
        for group in files:
            for f in group:
                f.close()
    return written, pairs


def _key(centres, written, c):
    written[c] += 1
    return f"{centres[c][1]}{written[c]:07d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="local patients in all centres together")
    ap.add_argument("outdir", help="output folder (created if needed)")
    ap.add_argument("--centres", type=int, default=2, help=f"centres, 2..{len(CENTRES)} (default 2)")
    ap.add_argument("--duplicates", type=float, default=0.15,
                    help="share of a non-first centre's patients copied from the first centre (default 0.15)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--profile", choices=sorted(PROFILES), default="sample",
                    help="the pipeline's linkage configuration (default sample)")
    a = ap.parse_args()
    if a.n < a.centres or not 0 <= a.duplicates <= 1 or not 2 <= a.centres <= len(CENTRES):
        ap.error(f"need N >= centres, 0 <= duplicates <= 1 and 2 <= centres <= {len(CENTRES)}")
    written, pairs = generate(a.n, a.outdir, a.centres, a.duplicates, a.seed)
    out = os.path.abspath(a.outdir)
    pipeline = write_pipeline(out, out, centre_ids(a.centres), os.path.join(out, "builds"), a.profile)
    print(f"linkage set: {sum(written)} local patients {written}, {pairs} planted pairs -> {pipeline}")


if __name__ == "__main__":
    main()
