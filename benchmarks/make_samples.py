#!/usr/bin/env python3
"""Rebuilds samples/fr-lyon and samples/us-lakeside (small, fictional, with planted problems).

Usage: make_samples.py [SAMPLES_DIR]    (default: ../samples next to this folder)

The samples are committed; this script documents exactly how they were made and rebuilds them
byte for byte. It draws patients from cohort.make_patient with the study's exclusions switched
off, tries seeds 1, 2, ... until the cohort has the shape the tests rely on (about 30 treatment
lines, a few transplants, an ESA combination, an AML progression, ...), then plants, by hand:

fr-lyon (24 patients)      LY0005 RAEB-2 at LEN start; LY0009 LEN + azacitidine;
                           LY0013 no documented failure; LY0017 ragged row (field DATE_LAM
                           left out, 32 fields instead of 33); LY0021 SEXE "I" (not in the map);
                           habits, not errors: STATUT in varied case/accents, two local LEN
                           schedules ("J1-J14/21", "1 jour sur 2")
us-lakeside (22 patients)  LS-004 RAEB-2 at LEN start; LS-008 LEN as post-transplant
                           maintenance; LS-011 del(5q) not shown; 14th <patient> without id;
                           the first intensive-chemotherapy line answered "CR" says "CRi"
                           (not in the map); habits, not errors: two partial diagnosis
                           dates (yyyy-MM, yyyy), three best responses in varied case

It prints where each planted problem landed (file line, XML path); samples/README.md and
samples/EXPECTED.md quote those numbers.
"""
import csv
import datetime as dt
import itertools
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cohort  # noqa: E402
from cohort import NO_EXCLUSIONS, EXPORT, make_patient, render  # noqa: E402
import frlyon_format as fr  # noqa: E402
import lakeside_format as ls  # noqa: E402

FR_N, LS_N = 24, 22
FR_RAEB2, FR_HMA, FR_NO_FAILURE, FR_RAGGED, FR_SEX = 4, 8, 12, 16, 20     # 0-based
LS_RAEB2, LS_MAINT, LS_NO_DEL5Q, LS_NO_ID = 3, 7, 10, 13


def _no_failure(p):
    """Still on LEN and responding at last contact: no failure, no later lines."""
    p.update(best_response="cr", cytogenetic_response="complete", failure_date=None,
             failure_type=None, progression_to=None, len_end=None, aml_date=None,
             vital_status="alive", death_date=None, last_contact=EXPORT - 35, lines=[],
             transplants=[])


def _raeb2(p, blasts):
    p.update(who_class="raeb2", bm_blasts_pct=blasts, ipss_risk="int2")


def _fr_cohort(seed):
    rng = random.Random(seed)
    ps = [make_patient(rng, NO_EXCLUSIONS) for _ in range(FR_N)]
    _raeb2(ps[FR_RAEB2], 12.0)
    ps[FR_HMA]["combined_with"] = "hma"
    _no_failure(ps[FR_NO_FAILURE])
    ps[FR_RAGGED].update(lines=[], transplants=[])
    return ps


def _fr_ok(ps):
    lines = [l for p in ps for l in p["lines"]]
    return (28 <= len(lines) <= 32
            and 2 <= sum(l["category"] == "allo_sct" for l in lines) <= 3
            and sum(p["combined_with"] == "esa" for p in ps) >= 1
            and any(p["progression_to"] == "aml" for p in ps)
            and any(p["karyotype_category"] == "fish_only" for p in ps)
            and any(";" in (p["karyotype_iscn"] or "") for p in ps)
            and any(p["initial_dose_mg"] == 5.0 for p in ps)
            and 8 <= sum(p["vital_status"] == "dead" for p in ps) <= 16
            and ps[FR_RAGGED]["aml_date"] is None)


def _fr_habits(ps):
    """The registry's typing habits, planted after the seed is chosen (they change no draw).

    STATUT retyped by hand in varied case and without accents (`fold: [case, accents]`):
    LY0001 "Décédé", LY0004 "VIVANT", LY0007 "DECEDE", LY0023 "Decede". Two local LEN
    schedules the registry's list does not name (`unknown: other`): LY0011 "J1-J14/21",
    LY0022 "1 jour sur 2".
    """
    for i, label in ((0, "Décédé"), (3, "VIVANT"), (6, "DECEDE"), (22, "Decede")):
        assert fr.STATUS[ps[i]["vital_status"]].lower() in (label.lower(), "décédé")
        ps[i]["status_label"] = label
    for i, label in ((10, "J1-J14/21"), (21, "1 jour sur 2")):
        ps[i].update(schedule="other", schedule_label=label)


def _write_fr(ps, outdir):
    os.makedirs(outdir, exist_ok=True)
    files = fr.open_files(outdir)
    for i, p in enumerate(ps):
        pid = fr.patient_id(i + 1)
        fields = fr.patient_fields(p)
        if i == FR_SEX:
            fields[1] = "I"                          # planted: a sex label not in the map
        if i == FR_RAGGED:
            del fields[fr.PATIENT_HEADER.index("DATE_LAM")]   # planted: ragged row
        files[0].write(render(fr.csv_parts([fields]), pid, 0))
        files[1].write(render(fr.csv_parts(fr.treatment_fields(p)), pid, 0))
        files[2].write(render(fr.csv_parts(fr.transplant_fields(p)), pid, 0))
    # planted: a treatment line whose key (a slip for LY0024) names no patient (T3009)
    files[1].write("LY0240;1;Agent hypométhylant;Azacitidine;02/02/2021;15/09/2021;MS\n")
    for f in files:
        f.close()


