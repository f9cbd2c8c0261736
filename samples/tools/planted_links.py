"""Planted cross-centre duplicates and near-twins of the samples (issue 5: linkage).

Imported by make_be_gent_kr_seoul.py (be-gent) and make_ca_toronto.py (ca-toronto); writes
nothing but samples/linkage-truth.csv. The planted patients are derived from the other centres'
generated cohorts (make_de_ulm_trial.cohort() and benchmarks/make_samples.py's us-lakeside
cohort, chosen and planted exactly as their generators do), so nothing is copied by hand:

T1  be-gent GE-0021 = de-ulm-trial ULM-006: the Gent registry's record of a trial subject; it
    cites the trial subject id (ULM_STUDIENUMMER). Same sex, birth year, diagnosis date, dose,
    karyotype; LEN start +2 days; the registry's follow-up is longer: the trial last saw the
    subject alive, the registry reports her death 120 days later.
T2  ca-toronto TOR-021 = us-lakeside LS-022: a compassionate-use record of a trial patient, no
    shared id: diagnosis +3 days, LEN start +2 days, LEN stop and failure +4 days, sex not
    recorded (empty); birth year, dose, karyotype category and WHO class the same.
T4  be-gent GE-0023 = de-ulm-trial ULM-009: the registry's record of another trial subject
    without a citation and with more discrepancies (grey zone): diagnosis -25 days, LEN start
    +12 days, WHO class written RA where the trial says RCMD.
N1  be-gent GE-0022: a different person who shares sex and birth year with ULM-017 and started
    LEN 6 days after her; diagnosis more than 4 months apart, other karyotype category, other dose.
N2  ca-toronto TOR-022: a different person who shares sex and birth year with LS-019; diagnosis
    18 days and LEN start 21 days after that patient's; other dose, karyotype category, WHO class.
(T3, the within-centre re-export of be-gent GE-0018, is made by the be-gent generator.)

Patients are cohort.py dicts (CDM tokens, dates as proleptic ordinals). Python stdlib only;
deterministic: the same patients on every run.
"""
import copy
import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "benchmarks"))
import make_de_ulm_trial  # noqa: E402
import make_samples  # noqa: E402
from cohort import NO_EXCLUSIONS, make_patient  # noqa: E402

LAST_DAY = dt.date(2026, 11, 20).toordinal()     # no planted date after the be-gent export day
TRUTH_FILE = "linkage-truth.csv"

T1_ULM, T4_ULM, N1_ULM = 6, 9, 17                # ULM-006, ULM-009, ULM-017 (1-based)
T2_LS, N2_LS = 22, 19                            # LS-022, LS-019 (1-based)
GENT_T1, GENT_N1, GENT_T4 = "GE-0021", "GE-0022", "GE-0023"
GENT_T3 = "GE-0018"                              # re-exported by be-gent (make_be_gent_kr_seoul.py)
TOR_T2, TOR_N2 = "TOR-021", "TOR-022"

T1_LEN_SHIFT, T1_DEATH_AFTER = 2, 120
T2_DIAGNOSIS_SHIFT, T2_LEN_SHIFT, T2_FAILURE_SHIFT = 3, 2, 4
T4_DIAGNOSIS_SHIFT, T4_LEN_SHIFT = -25, 12
T4_WHO = {"rcmd": "ra", "ra": "rcmd"}
N1_LEN_SHIFT, N1_MIN_DIAGNOSIS_GAP = 6, 123      # 123 days > 4 months
N2_DIAGNOSIS_SHIFT, N2_LEN_SHIFT = 18, 21
N1_SEED, N2_SEED = 5200, 5300                    # first seeds tried for the near-twins' own draws

# person, centre, local id: the local patients that belong to a planted multi-record person.
TRUTH = [("T1", "be-gent", GENT_T1), ("T1", "de-ulm-trial", f"ULM-{T1_ULM:03d}"),
         ("T2", "ca-toronto", TOR_T2), ("T2", "us-lakeside", f"LS-{T2_LS:03d}"),
         ("T3", "be-gent", GENT_T3),
         ("T4", "be-gent", GENT_T4), ("T4", "de-ulm-trial", f"ULM-{T4_ULM:03d}")]


