"""Fictional lower-risk del(5q) MDS patients after lenalidomide failure (Python stdlib only).

One patient is a plain dict of CDM-like values (CDM tokens, dates as proleptic ordinals, numbers
in CDM units). The format writers (frlyon_format, lakeside_format) turn it into a centre's labels.
Everything is drawn from one random.Random, so a seed gives the same cohort on every run.

Clinical shape (plausible, not real): ages 45-88, mostly female, mostly isolated del(5q),
Hb 7-11 g/dL, platelets 50-450 x10^9/L, blasts mostly < 5 %; LEN 10 mg d1-21/28 (sometimes 5 mg
continuous); IWG 2006 responses; the four failure types of the study; later lines, transplants,
survival. Dates always in order: diagnosis <= LEN start <= failure <= later lines <= last contact.
"""
import datetime as _dt

EXPORT_DATE = _dt.date(2026, 11, 21)
EXPORT = EXPORT_DATE.toordinal()
_LEN_FIRST = _dt.date(2008, 1, 7).toordinal()
_LEN_LAST = _dt.date(2022, 6, 30).toordinal()

# Rates of the study's exclusion criteria; the samples set them to zero and plant by hand.
BENCHMARK_RATES = {
    "raeb2": 0.02,          # RAEB-2 at LEN start
    "hma_combo": 0.015,     # LEN given with azacitidine/decitabine
    "no_failure": 0.02,     # still responding, no documented failure
    "maintenance": 0.005,   # LEN as maintenance after transplant
    "no_del5q": 0.01,       # del(5q) not shown
}
NO_EXCLUSIONS = {k: 0.0 for k in BENCHMARK_RATES}


def _weighted(rng, pairs):
    """Picks a value from [(value, weight), ...] (weights sum to 1)."""
    x = rng.random()
    for value, w in pairs:
        x -= w
        if x < 0:
            return value
    return pairs[-1][0]


_WHO = [("del5q_syndrome", 0.55), ("rcmd", 0.16), ("ra", 0.10), ("raeb1", 0.12), ("rars", 0.03),
        ("other", 0.04)]
_KARYO = [("isolated_del5q", 0.70), ("del5q_plus_one", 0.18), ("complex_del5q", 0.07),
          ("fish_only", 0.05)]
_PLUS_ONE = ["+8", "del(20)(q11q13)", "-Y", "del(11)(q14q23)", "t(1;3)(p36;q21)"]
_COMPLEX = ["-7,del(17)(p11)", "+8,-18,del(12)(p12)", "der(7)t(5;7)(q11;q11),-13",
            "-17,+21,del(20)(q11)"]
_DEL5Q = ["del(5)(q13q33)", "del(5)(q15q33)", "del(5)(q22q35)", "del(5)(q31q35)"]
_LEN_RESPONSE = [("cr", 0.40), ("hi_e", 0.22), ("pr", 0.05), ("sd", 0.20), ("pd", 0.06),
                 ("ne", 0.07)]
_LINE1 = [("hma", 0.40), ("other", 0.17), ("bsc", 0.14), ("allo_sct", 0.10), ("esa", 0.08),
          ("chemotherapy_intensive", 0.06), ("chemotherapy_low_dose", 0.05)]
_LINE1_AML = [("hma", 0.40), ("chemotherapy_intensive", 0.35), ("allo_sct", 0.15),
              ("chemotherapy_low_dose", 0.10)]
_LINE_LATER = [("hma", 0.30), ("other", 0.25), ("bsc", 0.20), ("chemotherapy_low_dose", 0.10),
               ("allo_sct", 0.08), ("chemotherapy_intensive", 0.07)]
_OTHER_AGENTS = [("thalidomide", 0.25), ("antithymocyte_globulin", 0.15), ("danazol", 0.15),
                 ("ruxolitinib", 0.10), ("investigational", 0.35)]
_LINE_RESPONSE = {
    "hma": [("cr", 0.12), ("pr", 0.05), ("hi", 0.25), ("sd", 0.35), ("pd", 0.15), ("ne", 0.08)],
    "esa": [("hi", 0.30), ("sd", 0.45), ("pd", 0.10), ("ne", 0.15)],
    "chemotherapy_low_dose": [("cr", 0.10), ("pr", 0.10), ("sd", 0.40), ("pd", 0.30), ("ne", 0.10)],
    "chemotherapy_intensive": [("cr", 0.50), ("pr", 0.10), ("pd", 0.30), ("ne", 0.10)],
    "allo_sct": [("cr", 0.80), ("ne", 0.20)],
    "other": [("hi", 0.15), ("sd", 0.45), ("pd", 0.20), ("ne", 0.20)],
}
_LINE_DAYS = {"hma": (60, 700), "esa": (60, 500), "chemotherapy_low_dose": (30, 200),
              "chemotherapy_intensive": (28, 90), "other": (30, 500)}
