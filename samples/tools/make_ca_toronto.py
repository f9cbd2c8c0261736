#!/usr/bin/env python3
"""Writes samples/ca-toronto/: a fictional REDCap project export (raw codes) and its data dictionary.

MDSLEN, a Canadian compassionate-use programme of lenalidomide-refractory lower-risk del(5q) MDS:
20 patients, base rows (demographics, baseline, len_course, follow_up) and the repeating instrument
treatment_lines (1-3 instances per patient). Deterministic: rebuilds the files byte for byte.
Planted: TOR-008 received LEN as maintenance after an allogeneic transplant (len_setting = 2),
which excludes the patient (len_maintenance_after_transplant). Planted for linkage
(samples/tools/planted_links.py, issue 5), after the 20 drawn patients: TOR-021, the programme's
record of us-lakeside trial patient LS-022 (no shared id, dates 2-4 days later, sex not recorded),
and TOR-022, a near-twin of LS-019 (another person: same sex and birth year, dates 18-21 days
later, other dose, karyotype category and WHO class). Also writes samples/linkage-truth.csv.
"""
import csv
import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import planted_links  # noqa: E402
from cohort import fmt_num  # noqa: E402  (planted_links puts benchmarks/ on the path)

OUT = os.path.join(HERE, "..", "ca-toronto")
DATA = "MDSLEN_DATA_2026-11-21_1200.csv"
DICT = "MDSLEN_DataDictionary_2026-11-21.csv"

DICT_HEADER = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
               "Choices, Calculations, OR Slider Labels", "Field Note",
               "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
               "Identifier?", "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
               "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation"]

def ch(*labels, codes=None):
    codes = codes or range(1, len(labels) + 1)
    return " | ".join(f"{c}, {l}" for c, l in zip(codes, labels))

# (variable, form, type, label, choices, validation)
FIELDS = [
    ("record_id", "demographics", "text", "Programme record ID", "", ""),
    ("sex", "demographics", "radio", "Sex", ch("Male", "Female"), ""),
    ("birth_year", "demographics", "text", "Year of birth", "", "integer"),
    ("diagnosis_date", "baseline", "text", "Date of MDS diagnosis", "", "date_ymd"),
    ("who_class", "baseline", "radio", "WHO 2008 classification at LEN start",
     ch("RA", "RARS", "RCMD", "MDS with isolated del(5q)", "RAEB-1", "RAEB-2", "AML", "MDS-U"), ""),
    ("therapy_related", "baseline", "yesno", "Therapy-related MDS?", "", ""),
    ("bm_blasts_pct", "baseline", "text", "Bone marrow blasts (%)", "", "number"),
    ("del5q_method", "baseline", "radio", "del(5q) shown by", ch("Karyotype", "FISH", "Not shown"), ""),
    ("karyotype_cat", "baseline", "radio", "Karyotype category",
     ch("Isolated del(5q)", "del(5q) + 1 additional abnormality", "Complex, with del(5q)", "FISH only", "No del(5q)"), ""),
    ("karyotype", "baseline", "notes", "Karyotype (ISCN)", "", ""),
    ("ipss", "baseline", "dropdown", "IPSS at LEN start",
     ch("Low", "Intermediate-1", "Intermediate-2", "High", "Unknown", codes=[1, 2, 3, 4, 99]), ""),
    ("tp53", "baseline", "radio", "TP53", ch("Mutated", "Wild type", "Not tested"), ""),
    ("hb_g_dl", "baseline", "text", "Haemoglobin (g/dL)", "", "number"),
    ("plt", "baseline", "text", "Platelets (x10^9/L)", "", "number"),
    ("anc", "baseline", "text", "Neutrophils (x10^9/L)", "", "number"),
    ("rbc_td", "baseline", "yesno", "RBC transfusion dependent?", "", ""),
    ("prior_tx", "baseline", "checkbox", "Treatment before LEN (check all that apply)",
     ch("ESA", "HMA", "Other"), ""),
    ("len_start", "len_course", "text", "LEN start date", "", "date_ymd"),
    ("len_end", "len_course", "text", "LEN stop date", "", "date_ymd"),
    ("len_dose_mg", "len_course", "text", "Starting dose (mg)", "", "number"),
    ("len_schedule", "len_course", "radio", "Schedule", ch("Days 1-21 of 28", "Continuous", "Other"), ""),
    ("len_combined", "len_course", "radio", "Another active drug given with LEN?",
     ch("No", "Yes, with ESA", "Yes, with HMA", "Yes, with chemotherapy"), ""),
    ("len_setting", "len_course", "radio", "Setting", ch("Primary", "Maintenance after allogeneic SCT"), ""),
    ("len_response", "len_course", "radio", "Best response to LEN (IWG 2006)",
     ch("CR", "PR", "HI-E", "Stable disease", "Progressive disease", "Not evaluable"), ""),
    ("cyto_response", "len_course", "radio", "Cytogenetic response",
     ch("Complete", "Partial", "None", "Not assessed"), ""),
    ("failure_date", "len_course", "text", "Date of LEN failure", "", "date_ymd"),
    ("failure_type", "len_course", "radio", "Type of failure",
     ch("No response", "Loss of response", "Intolerance", "Progression"), ""),
    ("progression_to", "len_course", "radio", "Progression to", ch("RAEB-2", "AML"), ""),
    ("aml_date", "follow_up", "text", "Date of AML transformation", "", "date_ymd"),
    ("vital_status", "follow_up", "radio", "Vital status", ch("Alive", "Dead"), ""),
    ("death_date", "follow_up", "text", "Date of death", "", "date_ymd"),
    ("last_contact", "follow_up", "text", "Date of last contact", "", "date_ymd"),
    ("tl_category", "treatment_lines", "radio", "Treatment category",
     ch("Best supportive care", "Hypomethylating agent", "Intensive chemotherapy", "Low-dose chemotherapy",
        "ESA", "Allogeneic SCT", "Other / clinical trial"), ""),
    ("tl_agent", "treatment_lines", "dropdown", "Agent",
     ch("Azacitidine", "Decitabine", "Cytarabine, low dose", "Cytarabine + daunorubicin (7+3)",
        "Epoetin alfa", "Darbepoetin alfa", "Investigational agent"), ""),
    ("tl_start", "treatment_lines", "text", "Start date", "", "date_ymd"),
    ("tl_end", "treatment_lines", "text", "Stop date", "", "date_ymd"),
    ("tl_response", "treatment_lines", "radio", "Best response",
     ch("CR", "PR", "HI", "SD", "PD", "NE"), ""),
]
FORMS = ["demographics", "baseline", "len_course", "follow_up", "treatment_lines"]