def ulm_subject(n):
    """ULM-<n> as make_de_ulm_trial.py writes it (a fresh copy)."""
    return make_de_ulm_trial.cohort()[n - 1]


def lakeside_patients():
    """The us-lakeside cohort as benchmarks/make_samples.py chooses and plants it."""
    _, (ps, cri) = make_samples._first_seed(make_samples._ls_cohort, make_samples._ls_ok)
    make_samples._ls_habits(ps)
    return ps, cri


def lakeside_planted(ps, cri):
    """0-based indexes of the us-lakeside patients with a planted problem, exclusion or habit."""
    planted = {make_samples.LS_RAEB2, make_samples.LS_MAINT, make_samples.LS_NO_DEL5Q,
               make_samples.LS_NO_ID, cri}
    return planted | {i for i, p in enumerate(ps) if "diagnosis_label" in p or "best_response_label" in p}


DATE_KEYS = ("diagnosis_date", "len_start", "len_end", "failure_date", "aml_date", "death_date",
             "last_contact")


def shift(p, days):
    """Moves every date of patient p by `days`."""
    for k in DATE_KEYS:
        if p[k] is not None:
            p[k] += days
    for line in p["lines"]:
        line["start"] += days
        if line["end"] is not None:
            line["end"] += days
    for t in p["transplants"]:
        t["date"] += days
        if t["relapse_date"] is not None:
            t["relapse_date"] += days


def no_transplants(p):
    """These centres report no transplants: an allo-SCT line becomes an HMA line (as the samples do)."""
    p["transplants"] = []
    for line in p["lines"]:
        if line["category"] == "allo_sct":
            line.update(category="hma", agent="azacitidine", end=line["end"] or line["start"], response="sd")


def eligible(p):
    """No exclusion criterion of the study."""
    return (p["who_class"] not in ("raeb2", "aml") and p["combined_with"] in ("none", "esa")
            and p["setting"] == "primary" and p["failure_date"] is not None
            and p["karyotype_category"] != "no_del5q")


def check(p, what):
    """Asserts the planted patient is eligible and its dates are in order."""
    assert eligible(p), what
    assert p["diagnosis_date"] <= p["len_start"] <= p["failure_date"], what
    assert p["len_end"] is None or p["len_start"] <= p["len_end"], what
    floor = p["failure_date"]
    for line in p["lines"]:
        assert floor <= line["start"] and (line["end"] is None or line["start"] <= line["end"]), what
        floor = line["end"] if line["end"] is not None else line["start"]
    assert floor <= p["last_contact"] <= LAST_DAY, what
    assert p["aml_date"] is None or p["aml_date"] <= p["last_contact"], what
    assert (p["vital_status"] == "dead") == (p["death_date"] is not None), what
    assert p["death_date"] is None or p["death_date"] == p["last_contact"], what


def t1_registry_view(trial):
    """GE-0021: the registry's record of a trial subject the trial last saw alive."""
    assert trial["vital_status"] == "alive" and trial["lines"], "T1 needs a living subject with lines"
    p = copy.deepcopy(trial)
    p["len_start"] += T1_LEN_SHIFT
    p["lines"] = p["lines"][:2]
    death = trial["last_contact"] + T1_DEATH_AFTER
    p.update(vital_status="dead", death_date=death, last_contact=death)
    return p


def t4_registry_view(trial):
    """GE-0023: the registry's record of a trial subject, no citation, more discrepancies."""
    p = copy.deepcopy(trial)
    p["diagnosis_date"] += T4_DIAGNOSIS_SHIFT
    p["len_start"] += T4_LEN_SHIFT
    p["who_class"] = T4_WHO[trial["who_class"]]
    return p


