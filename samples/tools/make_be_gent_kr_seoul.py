#!/usr/bin/env python3
"""Rebuilds samples/be-gent and samples/kr-seoul (fictional, 20 patients each + 3 planted in be-gent).

Usage: make_be_gent_kr_seoul.py [SAMPLES_DIR]    (default: the samples folder above this one)

Both centres draw their patients from benchmarks/cohort.py (fixed seeds, the study's exclusions
switched off) and plant exactly one exclusion each; it also writes samples/linkage-truth.csv:

be-gent   Windows-1252, CRLF, ';', decimal comma, dd-MM-yyyy (the diagnosis date dd-MM-yy),
          Dutch labels; two files (patients, treatment lines in long format). Hb with a unit
          column (g/dL; mmol/L for four patients; GE-0012 planted out of range: 79 "g/dL").
          Three STATUS labels in mixed case. GE-0007: LEN combined with chemotherapy
          (len_not_single_agent). Text outside ASCII that Latin-1 would read differently: the
          agent label "Studiemedicatie – fase II" (en dash, 0x96) and the karyotype token
          "mislukt – enkel FISH". Planted for linkage (samples/tools/planted_links.py, issue 5):
          GE-0021 (registry record of trial subject ULM-006, cited in ULM_STUDIENUMMER),
          GE-0022 (a near-twin of ULM-017, another person), GE-0023 (registry record of
          ULM-009, no citation, grey zone). BIJGEWERKT is each row's last update (a few days
          after its last contact); GE-0018 is re-exported with a death in a second file,
          patienten_2026-11-21.csv (updated 21-11-2026), with the same header.
kr-seoul  UTF-8 with BOM, ',', LF, yyyy.MM.dd, Korean headers and labels; one file (baseline,
          the LEN course, outcome, treatment lines 1-2 in wide tx1_*/tx2_* columns, lines 3+
          packed in one cell 추가치료, "3차 저메틸화제[아자시티딘] 2025.08.07~2026.01.24 (안정병변); ...").
          Platelets per µL with thousands separators ("150,000", quoted). A patient whose
          second or later line ended before last contact gets a supportive-care line 14 days
          later. KR-011: del(5q) not shown (no_del5q).

These registries report no transplants: a drawn allo-SCT line becomes an HMA (azacitidine) line.
Python standard library only; the output is the same byte for byte on every run.
"""
import copy
import csv
import datetime as dt
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "benchmarks"))
from cohort import NO_EXCLUSIONS, fmt_num, make_patient  # noqa: E402
import planted_links  # noqa: E402

N = 20
GENT_SEED, SEOUL_SEED = 225, 122
GENT_EXCLUDED, SEOUL_EXCLUDED = 6, 10          # 0-based: GE-0007, KR-011
INVESTIGATIONAL = "Studiemedicatie – fase II"
FISH_ONLY_KARYOTYPE = "mislukt – enkel FISH"


def cohort(seed):
    rng = random.Random(seed)
    ps = [make_patient(rng, NO_EXCLUSIONS) for _ in range(N)]
    for p in ps:
        p["transplants"] = []
        for line in p["lines"]:
            if line["category"] == "allo_sct":
                line.update(category="hma", agent="azacitidine", end=line["end"] or line["start"],
                            response="sd")
    return ps


def day(ordinal, pattern):
    if ordinal is None:
        return ""
    d = dt.date.fromordinal(ordinal)
    return d.strftime(pattern)