_DONOR = [("matched_unrelated", 0.45), ("matched_related", 0.25), ("haploidentical", 0.15),
          ("mismatched_unrelated", 0.10), ("cord_blood", 0.05)]


def _agent(rng, category):
    """The lowercase INN or class of a line (None for BSC and transplant)."""
    if category == "hma":
        return "azacitidine" if rng.random() < 0.8 else "decitabine"
    if category in ("chemotherapy_low_dose", "chemotherapy_intensive"):
        return "cytarabine"
    if category == "esa":
        return "epoetin_alfa" if rng.random() < 0.6 else "darbepoetin_alfa"
    if category == "other":
        return _weighted(rng, _OTHER_AGENTS)
    return None


def _karyotype(rng, sex, category):
    """An ISCN string matching the category (None when only FISH was done)."""
    xx = "XX" if sex == "female" else "XY"
    d = rng.choice(_DEL5Q)
    n = rng.randint(12, 20)
    normal = 20 - n
    tail = f"/46,{xx}[{normal}]" if normal else ""
    if category == "isolated_del5q":
        return f"46,{xx},{d}[{n}]{tail}"
    if category == "del5q_plus_one":
        extra = rng.choice(_PLUS_ONE)
        count = 47 if extra == "+8" else 45 if extra == "-Y" else 46
        return f"{count},{xx},{d},{extra}[{n}]{tail}"
    if category == "complex_del5q":
        return f"45,{xx},{d},{rng.choice(_COMPLEX)}[{n}]{tail}"
    if category == "no_del5q":
        return f"46,{xx}[20]"
    return None


def _baseline(rng, p, rates):
    """Diagnosis, cytogenetics, risk and labs at LEN start."""
    r = rng.random
    if r() < rates["no_del5q"]:
        cat = "no_del5q"
    else:
        cat = _weighted(rng, _KARYO)
    who = "raeb2" if r() < rates["raeb2"] else _weighted(rng, _WHO)
    if who == "del5q_syndrome" and cat not in ("isolated_del5q", "fish_only"):
        who = "rcmd"           # WHO 2008 "5q- syndrome" needs an isolated del(5q)
    p["who_class"] = who
    if who == "raeb1":
        p["bm_blasts_pct"] = float(rng.randint(5, 9))
    elif who == "raeb2":
        p["bm_blasts_pct"] = float(rng.randint(10, 19))
    else:
        p["bm_blasts_pct"] = rng.randint(1, 9) / 2.0
    p["therapy_related"] = r() < 0.08
    p["karyotype_category"] = cat
    p["del5q_method"] = {"fish_only": "fish", "no_del5q": "none"}.get(cat, "karyotype")
    p["karyotype_iscn"] = _karyotype(rng, p["sex"], cat)
    if who == "raeb2":
        p["ipss_risk"] = "int2" if r() < 0.8 else "high"
    else:
        p["ipss_risk"] = _weighted(rng, [("low", 0.45), ("int1", 0.47), ("int2", 0.06), (None, 0.02)])
    p["tp53_status"] = _weighted(rng, [("mutated", 0.12), ("wild_type", 0.48), (None, 0.40)])
    p["hb_g_dl"] = rng.randint(70, 110) / 10.0
    p["platelets_g_l"] = float(int(rng.triangular(50, 450, 220)))
    p["anc_g_l"] = None if r() < 0.03 else rng.randint(5, 40) / 10.0
    p["rbc_transfusion_dependent"] = r() < 0.75
    p["prior_esa"] = r() < 0.5
    p["prior_hma"] = r() < 0.03


