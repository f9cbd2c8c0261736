"""The us-lakeside export format: one home-grown XML file, UTF-8, English labels.

Dates are ISO (yyyy-MM-dd) except the transplant element, whose dates the trial's BMT module
writes MM/dd/yyyy. mappings/us-lakeside.yaml maps every element and label used here (keep the two
in step; `regpool check pipelines/sample-nightly.yaml` lists any label the mapping misses).
"""
from cohort import ID, BirthYear, compile_parts, date_part, fmt_num

EXPORT_FILE = "export_2026-11-21.xml"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<registry exported="2026-11-21" study="LS-MDS-07">\n'
TAIL = "</registry>\n"

# CDM token -> Lakeside label (None -> the label for "not known", or absent when not listed).
SEX = {"male": "Male", "female": "Female", None: "Unknown"}
WHO = {"ra": "RA", "rars": "RARS", "rcmd": "RCMD", "del5q_syndrome": "5q- syndrome",
       "raeb1": "RAEB-1", "raeb2": "RAEB-2", "aml": "AML", "other": "MDS-U"}
YES_NO = {True: "yes", False: "no"}
IPSS = {"low": "Low", "int1": "Int-1", "int2": "Int-2", "high": "High", None: "Unknown"}
METHOD = {"karyotype": "karyotype", "fish": "FISH", "none": "not shown"}
KARYO_CAT = {"isolated_del5q": "isolated del(5q)", "del5q_plus_one": "del(5q) + 1",
             "complex_del5q": "complex", "fish_only": "FISH only", "no_del5q": "no del(5q)"}
TP53 = {"mutated": "mutated", "wild_type": "wild-type", None: "not tested"}
SCHEDULE = {"d1_21_q28": "21/28", "continuous": "continuous", "other": "other"}
COMBINED = {"none": "none", "esa": "epoetin", "hma": "azacitidine", "chemotherapy": "chemotherapy"}
SETTING = {"primary": "primary", "maintenance_after_transplant": "post-transplant maintenance"}
LEN_RESPONSE = {"cr": "CR", "pr": "PR", "hi_e": "HI-E", "sd": "SD", "pd": "PD", "ne": "NE"}
CYTO_RESPONSE = {"complete": "complete", "partial": "partial", "none": "none",
                 None: "not evaluable"}
FAILURE = {"no_response": "primary resistance", "loss_of_response": "relapse",
           "intolerance": "toxicity", "progression": "progression"}
PROGRESSION_TO = {"raeb2": "RAEB-2", "aml": "AML"}
LINE_CATEGORY = {"bsc": "BSC", "hma": "HMA", "chemotherapy_intensive": "Intensive chemo",
                 "chemotherapy_low_dose": "Low-dose chemo", "esa": "ESA", "allo_sct": "Allo-SCT",
                 "other": "Other"}
AGENT = {"azacitidine": "Azacitidine", "decitabine": "Decitabine", "cytarabine": "Cytarabine",
         "epoetin_alfa": "Epoetin alfa", "darbepoetin_alfa": "Darbepoetin alfa",
         "thalidomide": "Thalidomide", "antithymocyte_globulin": "ATG", "danazol": "Danazol",
         "ruxolitinib": "Ruxolitinib", "investigational": "Investigational"}
AGENT_INTENSIVE = {"cytarabine": "7+3"}
LINE_RESPONSE = {"cr": "CR", "pr": "PR", "hi": "HI", "sd": "SD", "pd": "PD", "ne": "NE"}
DONOR = {"matched_related": "MRD", "matched_unrelated": "MUD", "mismatched_unrelated": "MMUD",
         "haploidentical": "Haplo", "cord_blood": "Cord"}
CONDITIONING = {"myeloablative": "MAC", "reduced_intensity": "RIC"}


def patient_id(i):
    """The trial's subject id for the i-th patient (1-based): LS-001, ..., LS-12345."""
    return f"LS-{i:03d}"


def _esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")


def _iso(ordinal):
    return date_part(ordinal, "iso")


def _mdy(ordinal):
    return date_part(ordinal, "mdy")


def _el(items, indent, name, value):
    """Appends `<name>value</name>` (nothing when value is None)."""
    if value is None:
        return
    items += [f"{' ' * indent}<{name}>", _esc(value) if value.__class__ is str else value,
              f"</{name}>\n"]


def _attr(items, name, value):
    """Appends ` name="value"` (nothing when value is None)."""
    if value is None:
        return
    items += [f' {name}="', _esc(value) if value.__class__ is str else value, '"']


