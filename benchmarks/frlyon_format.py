"""The fr-lyon export format: three CSV files, ';' delimiter, decimal comma, dd/MM/yyyy.

The labels here are the French registry's labels; mappings/fr-lyon.yaml maps every one of them.
Keep the two in step (`regpool check pipelines/sample-nightly.yaml` lists any label the mapping
misses; CheckTests asserts it lists only the planted ones).
"""
from cohort import ID, BirthYear, compile_parts, date_part, fmt_num

PATIENTS_FILE = "patients_2026-11-21.csv"
TREATMENTS_FILE = "traitements_2026-11-21.csv"
TRANSPLANTS_FILE = "greffes_2026-11-21.csv"

PATIENT_HEADER = [
    "NUM_PATIENT", "SEXE", "ANNEE_NAISSANCE", "DATE_DIAG", "OMS", "SECONDAIRE", "BLASTES_MO_PCT",
    "METHODE_DEL5Q", "CAT_CYTO", "CARYOTYPE", "IPSS", "TP53", "HB_G_L", "PLAQUETTES_G_L",
    "PNN_G_L", "DEP_TRANSF", "ASE_ANTERIEUR", "HMA_ANTERIEUR", "DATE_DEBUT_LEN", "DATE_FIN_LEN",
    "DOSE_LEN_MG", "SCHEMA_LEN", "ASSOCIATION", "CONTEXTE_LEN", "REPONSE_LEN", "REPONSE_CYTO",
    "DATE_ECHEC", "TYPE_ECHEC", "PROGRESSION_VERS", "DATE_LAM", "STATUT", "DATE_DECES",
    "DERNIERES_NOUVELLES",
]
TREATMENT_HEADER = ["NUM_PATIENT", "LIGNE", "TYPE", "AGENT", "DEBUT", "FIN", "REPONSE"]
TRANSPLANT_HEADER = ["NUM_PATIENT", "DATE_GREFFE", "DONNEUR", "CONDITIONNEMENT",
                     "DIRECTEMENT_APRES_LEN", "DATE_RECHUTE"]

# CDM token -> French label (None -> the label the registry uses for "not known").
SEX = {"male": "M", "female": "F"}
WHO = {"ra": "AR", "rars": "ARSC", "rcmd": "CRDM", "del5q_syndrome": "5q-", "raeb1": "AREB-1",
       "raeb2": "AREB-2", "aml": "LAM", "other": "SMD-I"}
YES_NO = {True: "oui", False: "non"}
METHOD = {"karyotype": "caryotype", "fish": "FISH", "none": "non montrée"}
KARYO_CAT = {"isolated_del5q": "del(5q) isolée", "del5q_plus_one": "del(5q) + 1 anomalie",
             "complex_del5q": "del(5q) complexe", "fish_only": "FISH seule",
             "no_del5q": "sans del(5q)"}
IPSS = {"low": "faible", "int1": "int-1", "int2": "int-2", "high": "élevé", None: "inconnu"}
TP53 = {"mutated": "muté", "wild_type": "non muté", None: "non fait"}
SCHEDULE = {"d1_21_q28": "J1-J21/28", "continuous": "continu", "other": "autre"}
COMBINED = {"none": "aucune", "esa": "ASE", "hma": "azacitidine", "chemotherapy": "chimiothérapie"}
SETTING = {"primary": "standard", "maintenance_after_transplant": "entretien post-allogreffe"}
LEN_RESPONSE = {"cr": "RC", "pr": "RP", "hi_e": "HI-E", "sd": "MS", "pd": "PROG", "ne": "NE"}
CYTO_RESPONSE = {"complete": "complète", "partial": "partielle", "none": "aucune",
                 None: "non évaluée"}
FAILURE = {"no_response": "absence de réponse", "loss_of_response": "perte de réponse",
           "intolerance": "intolérance", "progression": "progression", None: ""}
PROGRESSION_TO = {"raeb2": "AREB-2", "aml": "LAM", None: ""}
STATUS = {"alive": "vivant", "dead": "décédé"}
LINE_TYPE = {"bsc": "Soins de support", "hma": "Agent hypométhylant",
             "chemotherapy_intensive": "Chimiothérapie intensive",
             "chemotherapy_low_dose": "Chimiothérapie faible dose", "esa": "ASE",
             "allo_sct": "Allogreffe", "other": "Autre"}
AGENT_LOW_DOSE = {"cytarabine": "Cytarabine faible dose"}
AGENT = {"azacitidine": "Azacitidine", "decitabine": "Décitabine",
         "cytarabine": "Daunorubicine + cytarabine (3+7)", "epoetin_alfa": "Époétine alfa",
         "darbepoetin_alfa": "Darbépoétine alfa", "thalidomide": "Thalidomide",
         "antithymocyte_globulin": "Sérum antilymphocytaire", "danazol": "Danazol",
         "ruxolitinib": "Ruxolitinib", "investigational": "Essai clinique", None: ""}