def _ls_cohort(seed):
    rng = random.Random(seed)
    ps = [make_patient(rng, NO_EXCLUSIONS) for _ in range(LS_N)]
    _raeb2(ps[LS_RAEB2], 14.0)
    ps[LS_MAINT].update(setting="maintenance_after_transplant", who_class="raeb1",
                        bm_blasts_pct=6.0)
    p = ps[LS_NO_DEL5Q]
    p.update(karyotype_category="no_del5q", del5q_method="none",
             karyotype_iscn="46,XX[20]" if p["sex"] == "female" else "46,XY[20]")
    if p["who_class"] == "del5q_syndrome":
        p["who_class"] = "rcmd"
    ps[LS_NO_ID]["lines"] = ps[LS_NO_ID]["lines"][:1]
    ps[LS_NO_ID]["transplants"] = []
    cri = _cri_patient(ps)
    if cri is not None:
        next(l for l in ps[cri]["lines"] if _is_cri(l))["response_label"] = "CRi"
    return ps, cri


def _ls_habits(ps):
    """The trial's data-entry habits, planted after the seed is chosen (they change no draw).

    Diagnosis dates known only to the month or the year for patients diagnosed elsewhere
    (mapped with `partial:`; imputed to the 15th or to 1 July, which stays before LEN start):
    the first two unplanted patients whose imputed date is still before their LEN start.
    Best responses typed in varied case by one site ("Hi-E", "cr", "Sd"; `fold: case`).
    """
    planted = {LS_RAEB2, LS_MAINT, LS_NO_DEL5Q, LS_NO_ID}
    month, year = None, None
    for i, p in enumerate(ps):
        d = dt.date.fromordinal(p["diagnosis_date"])
        start = dt.date.fromordinal(p["len_start"])
        if i in planted:
            continue
        if month is None and d.replace(day=15) < start:
            month, p["diagnosis_label"] = i, d.strftime("%Y-%m")
        elif year is None and dt.date(d.year, 7, 1) < start:
            year, p["diagnosis_label"] = i, d.strftime("%Y")
    typed = {"hi_e": "Hi-E", "cr": "cr", "sd": "Sd"}
    for label in typed:
        p = next(p for i, p in enumerate(ps) if i not in planted and p["best_response"] == label
                 and "best_response_label" not in p and "diagnosis_label" not in p)
        p["best_response_label"] = typed[label]
    return month, year


def _is_cri(line):
    return line["category"] == "chemotherapy_intensive" and line["response"] == "cr"


def _cri_patient(ps):
    planted = {LS_RAEB2, LS_MAINT, LS_NO_DEL5Q, LS_NO_ID}
    return next((i for i, p in enumerate(ps) if i not in planted and any(map(_is_cri, p["lines"]))), None)


def _ls_ok(ps, cri):
    lines = [l for p in ps for l in p["lines"]]
    nid = ps[LS_NO_ID]["lines"]
    return (cri is not None and 24 <= len(lines) <= 34
            and len(nid) == 1 and nid[0]["category"] != "allo_sct"
            and not ps[LS_MAINT]["transplants"]
            and 2 <= sum(len(p["transplants"]) for p in ps) <= 4
            and any(p["transplants"] and p["transplants"][0]["relapse_date"] for p in ps)
            and any(p["combined_with"] == "esa" for p in ps)
            and 7 <= sum(p["vital_status"] == "dead" for p in ps) <= 15)


def _write_ls(ps, outdir):
    os.makedirs(outdir, exist_ok=True)
    with open(f"{outdir}/{ls.EXPORT_FILE}", "w", encoding="utf-8", newline="") as f:
        f.write(ls.HEAD)
        for i, p in enumerate(ps):
            (parts,) = ls.build(p, key=(i != LS_NO_ID))
            f.write(render(parts, ls.patient_id(i + 1), 0))
        f.write(ls.TAIL)


def _first_seed(make, ok):
    for seed in itertools.count(1):
        made = make(seed)
        if ok(*made) if isinstance(made, tuple) else ok(made):
            return seed, made


def _report(samples):
    print("fr-lyon planted:")
    with open(f"{samples}/fr-lyon/{fr.PATIENTS_FILE}", encoding=fr.ENCODINGS[fr.PATIENTS_FILE][0], newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter=";"), 1):
            if len(row) != len(fr.PATIENT_HEADER) or row[1] == "I":
                print(f"  {fr.PATIENTS_FILE} line {n}: {len(row)} fields: {';'.join(row)}")
    print("us-lakeside planted:")
    k = 0
    with open(f"{samples}/us-lakeside/{ls.EXPORT_FILE}", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("  <patient"):
                k += 1
                if "id=" not in line:
                    print(f"  line {n}: /registry/patient[{k}] has no id")
            if "CRi" in line:
                print(f"  line {n}: /registry/patient[{k}]: {line.strip()}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    samples = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "samples")
    seed, ps = _first_seed(_fr_cohort, _fr_ok)
    _fr_habits(ps)
    _write_fr(ps, f"{samples}/fr-lyon")
    print(f"fr-lyon: seed {seed}")
    seed, (ps, cri) = _first_seed(_ls_cohort, _ls_ok)
    month, year = _ls_habits(ps)
    print(f"us-lakeside: diagnosis yyyy-MM in {ls.patient_id(month + 1)}, yyyy in {ls.patient_id(year + 1)}")
    _write_ls(ps, f"{samples}/us-lakeside")
    print(f"us-lakeside: seed {seed}, CRi in {ls.patient_id(cri + 1)}")
    _report(samples)


if __name__ == "__main__":
    main()