def _course(rng, p, rates):
    """The single LEN course: dose, schedule, response, failure."""
    r = rng.random
    dose = _weighted(rng, [(10.0, 0.82), (5.0, 0.16), (2.5, 0.02)])
    p["initial_dose_mg"] = dose
    if r() < 0.01:
        p["schedule"] = "other"
    elif dose == 10.0:
        p["schedule"] = "d1_21_q28" if r() < 0.95 else "continuous"
    else:
        p["schedule"] = "continuous" if r() < 0.7 else "d1_21_q28"
    x = r()
    p["combined_with"] = "hma" if x < rates["hma_combo"] else "esa" if x < rates["hma_combo"] + 0.07 else "none"
    p["setting"] = "maintenance_after_transplant" if r() < rates["maintenance"] else "primary"
    resp = _weighted(rng, _LEN_RESPONSE)
    p["best_response"] = resp
    responded = resp in ("cr", "pr", "hi_e")
    if responded:
        p["cytogenetic_response"] = _weighted(rng, [("complete", 0.35), ("partial", 0.35), ("none", 0.2), (None, 0.1)])
    else:
        p["cytogenetic_response"] = _weighted(rng, [("none", 0.7), (None, 0.3)])
    start = p["len_start"]
    if r() < rates["no_failure"]:
        p["failure_type"] = None
        p["failure_date"] = None
        p["progression_to"] = None
        p["len_end"] = None            # still on LEN at last contact
        return
    if resp == "pd":
        ftype = "progression"
    elif responded:
        ftype = _weighted(rng, [("loss_of_response", 0.68), ("progression", 0.20), ("intolerance", 0.12)])
    else:
        ftype = _weighted(rng, [("no_response", 0.72), ("intolerance", 0.18), ("progression", 0.10)])
    if ftype == "intolerance":
        days = rng.randint(14, 150)
    elif ftype == "no_response" or not responded:
        days = rng.randint(90, 300)
    else:
        days = rng.randint(180, 1500)
    if days < 60 and resp != "pd":
        # a response (IWG 2006) needs 8 weeks: too short a course is not evaluable
        p["best_response"], p["cytogenetic_response"] = "ne", None
    p["failure_type"] = ftype
    p["failure_date"] = start + days
    p["progression_to"] = ("raeb2" if r() < 0.6 else "aml") if ftype == "progression" else None
    p["len_end"] = None if r() < 0.05 else start + days + rng.randint(0, 21)


def _follow_up(rng, p):
    """Vital status, death and last contact (never before LEN end or failure)."""
    r = rng.random
    anchor = p["failure_date"] or p["len_start"]
    floor = max(anchor, p["len_end"] or anchor) + 14
    mean = 300 if p["progression_to"] == "aml" else 1000
    death = max(anchor + 30 + int(rng.expovariate(1.0 / mean)), floor)
    if r() < 0.10:
        censor = anchor + rng.randint(60, 1500)      # lost to follow-up
    else:
        censor = EXPORT - rng.randint(7, 400)
    censor = min(max(censor, floor), EXPORT - 1)
    if p["failure_date"] is None:
        death = EXPORT + 1                            # the non-failures are alive
    if death <= censor:
        p["vital_status"], p["death_date"], p["last_contact"] = "dead", death, death
    else:
        p["vital_status"], p["death_date"], p["last_contact"] = "alive", None, censor
    if p["progression_to"] == "aml":
        p["aml_date"] = p["failure_date"]
    elif p["failure_date"] is not None and r() < 0.25:
        span = p["last_contact"] - p["failure_date"]
        p["aml_date"] = p["failure_date"] + rng.randint(30, span) if span > 30 else None
    else:
        p["aml_date"] = None


def _lines(rng, p, age_at_failure):
    """Treatment lines after failure and the transplant(s) among them."""
    p["lines"] = []
    p["transplants"] = []
    if p["failure_date"] is None:
        return
    end_fu = p["last_contact"]
    n = _weighted(rng, [(0, 0.15), (1, 0.40), (2, 0.28), (3, 0.17)])
    t = p["failure_date"] + rng.randint(0, 45)
    transplanted = False
    for k in range(1, n + 1):
        if t > end_fu:
            break
        table = (_LINE1_AML if p["progression_to"] == "aml" else _LINE1) if k == 1 else _LINE_LATER
        cat = _weighted(rng, table)
        if cat == "allo_sct" and (transplanted or age_at_failure >= 71):
            cat = "hma"
        if cat == "chemotherapy_intensive" and age_at_failure >= 75:
            cat = "chemotherapy_low_dose"
        line = {"n": k, "category": cat, "agent": _agent(rng, cat), "start": t}
        if cat == "bsc":
            line["end"] = None if p["vital_status"] == "alive" else end_fu
            line["response"] = None
            p["lines"].append(line)
            break
        if cat == "allo_sct":
            transplanted = True
            line["end"] = t
            line["response"] = _weighted(rng, _LINE_RESPONSE[cat])
            p["transplants"].append(_transplant(rng, t, k, age_at_failure, end_fu))
        else:
            lo, hi = _LINE_DAYS[cat]
            stop = t + rng.randint(lo, hi)
            if stop > end_fu:
                stop = None if p["vital_status"] == "alive" else end_fu
            line["end"] = stop
            line["response"] = _weighted(rng, _LINE_RESPONSE[cat])
        p["lines"].append(line)
        if line["end"] is None:
            break
        t = line["end"] + rng.randint(7, 60)