# ------------------------------------------------------------------------------ be-gent
NL = {
    "sex": {"male": "man", "female": "vrouw"},
    "who": {"ra": "RA", "rars": "RARS", "rcmd": "RCMD", "del5q_syndrome": "5q-syndroom",
            "raeb1": "RAEB-1", "raeb2": "RAEB-2", "aml": "AML", "other": "MDS-U"},
    "yes": {True: "ja", False: "nee"},
    "method": {"karyotype": "karyotype", "fish": "FISH", "none": "niet aangetoond"},
    "category": {"isolated_del5q": "geïsoleerde del(5q)", "del5q_plus_one": "del(5q) + 1 afwijking",
                 "complex_del5q": "complexe del(5q)", "fish_only": "enkel FISH",
                 "no_del5q": "geen del(5q)"},
    "ipss": {"low": "laag", "int1": "intermediair-1", "int2": "intermediair-2", "high": "hoog",
             None: "onbekend"},
    "tp53": {"mutated": "gemuteerd", "wild_type": "niet gemuteerd", None: "niet bepaald"},
    "schedule": {"d1_21_q28": "dag 1-21/28", "continuous": "continu", "other": "ander"},
    "combined": {"none": "geen", "esa": "EPO", "hma": "azacitidine", "chemotherapy": "chemotherapie"},
    "setting": {"primary": "standaard", "maintenance_after_transplant": "onderhoud na allo-SCT"},
    "response": {"cr": "CR", "pr": "PR", "hi_e": "HI-E", "sd": "SD", "pd": "PD", "ne": "NE"},
    "cyto": {"complete": "volledig", "partial": "gedeeltelijk", "none": "geen", None: "niet geëvalueerd"},
    "failure": {"no_response": "geen respons", "loss_of_response": "verlies van respons",
                "intolerance": "intolerantie", "progression": "progressie", None: ""},
    "progression": {"raeb2": "RAEB-2", "aml": "AML", None: ""},
    "status": {"alive": "levend", "dead": "overleden"},
    "line": {"bsc": "ondersteunende zorg", "hma": "hypomethylerend middel",
             "chemotherapy_intensive": "intensieve chemotherapie",
             "chemotherapy_low_dose": "laaggedoseerde chemotherapie", "esa": "EPO", "other": "ander"},
    "agent": {"azacitidine": "Azacitidine", "decitabine": "Decitabine", "epoetin_alfa": "Epoëtine alfa",
              "darbepoetin_alfa": "Darbepoëtine alfa", "thalidomide": "Thalidomide",
              "antithymocyte_globulin": "ATG", "danazol": "Danazol", "ruxolitinib": "Ruxolitinib",
              "investigational": INVESTIGATIONAL, None: ""},
    "cytarabine": {"chemotherapy_low_dose": "Cytarabine laag gedoseerd",
                   "chemotherapy_intensive": "Idarubicine + cytarabine"},
    "line_response": {"cr": "CR", "pr": "PR", "hi": "HI", "sd": "SD", "pd": "PD", "ne": "NE", None: ""},
}
GENT_PATIENTS = ["PATIENT_NR", "GESLACHT", "GEBOORTEJAAR", "DIAGNOSEDATUM", "WHO_KLASSE",
                 "THERAPIEGERELATEERD", "BLASTEN_BM_PCT", "DEL5Q_METHODE", "KARYOTYPE_CATEGORIE",
                 "KARYOTYPE", "IPSS", "TP53", "HB", "HB_EENHEID", "TROMBOCYTEN_10E9_L", "NEUTROFIELEN_10E9_L",
                 "TRANSFUSIEAFHANKELIJK", "EPO_VOORAF", "HMA_VOORAF", "START_LEN", "EINDE_LEN",
                 "DOSIS_LEN_MG", "SCHEMA_LEN", "COMBINATIE", "CONTEXT_LEN", "RESPONS_LEN",
                 "CYTOGENETISCHE_RESPONS", "DATUM_FALEN", "TYPE_FALEN", "PROGRESSIE_NAAR", "DATUM_AML",
                 "STATUS", "DATUM_OVERLIJDEN", "LAATSTE_CONTACT", "ULM_STUDIENUMMER", "BIJGEWERKT"]
GENT_LINES = ["PATIENT_NR", "LIJN", "CATEGORIE", "MIDDEL", "START", "EINDE", "RESPONS"]


def gent_id(i):
    return f"GE-{i:04d}"


# Hb: most patients' labs report g/dL; the patients below come from a referring lab that reports
# mmol/L (1 mmol/L = 1.611 g/dL), and GE-0012's Hb was typed in g/L (79) with the unit left at
# g/dL (planted: 79 g/dL is out of the plausible range, T3012). Status labels: the registry's
# form was retyped by hand for a few patients, in mixed case (fold: case in the mapping).
GENT_MMOL = {3, 9, 14, 18}                         # 0-based: GE-0004, GE-0010, GE-0015, GE-0019
GENT_HB_OUT_OF_RANGE = 11                          # 0-based: GE-0012
GENT_STATUS_CASE = {1: str.capitalize, 5: str.upper, 16: str.capitalize}    # GE-0002, -0006, -0017


def gent_hb(p, i):
    if i == GENT_HB_OUT_OF_RANGE:
        return [fmt_num(round(p["hb_g_dl"] * 10), ","), "g/dL"]
    if i in GENT_MMOL:
        return [fmt_num(round(p["hb_g_dl"] / 1.611, 1), ","), "mmol/L"]
    return [fmt_num(p["hb_g_dl"], ","), "g/dL"]