def columns():
    cols = ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance"]
    for form in FORMS:
        for var, f, typ, *_ in FIELDS:
            if f != form or var == "record_id":
                continue
            cols += [f"{var}___{c}" for c in (1, 2, 3)] if typ == "checkbox" else [var]
        cols.append(f"{form}_complete")
    return cols

def d(x):
    return x.isoformat() if x else ""

def patient(rng, n):
    pid = f"TOR-{n:03d}"
    diag = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(0, 8 * 365))
    start = diag + dt.timedelta(days=rng.randrange(60, 360))
    resp = rng.choice([1, 2, 3, 3, 3, 4, 4, 5, 6])
    ftype = {1: 2, 2: 2, 3: 2, 4: 1, 5: 4, 6: 1}[resp]
    if rng.random() < 0.15:
        ftype = 3
    dur = rng.randrange(120, 240) if ftype in (1, 3, 4) else rng.randrange(300, 1400)
    end = start + dt.timedelta(days=dur)
    fail = end - dt.timedelta(days=rng.randrange(3, 15))
    who = rng.choice([4, 4, 4, 1, 1, 3, 5])
    blasts = {5: rng.choice([5.5, 6, 7, 8])}.get(who, rng.choice([0.5, 1, 1.5, 2, 3, 4]))
    method = rng.choice([1, 1, 1, 2])
    cat = 4 if method == 2 else rng.choice([1, 1, 1, 2])
    sex = rng.choice([1, 2, 2])
    xx = "XY" if sex == 1 else "XX"
    kary = "" if method == 2 else (f"46,{xx},del(5)(q13q33)[{rng.randrange(12, 20)}]/46,{xx}[{rng.randrange(1, 8)}]"
                                    if cat == 1 else f"47,{xx},+8,del(5)(q13q33)[15]/46,{xx}[5]")
    row = {
        "record_id": pid, "sex": sex, "birth_year": rng.randrange(1935, 1966), "diagnosis_date": d(diag),
        "who_class": who, "therapy_related": rng.choice([0, 0, 0, 0, 1]), "bm_blasts_pct": blasts,
        "del5q_method": method, "karyotype_cat": cat, "karyotype": kary,
        "ipss": rng.choice([1, 1, 2, 2, 99]) if who != 5 else 2, "tp53": rng.choice([1, 2, 2, 2, 3]),
        "hb_g_dl": rng.choice([7.8, 8.1, 8.4, 8.9, 9.2, 9.6, 10.3]), "plt": rng.randrange(90, 420),
        "anc": rng.choice([0.9, 1.4, 1.8, 2.2, 2.7, 3.1]), "rbc_td": rng.choice([1, 1, 1, 0]),
        "prior_tx___1": rng.choice([1, 1, 0]), "prior_tx___2": rng.choice([0, 0, 0, 1]), "prior_tx___3": 0,
        "len_start": d(start), "len_end": d(end), "len_dose_mg": rng.choice([10, 10, 10, 5]),
        "len_schedule": rng.choice([1, 1, 1, 2]), "len_combined": rng.choice([1, 1, 1, 1, 2]),
        "len_setting": 1, "len_response": resp,
        "cyto_response": {1: 1, 2: 2}.get(resp, rng.choice([3, 3, 4])),
        "failure_date": d(fail), "failure_type": ftype, "progression_to": rng.choice([1, 2]) if ftype == 4 else "",
    }
    return row, fail