LINE_RESPONSE = {"cr": "RC", "pr": "RP", "hi": "AH", "sd": "MS", "pd": "PROG", "ne": "NE",
                 None: ""}
DONOR = {"matched_related": "géno-identique", "matched_unrelated": "non apparenté 10/10",
         "mismatched_unrelated": "non apparenté 9/10", "haploidentical": "haplo-identique",
         "cord_blood": "sang placentaire"}
CONDITIONING = {"myeloablative": "myéloablatif", "reduced_intensity": "atténué"}


def patient_id(i):
    """The registry's patient number for the i-th patient (1-based): LY0001, ..., LY12345."""
    return f"LY{i:04d}"


def _d(ordinal):
    return date_part(ordinal, "dmy")


def _n(x):
    return fmt_num(x, ",")


def patient_fields(p):
    """The patients file fields of one patient (33, French labels; dates as parts)."""
    return [
        ID, SEX[p["sex"]], BirthYear(p["birth_year"], p["len_start"]), _d(p["diagnosis_date"]),
        WHO[p["who_class"]], YES_NO[p["therapy_related"]], _n(p["bm_blasts_pct"]),
        METHOD[p["del5q_method"]], KARYO_CAT[p["karyotype_category"]],
        p["karyotype_iscn"] or "échec", IPSS[p["ipss_risk"]], TP53[p["tp53_status"]],
        _n(round(p["hb_g_dl"] * 10)), _n(p["platelets_g_l"]),
        "nd" if p["anc_g_l"] is None else _n(p["anc_g_l"]),
        YES_NO[p["rbc_transfusion_dependent"]], YES_NO[p["prior_esa"]], YES_NO[p["prior_hma"]],
        _d(p["len_start"]), _d(p["len_end"]), _n(p["initial_dose_mg"]),
        p.get("schedule_label") or SCHEDULE[p["schedule"]],
        COMBINED[p["combined_with"]], SETTING[p["setting"]], LEN_RESPONSE[p["best_response"]],
        CYTO_RESPONSE[p["cytogenetic_response"]], _d(p["failure_date"]),
        FAILURE[p["failure_type"]], PROGRESSION_TO[p["progression_to"]], _d(p["aml_date"]),
        p.get("status_label") or STATUS[p["vital_status"]], _d(p["death_date"]), _d(p["last_contact"]),
    ]


def treatment_fields(p):
    """The treatments file rows of one patient (one per line after LEN failure)."""
    rows = []
    for line in p["lines"]:
        cat = line["category"]
        if cat == "chemotherapy_low_dose":
            agent = AGENT_LOW_DOSE[line["agent"]]
        else:
            agent = AGENT[line["agent"]]
        rows.append([ID, str(line["n"]), LINE_TYPE[cat], agent, _d(line["start"]),
                     _d(line["end"]), LINE_RESPONSE[line["response"]]])
    return rows


def transplant_fields(p):
    """The transplants file rows of one patient."""
    return [[ID, _d(t["date"]), DONOR[t["donor_type"]], CONDITIONING[t["conditioning"]],
             YES_NO[t["directly_after_len"]], _d(t["relapse_date"])] for t in p["transplants"]]


def csv_parts(rows):
    """The parts of CSV lines (';' between fields, '\\n' after each row).

    A field holding ';' (an ISCN translocation such as t(1;3)) or a quote is quoted as in
    RFC 4180, which is what the registry's export tool does.
    """
    items = []
    for row in rows:
        for k, f in enumerate(row):
            if f.__class__ is str and any(c in f for c in ';"\n\r'):
                f = '"' + f.replace('"', '""') + '"'
            if k:
                items.append(";")
            items.append(f)
        items.append("\n")
    return compile_parts(items)


def build(p):
    """The three files' parts for one patient (patients, treatments, transplants)."""
    return (csv_parts([patient_fields(p)]), csv_parts(treatment_fields(p)),
            csv_parts(transplant_fields(p)))


FILES = ((PATIENTS_FILE, PATIENT_HEADER), (TREATMENTS_FILE, TREATMENT_HEADER),
         (TRANSPLANTS_FILE, TRANSPLANT_HEADER))


# The registry's patient and treatment exports come from an older Windows tool: Latin-1 with
# CRLF line ends. The transplant file comes from a newer one: UTF-8, LF.
ENCODINGS = {PATIENTS_FILE: ("latin-1", "\r\n"), TREATMENTS_FILE: ("latin-1", "\r\n")}


def open_files(outdir):
    """Opens the three files (1 MiB buffers) with their headers: patients and treatments in
    Latin-1 with CRLF, transplants in UTF-8 with '\\n'."""
    files = []
    for name, header in FILES:
        encoding, newline = ENCODINGS.get(name, ("utf-8", ""))
        f = open(f"{outdir}/{name}", "w", encoding=encoding, newline=newline, buffering=1 << 20)
        f.write(";".join(header) + "\n")
        files.append(f)
    return files