def n1_near_twin(twin):
    """GE-0022: another person, drawn as usual, with the twin's sex and birth year and a LEN start
    N1_LEN_SHIFT days after the twin's; diagnosis > 4 months apart, other karyotype, other dose."""
    for seed in range(N1_SEED, N1_SEED + 1000):
        p = make_patient(random.Random(seed), NO_EXCLUSIONS)
        no_transplants(p)
        shift(p, twin["len_start"] + N1_LEN_SHIFT - p["len_start"])
        p["birth_year"] = twin["birth_year"]
        if (p["sex"] == twin["sex"] and p["initial_dose_mg"] != twin["initial_dose_mg"]
                and p["karyotype_category"] != twin["karyotype_category"]
                and abs(p["diagnosis_date"] - twin["diagnosis_date"]) >= N1_MIN_DIAGNOSIS_GAP
                and eligible(p) and p["last_contact"] <= LAST_DAY):
            return p
    raise AssertionError("no near-twin N1 found")


def n2_near_twin(twin):
    """TOR-022: another person, drawn as usual, with the twin's sex and birth year, diagnosis and
    LEN start 18 and 21 days after the twin's; other dose, karyotype category and WHO class."""
    for seed in range(N2_SEED, N2_SEED + 1000):
        p = make_patient(random.Random(seed), NO_EXCLUSIONS)
        no_transplants(p)
        shift(p, twin["len_start"] + N2_LEN_SHIFT - p["len_start"])
        p["diagnosis_date"] = twin["diagnosis_date"] + N2_DIAGNOSIS_SHIFT
        p["birth_year"] = twin["birth_year"]
        if (p["sex"] == twin["sex"] and p["initial_dose_mg"] != twin["initial_dose_mg"]
                and p["karyotype_category"] != twin["karyotype_category"]
                and p["who_class"] != twin["who_class"]
                and eligible(p) and p["last_contact"] <= LAST_DAY):
            return p
    raise AssertionError("no near-twin N2 found")


def t2_programme_view(trial):
    """TOR-021: the compassionate-use programme's record of a trial patient (sex not recorded)."""
    p = copy.deepcopy(trial)
    p["diagnosis_date"] += T2_DIAGNOSIS_SHIFT
    p["len_start"] += T2_LEN_SHIFT
    p["failure_date"] += T2_FAILURE_SHIFT
    if p["len_end"] is not None:
        p["len_end"] += T2_FAILURE_SHIFT
    p["sex"] = None
    return p


def gent_planted():
    """[(local id, patient, cited trial subject id or "")] for be-gent, in local id order."""
    t1, t4, n1 = ulm_subject(T1_ULM), ulm_subject(T4_ULM), ulm_subject(N1_ULM)
    out = [(GENT_T1, t1_registry_view(t1), f"ULM-{T1_ULM:03d}"),
           (GENT_N1, n1_near_twin(n1), ""),
           (GENT_T4, t4_registry_view(t4), "")]
    for pid, p, _ in out:
        check(p, pid)
    return out


def toronto_planted():
    """[(local id, patient)] for ca-toronto, in local id order."""
    ps, cri = lakeside_patients()
    planted = lakeside_planted(ps, cri)
    for n in (T2_LS, N2_LS):
        assert n - 1 not in planted and eligible(ps[n - 1]), f"LS-{n:03d} is not a plain eligible patient"
        assert not ps[n - 1]["transplants"], f"LS-{n:03d} has a transplant ca-toronto cannot export"
    out = [(TOR_T2, t2_programme_view(ps[T2_LS - 1])), (TOR_N2, n2_near_twin(ps[N2_LS - 1]))]
    for pid, p in out:
        check(p, pid)
    return out


def write_truth(samples):
    """samples/linkage-truth.csv: person,centre,local_id (UTF-8, LF); unlisted patients are alone."""
    with open(os.path.join(samples, TRUTH_FILE), "w", encoding="utf-8", newline="\n") as f:
        f.write("person,centre,local_id\n")
        for row in TRUTH:
            f.write(",".join(row) + "\n")