LINES = [(1, "", None), (2, 1, None), (2, 2, None), (4, 3, None), (3, 4, None), (5, 5, None),
         (5, 6, None), (7, 7, None)]

def lines(rng, fail, n_lines):
    out, t = [], fail + dt.timedelta(days=rng.randrange(10, 60))
    for i in range(n_lines):
        cat, agent, _ = rng.choice(LINES)
        if cat == 1:
            agent, resp = "", ""
        else:
            resp = rng.choice([1, 2, 3, 4, 4, 5, 6])
        end = t + dt.timedelta(days=rng.randrange(60, 400))
        out.append({"tl_category": cat, "tl_agent": agent, "tl_start": d(t), "tl_end": d(end), "tl_response": resp})
        t = end + dt.timedelta(days=rng.randrange(7, 45))
    return out, t

# The REDCap codes (FIELDS' choice lists) of the CDM values of a cohort.py patient.
CODES = {
    "sex": {"male": 1, "female": 2, None: ""},
    "who_class": {"ra": 1, "rars": 2, "rcmd": 3, "del5q_syndrome": 4, "raeb1": 5, "raeb2": 6, "aml": 7, "other": 8},
    "yesno": {True: 1, False: 0},
    "del5q_method": {"karyotype": 1, "fish": 2, "none": 3},
    "karyotype_cat": {"isolated_del5q": 1, "del5q_plus_one": 2, "complex_del5q": 3, "fish_only": 4, "no_del5q": 5},
    "ipss": {"low": 1, "int1": 2, "int2": 3, "high": 4, None: 99},
    "tp53": {"mutated": 1, "wild_type": 2, None: 3},
    "len_schedule": {"d1_21_q28": 1, "continuous": 2, "other": 3},
    "len_combined": {"none": 1, "esa": 2, "hma": 3, "chemotherapy": 4},
    "len_setting": {"primary": 1, "maintenance_after_transplant": 2},
    "len_response": {"cr": 1, "pr": 2, "hi_e": 3, "sd": 4, "pd": 5, "ne": 6},
    "cyto_response": {"complete": 1, "partial": 2, "none": 3, None: 4},
    "failure_type": {"no_response": 1, "loss_of_response": 2, "intolerance": 3, "progression": 4, None: ""},
    "progression_to": {"raeb2": 1, "aml": 2, None: ""},
    "vital_status": {"alive": 1, "dead": 2},
    "tl_category": {"bsc": 1, "hma": 2, "chemotherapy_intensive": 3, "chemotherapy_low_dose": 4, "esa": 5,
                    "allo_sct": 6, "other": 7},
    "tl_response": {"cr": 1, "pr": 2, "hi": 3, "sd": 4, "pd": 5, "ne": 6, None: ""},
}
# tl_agent: "Cytarabine, low dose" (3) or "... (7+3)" (4) by category; the dropdown has no code for
# the other agents of an "Other / clinical trial" line but an investigational one (left empty).
AGENT_CODES = {"azacitidine": 1, "decitabine": 2, "epoetin_alfa": 5, "darbepoetin_alfa": 6, "investigational": 7}