# Each patient row carries the date of its last update (BIJGEWERKT): in the export of 20-11-2026
# a few days after the patient's last contact (never after the export day); the re-export of
# GE-0018 in patienten_2026-11-21.csv was updated on 21-11-2026, when the registry learnt of the
# death of a patient it had lost to follow-up in 2015.
GENT_EXPORT = dt.date(2026, 11, 20).toordinal()
GENT_REEXPORT = dt.date(2026, 11, 21).toordinal()
GENT_REEXPORTED = 17                               # 0-based: GE-0018 (planted_links.GENT_T3)
GENT_REEXPORT_DEATH_AFTER = 120                    # days after the old file's last contact


def gent_updated(p, i):
    """The old export's update date of the i-th row (0-based): 3-13 days after last contact."""
    return min(p["last_contact"] + 3 + (5 * i) % 11, GENT_EXPORT)


def gent_reexported(p):
    """GE-0018 as re-exported: the registry learnt of the death after it lost the patient."""
    assert p["vital_status"] == "alive", "the re-exported patient must be alive in the old file"
    p = copy.deepcopy(p)
    death = p["last_contact"] + GENT_REEXPORT_DEATH_AFTER
    assert death <= GENT_EXPORT
    p.update(vital_status="dead", death_date=death, last_contact=death)
    return p


def gent_row(p, pid, i, updated, cited=""):
    d = lambda o: day(o, "%d-%m-%Y")  # noqa: E731
    n = lambda x: fmt_num(x, ",")  # noqa: E731
    dx = day(p["diagnosis_date"], "%d-%m-%y")      # the old diagnosis form: two-digit years
    status = GENT_STATUS_CASE.get(i, str)(NL["status"][p["vital_status"]])
    return [pid, NL["sex"][p["sex"]], str(p["birth_year"]), dx, NL["who"][p["who_class"]],
            NL["yes"][p["therapy_related"]], n(p["bm_blasts_pct"]), NL["method"][p["del5q_method"]],
            NL["category"][p["karyotype_category"]], p["karyotype_iscn"] or FISH_ONLY_KARYOTYPE,
            NL["ipss"][p["ipss_risk"]], NL["tp53"][p["tp53_status"]], *gent_hb(p, i), n(p["platelets_g_l"]),
            n(p["anc_g_l"]), NL["yes"][p["rbc_transfusion_dependent"]], NL["yes"][p["prior_esa"]],
            NL["yes"][p["prior_hma"]], d(p["len_start"]), d(p["len_end"]), n(p["initial_dose_mg"]),
            NL["schedule"][p["schedule"]], NL["combined"][p["combined_with"]], NL["setting"][p["setting"]],
            NL["response"][p["best_response"]], NL["cyto"][p["cytogenetic_response"]], d(p["failure_date"]),
            NL["failure"][p["failure_type"]], NL["progression"][p["progression_to"]], d(p["aml_date"]),
            status, d(p["death_date"]), d(p["last_contact"]), cited, d(updated)]


def gent_lines(p, pid):
    rows = []
    for line in p["lines"]:
        cat = line["category"]
        agent = NL["cytarabine"][cat] if line["agent"] == "cytarabine" else NL["agent"][line["agent"]]
        rows.append([pid, str(line["n"]), NL["line"][cat], agent, day(line["start"], "%d-%m-%Y"),
                     day(line["end"], "%d-%m-%Y"), NL["line_response"][line["response"]]])
    return rows