def _transplant(rng, day, line_number, age, end_fu):
    """An allogeneic transplant on `day` (the line's start)."""
    relapse = None
    if rng.random() < 0.3 and end_fu - day > 90:
        relapse = day + rng.randint(90, min(900, end_fu - day))
    ric = age >= 55 or rng.random() < 0.5
    return {"date": day, "donor_type": _weighted(rng, _DONOR),
            "conditioning": "reduced_intensity" if ric else "myeloablative",
            "directly_after_len": line_number == 1, "relapse_date": relapse}


def make_patient(rng, rates=None):
    """One fictional patient (a dict; see the module docstring)."""
    rates = BENCHMARK_RATES if rates is None else rates
    p = {"sex": "female" if rng.random() < 0.62 else "male"}
    start = rng.randint(_LEN_FIRST, _LEN_LAST)
    age = int(rng.triangular(45, 89, 74))
    p["len_start"] = start
    start_year = _dt.date.fromordinal(start).year
    p["birth_year"] = start_year - age
    p["diagnosis_date"] = start - min(int(rng.expovariate(1.0 / 300)), 3000)
    _baseline(rng, p, rates)
    _course(rng, p, rates)
    _follow_up(rng, p)
    _lines(rng, p, age + ((p["failure_date"] or start) - start) // 365)
    return p


# ---- Rendering: a patient becomes "parts" once, then is written many times, date-shifted ----
#
# A part is a str (written as is), a date (ordinal, pattern) tuple, the ID marker (the patient
# key) or a BirthYear (shifted with the LEN start year). Rendering is a join of table look-ups,
# which is what makes 200k patients take seconds: the benchmarks draw each patient from a pool
# of fully random templates and shift all its dates by one random offset.

ID = type("PatientKey", (), {"__repr__": lambda self: "<ID>"})()
_BASE = _dt.date(1980, 1, 1).toordinal()
_TOP = _dt.date(2027, 12, 31).toordinal()
_ALL_DAYS = [_dt.date.fromordinal(o) for o in range(_BASE, _TOP + 1)]
YEARS = [d.year for d in _ALL_DAYS]
DATES = {
    "dmy": [f"{d.day:02d}/{d.month:02d}/{d.year:04d}" for d in _ALL_DAYS],
    "iso": [f"{d.year:04d}-{d.month:02d}-{d.day:02d}" for d in _ALL_DAYS],
    "mdy": [f"{d.month:02d}/{d.day:02d}/{d.year:04d}" for d in _ALL_DAYS],
}


class BirthYear:
    """A birth year that moves with the LEN start year when the patient is date-shifted."""
    __slots__ = ("year", "start")

    def __init__(self, year, start):
        self.year, self.start = year, start


def date_part(ordinal, pattern):
    """A date part ('' when the date is not known)."""
    return "" if ordinal is None else (ordinal - _BASE, pattern)


def fmt_date(ordinal, pattern):
    """Formats an ordinal as 'dmy' (dd/MM/yyyy), 'iso' (yyyy-MM-dd) or 'mdy' (MM/dd/yyyy)."""
    return "" if ordinal is None else DATES[pattern][ordinal - _BASE]


def compile_parts(items):
    """Merges neighbouring strings of a part list (None counts as '')."""
    out = []
    for x in items:
        if x is None:
            x = ""
        if x.__class__ is str and out and out[-1].__class__ is str:
            out[-1] += x
        elif x != "":
            out.append(x)
    return out


def render(parts, pid, off):
    """The text of a part list for patient key `pid`, every date moved by `off` days."""
    out = []
    for x in parts:
        c = x.__class__
        if c is str:
            out.append(x)
        elif c is tuple:
            out.append(DATES[x[1]][x[0] + off])
        elif x is ID:
            out.append(pid)
        else:
            s = x.start - _BASE
            out.append(str(x.year + YEARS[s + off] - YEARS[s]))
    return "".join(out)


def shift_bounds(p):
    """The day offsets that keep a patient's dates inside 1990..export and plausible."""
    lo = max(_LEN_FIRST - p["len_start"], -730 if p["vital_status"] == "alive" else -2500)
    hi = min(EXPORT - 1 - p["last_contact"], 2500)
    return (lo, hi) if lo <= hi else (0, 0)


def template_pool(rng, size, build):
    """`size` templates (lo, hi, build(patient)) from fully random patients."""
    pool = []
    for _ in range(size):
        p = make_patient(rng)
        lo, hi = shift_bounds(p)
        pool.append((lo, hi, build(p)))
    return pool


def fmt_num(x, decimal="."):
    """A number without a useless '.0', with the given decimal separator ('' for None)."""
    if x is None:
        return ""
    s = str(int(x)) if x == int(x) else repr(x)
    return s.replace(".", decimal) if decimal != "." else s