def od(ordinal):
    """A cohort.py date (ordinal) as yyyy-MM-dd ("" when not known)."""
    return "" if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def planted_base(p, pid):
    """The base row of a planted patient (a cohort.py dict), in the programme's raw codes."""
    c = CODES
    return {
        "record_id": pid, "sex": c["sex"][p["sex"]], "birth_year": p["birth_year"], "diagnosis_date": od(p["diagnosis_date"]),
        "who_class": c["who_class"][p["who_class"]], "therapy_related": c["yesno"][p["therapy_related"]],
        "bm_blasts_pct": fmt_num(p["bm_blasts_pct"]), "del5q_method": c["del5q_method"][p["del5q_method"]],
        "karyotype_cat": c["karyotype_cat"][p["karyotype_category"]], "karyotype": p["karyotype_iscn"] or "",
        "ipss": c["ipss"][p["ipss_risk"]], "tp53": c["tp53"][p["tp53_status"]], "hb_g_dl": fmt_num(p["hb_g_dl"]),
        "plt": fmt_num(p["platelets_g_l"]), "anc": fmt_num(p["anc_g_l"]), "rbc_td": c["yesno"][p["rbc_transfusion_dependent"]],
        "prior_tx___1": int(p["prior_esa"]), "prior_tx___2": int(p["prior_hma"]), "prior_tx___3": 0,
        "len_start": od(p["len_start"]), "len_end": od(p["len_end"]), "len_dose_mg": fmt_num(p["initial_dose_mg"]),
        "len_schedule": c["len_schedule"][p["schedule"]], "len_combined": c["len_combined"][p["combined_with"]],
        "len_setting": c["len_setting"][p["setting"]], "len_response": c["len_response"][p["best_response"]],
        "cyto_response": c["cyto_response"][p["cytogenetic_response"]], "failure_date": od(p["failure_date"]),
        "failure_type": c["failure_type"][p["failure_type"]], "progression_to": c["progression_to"][p["progression_to"]],
        "aml_date": od(p["aml_date"]), "vital_status": c["vital_status"][p["vital_status"]],
        "death_date": od(p["death_date"]), "last_contact": od(p["last_contact"]),
    }


def planted_lines(p):
    """The treatment_lines instances of a planted patient."""
    out = []
    for line in p["lines"]:
        cat, agent = line["category"], line["agent"]
        if agent == "cytarabine":
            code = 4 if cat == "chemotherapy_intensive" else 3
        else:
            code = AGENT_CODES.get(agent, "")
        out.append({"tl_category": CODES["tl_category"][cat], "tl_agent": code, "tl_start": od(line["start"]),
                    "tl_end": od(line["end"]), "tl_response": CODES["tl_response"][line["response"]]})
    return out


def append_record(rows, cols, base, tls):
    """Appends a base row and its treatment_lines instances (every form complete)."""
    for form in FORMS[:4]:
        base[f"{form}_complete"] = 2
    rows.append({c: base.get(c, "") for c in cols})
    for i, tl in enumerate(tls, 1):
        tl.update({"record_id": base["record_id"], "redcap_repeat_instrument": "treatment_lines",
                   "redcap_repeat_instance": i, "treatment_lines_complete": 2})
        rows.append({c: tl.get(c, "") for c in cols})


def main():
    rng = random.Random(20261121)
    cols = columns()
    rows = []
    for n in range(1, 21):
        base, fail = patient(rng, n)
        tls, after = lines(rng, fail, rng.choice([1, 1, 2, 2, 3]))
        if n == 8:   # planted: LEN as maintenance after an allogeneic transplant
            base["len_setting"] = 2
        if n == 3:   # a label with commas in the dictionary: LEN given with an ESA (allowed)
            base["len_combined"] = 2
        dead = rng.random() < 0.6
        last = after + dt.timedelta(days=rng.randrange(30, 500))
        last = min(last, dt.date(2026, 10, 15))
        prog = base["failure_type"] == 4 and base["progression_to"] == 2
        base.update({"aml_date": d(fail + dt.timedelta(days=20)) if prog else "",
                     "vital_status": 2 if dead else 1, "death_date": d(last) if dead else "", "last_contact": d(last)})
        append_record(rows, cols, base, tls)
    for pid, p in planted_links.toronto_planted():       # TOR-021, TOR-022
        append_record(rows, cols, planted_base(p, pid), planted_lines(p))
    planted_links.write_truth(os.path.join(HERE, ".."))
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, DATA), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(cols)
        for r in rows:
            w.writerow([r[c] for c in cols])
    with open(os.path.join(OUT, DICT), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(DICT_HEADER)
        for var, form, typ, label, choices, valid in FIELDS:
            w.writerow([var, form, "", typ, label, choices, "", valid] + [""] * 10)

main()