def _demographics(items, p, key):
    items.append("  <patient")
    if key:
        items += [' id="', ID, '"']
    items.append(">\n")
    _el(items, 4, "sex", SEX[p["sex"]])
    items += ['    <birth year="', BirthYear(p["birth_year"], p["len_start"]), '"/>\n']
    items += ['    <diagnosis date="', p.get("diagnosis_label") or _iso(p["diagnosis_date"]), '">\n']
    _el(items, 6, "who_class", WHO[p["who_class"]])
    _el(items, 6, "therapy_related", YES_NO[p["therapy_related"]])
    _el(items, 6, "ipss", IPSS[p["ipss_risk"]])
    items.append("    </diagnosis>\n")
    items.append("    <cytogenetics")
    _attr(items, "method", METHOD[p["del5q_method"]])
    _attr(items, "category", KARYO_CAT[p["karyotype_category"]])
    items.append(">\n")
    _el(items, 6, "karyotype", p["karyotype_iscn"])
    _el(items, 6, "tp53", TP53[p["tp53_status"]])
    items.append("    </cytogenetics>\n")
    items += ['    <baseline date="', _iso(p["len_start"]), '">\n']
    _el(items, 6, "hb_g_dl", fmt_num(p["hb_g_dl"]))
    _el(items, 6, "platelets_k_ul", fmt_num(p["platelets_g_l"]))
    _el(items, 6, "anc_k_ul", None if p["anc_g_l"] is None else fmt_num(p["anc_g_l"]))
    _el(items, 6, "marrow_blasts_pct", fmt_num(p["bm_blasts_pct"]))
    _el(items, 6, "transfusion_dependent", YES_NO[p["rbc_transfusion_dependent"]])
    _el(items, 6, "prior_esa", YES_NO[p["prior_esa"]])
    _el(items, 6, "prior_hma", YES_NO[p["prior_hma"]])
    items.append("    </baseline>\n")


def _course(items, p):
    items.append('    <lenalidomide>\n      <course n="1">\n')
    _el(items, 8, "start", _iso(p["len_start"]))
    _el(items, 8, "end", None if p["len_end"] is None else _iso(p["len_end"]))
    _el(items, 8, "dose_mg", fmt_num(p["initial_dose_mg"]))
    _el(items, 8, "schedule", SCHEDULE[p["schedule"]])
    _el(items, 8, "combined_with", COMBINED[p["combined_with"]])
    _el(items, 8, "setting", SETTING[p["setting"]])
    _el(items, 8, "best_response", p.get("best_response_label") or LEN_RESPONSE[p["best_response"]])
    _el(items, 8, "cytogenetic_response", CYTO_RESPONSE[p["cytogenetic_response"]])
    if p["failure_date"] is not None:
        items.append("        <failure")
        _attr(items, "date", _iso(p["failure_date"]))
        _attr(items, "type", FAILURE[p["failure_type"]])
        _attr(items, "progression_to", PROGRESSION_TO.get(p["progression_to"]))
        items.append("/>\n")
    items.append("      </course>\n    </lenalidomide>\n")


def _lines(items, p):
    if not p["lines"]:
        items.append("    <treatments/>\n")
        return
    items.append("    <treatments>\n")
    for line in p["lines"]:
        cat = line["category"]
        agent = line["agent"]
        label = AGENT_INTENSIVE[agent] if cat == "chemotherapy_intensive" else AGENT.get(agent)
        items.append(f'      <line n="{line["n"]}"')
        _attr(items, "category", LINE_CATEGORY[cat])
        _attr(items, "agent", label)
        items.append(">\n")
        _el(items, 8, "start", _iso(line["start"]))
        _el(items, 8, "end", None if line["end"] is None else _iso(line["end"]))
        response = line.get("response_label") or LINE_RESPONSE.get(line["response"])
        _el(items, 8, "response", response)
        items.append("      </line>\n")
    items.append("    </treatments>\n")


def _transplant_and_followup(items, p):
    for t in p["transplants"]:
        items.append("    <transplant")
        _attr(items, "date", _mdy(t["date"]))
        _attr(items, "donor", DONOR[t["donor_type"]])
        _attr(items, "conditioning", CONDITIONING[t["conditioning"]])
        _attr(items, "direct", YES_NO[t["directly_after_len"]])
        if t["relapse_date"] is not None:
            _attr(items, "relapse", _mdy(t["relapse_date"]))
        items.append("/>\n")
    items.append("    <followup")
    _attr(items, "status", "dead" if p["vital_status"] == "dead" else "alive")
    _attr(items, "last_contact", _iso(p["last_contact"]))
    if p["death_date"] is not None:
        _attr(items, "death", _iso(p["death_date"]))
    if p["aml_date"] is not None:
        _attr(items, "aml_date", _iso(p["aml_date"]))
    items.append("/>\n  </patient>\n")


def build(p, key=True):
    """The parts of one `<patient>` element (key=False leaves out the id attribute)."""
    items = []
    _demographics(items, p, key)
    _course(items, p)
    _lines(items, p)
    _transplant_and_followup(items, p)
    return (compile_parts(items),)