def write_gent(outdir):
    ps = cohort(GENT_SEED)
    ps[GENT_EXCLUDED]["combined_with"] = "chemotherapy"          # planted exclusion
    if not any(l["agent"] == "investigational" for p in ps for l in p["lines"]):
        first = next(l for p in ps for l in p["lines"] if l["category"] == "other")
        first["agent"] = "investigational"
    planted = planted_links.gent_planted()                      # GE-0021, GE-0022, GE-0023
    assert [pid for pid, _, _ in planted] == [gent_id(len(ps) + k + 1) for k in range(len(planted))]
    assert gent_id(GENT_REEXPORTED + 1) == planted_links.GENT_T3
    cited = {pid: ulm for pid, _, ulm in planted}
    ps += [p for _, p, _ in planted]
    ids = [gent_id(i + 1) for i in range(len(ps))]
    reexport = gent_reexported(ps[GENT_REEXPORTED])
    os.makedirs(outdir, exist_ok=True)
    for name, header, rows in (
            ("patienten_2026-11-20.csv", GENT_PATIENTS,
             [gent_row(p, ids[i], i, gent_updated(p, i), cited.get(ids[i], "")) for i, p in enumerate(ps)]),
            ("patienten_2026-11-21.csv", GENT_PATIENTS,
             [gent_row(reexport, ids[GENT_REEXPORTED], GENT_REEXPORTED, GENT_REEXPORT)]),
            ("behandelingen_2026-11-20.csv", GENT_LINES,
             [r for i, p in enumerate(ps) for r in gent_lines(p, ids[i])])):
        with open(os.path.join(outdir, name), "w", encoding="cp1252", newline="") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\r\n")
            w.writerow(header)
            w.writerows(rows)
    return ps


# ------------------------------------------------------------------------------ kr-seoul
KO = {
    "sex": {"male": "남", "female": "여"},
    "who": {"ra": "RA", "rars": "RARS", "rcmd": "RCMD", "del5q_syndrome": "5q- 증후군",
            "raeb1": "RAEB-1", "raeb2": "RAEB-2", "aml": "AML", "other": "MDS-U"},
    "yes": {True: "예", False: "아니오"},
    "method": {"karyotype": "핵형검사", "fish": "FISH", "none": "확인 안 됨"},
    "category": {"isolated_del5q": "단독 del(5q)", "del5q_plus_one": "del(5q) + 1개 이상",
                 "complex_del5q": "복합 del(5q)", "fish_only": "FISH만", "no_del5q": "del(5q) 없음"},
    "ipss": {"low": "저위험", "int1": "중간위험-1", "int2": "중간위험-2", "high": "고위험", None: "미상"},
    "schedule": {"d1_21_q28": "21일 투여/28일", "continuous": "연속 투여", "other": "기타"},
    "combined": {"none": "없음", "esa": "ESA", "hma": "아자시티딘", "chemotherapy": "항암화학요법"},
    "setting": {"primary": "표준", "maintenance_after_transplant": "이식 후 유지요법"},
    "response": {"cr": "완전관해", "pr": "부분관해", "hi_e": "적혈구 반응", "sd": "안정병변", "pd": "진행",
                 "ne": "평가 불가"},
    "cyto": {"complete": "완전", "partial": "부분", "none": "없음", None: "미평가"},
    "failure": {"no_response": "무반응", "loss_of_response": "반응 소실", "intolerance": "불내약성",
                "progression": "질병 진행", None: ""},
    "progression": {"raeb2": "RAEB-2", "aml": "AML", None: ""},
    "status": {"alive": "생존", "dead": "사망"},
    "line": {"bsc": "보존적 치료", "hma": "저메틸화제", "chemotherapy_intensive": "고강도 항암화학요법",
             "chemotherapy_low_dose": "저용량 항암화학요법", "esa": "ESA", "other": "기타", None: ""},
    "agent": {"azacitidine": "아자시티딘", "decitabine": "데시타빈", "cytarabine": "시타라빈",
              "epoetin_alfa": "에포에틴 알파", "darbepoetin_alfa": "다베포에틴 알파", "thalidomide": "탈리도마이드",
              "antithymocyte_globulin": "항흉선세포글로불린", "danazol": "다나졸", "ruxolitinib": "룩소리티닙",
              "investigational": "임상시험약", None: ""},
    "line_response": {"cr": "완전관해", "pr": "부분관해", "hi": "혈액학적 개선", "sd": "안정병변", "pd": "진행",
                      "ne": "평가 불가", None: ""},
}
SEOUL_HEADER = ["환자번호", "성별", "출생연도", "진단일", "WHO분류", "치료관련", "골수모세포(%)", "del5q확인방법",
                "핵형분류", "핵형", "IPSS", "혈색소(g/dL)", "혈소판(/µL)", "호중구(10^9/L)", "수혈의존",
                "레날리도마이드_시작일", "레날리도마이드_종료일", "용량(mg)", "투여방법", "병용약제", "투여목적",
                "최고반응", "세포유전학적반응", "실패일", "실패유형", "진행형태", "AML진행일", "생존상태", "사망일",
                "최종추적일"] + [f"tx{n}_{c}" for n in (1, 2) for c in ("category", "agent", "start", "end", "response")] \
    + ["추가치료"]
NO_LINE = {"category": None, "agent": None, "start": None, "end": None, "response": None}


def seoul_wide(line, d):
    """The five tx<n>_* cells of one of the first two lines (all empty when there is none)."""
    return [KO["line"][line["category"]], KO["agent"][line["agent"]], d(line["start"]), d(line["end"]),
            KO["line_response"][line["response"]]]


def seoul_packed(lines, d):
    """Lines 3 and later in one cell (추가치료 = further treatment), as the programme's case report
    form writes them: "3차 저메틸화제[아자시티딘] 2025.08.07~2026.01.24 (안정병변); 4차 보존적 치료 2026.02.01"."""
    items = []
    for line in lines:
        text = f"{line['n']}차 {KO['line'][line['category']]}"
        if line["agent"]:
            text += f"[{KO['agent'][line['agent']]}]"
        text += " " + d(line["start"])
        if line["end"] is not None:
            text += "~" + d(line["end"])
        if line["response"] is not None:
            text += f" ({KO['line_response'][line['response']]})"
        items.append(text)
    return "; ".join(items)


def seoul_row(p, pid):
    d = lambda o: day(o, "%Y.%m.%d")  # noqa: E731
    first_two = (p["lines"] + [NO_LINE, NO_LINE])[:2]
    return [pid, KO["sex"][p["sex"]], str(p["birth_year"]), d(p["diagnosis_date"]), KO["who"][p["who_class"]],
            KO["yes"][p["therapy_related"]], fmt_num(p["bm_blasts_pct"]), KO["method"][p["del5q_method"]],
            KO["category"][p["karyotype_category"]], p["karyotype_iscn"] or "", KO["ipss"][p["ipss_risk"]],
            fmt_num(p["hb_g_dl"]), f"{round(p['platelets_g_l'] * 1000):,}", fmt_num(p["anc_g_l"]),
            KO["yes"][p["rbc_transfusion_dependent"]], d(p["len_start"]), d(p["len_end"]),
            fmt_num(p["initial_dose_mg"]), KO["schedule"][p["schedule"]], KO["combined"][p["combined_with"]],
            KO["setting"][p["setting"]], KO["response"][p["best_response"]], KO["cyto"][p["cytogenetic_response"]],
            d(p["failure_date"]), KO["failure"][p["failure_type"]], KO["progression"][p["progression_to"]],
            d(p["aml_date"]), KO["status"][p["vital_status"]], d(p["death_date"]), d(p["last_contact"]),
            *seoul_wide(first_two[0], d), *seoul_wide(first_two[1], d), seoul_packed(p["lines"][2:], d)]


def seoul_supportive_care(p):
    """Patients whose last line (the second or later) ended before last contact go on to
    supportive care 14 days later: the programme records it as a further line."""
    if len(p["lines"]) < 2:
        return
    last = p["lines"][-1]
    if last["category"] == "bsc" or last["end"] is None or last["end"] + 14 > p["last_contact"]:
        return
    p["lines"].append({"n": last["n"] + 1, "category": "bsc", "agent": None, "start": last["end"] + 14,
                       "end": None if p["vital_status"] == "alive" else p["last_contact"], "response": None})


def write_seoul(outdir):
    ps = cohort(SEOUL_SEED)
    p = ps[SEOUL_EXCLUDED]                                       # planted exclusion
    p.update(karyotype_category="no_del5q", del5q_method="none",
             karyotype_iscn="46,XX[20]" if p["sex"] == "female" else "46,XY[20]")
    if p["who_class"] == "del5q_syndrome":
        p["who_class"] = "rcmd"
    for p in ps:
        seoul_supportive_care(p)
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "seoul_mds_20261120.csv"), "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=",", lineterminator="\n")
        w.writerow(SEOUL_HEADER)
        w.writerows(seoul_row(p, f"KR-{i + 1:03d}") for i, p in enumerate(ps))
    return ps


def main():
    samples = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..")
    planted_links.write_truth(samples)
    for name, write in (("be-gent", write_gent), ("kr-seoul", write_seoul)):
        ps = write(os.path.join(samples, name))
        lines = sum(len(p["lines"]) for p in ps)
        dead = sum(p["vital_status"] == "dead" for p in ps)
        print(f"{name}: {len(ps)} patients, {lines} treatment lines, "
              f"{sum(bool(p['lines']) for p in ps)} with a line 1, {dead} dead")


if __name__ == "__main__":
    main()
