#!/usr/bin/env python3
"""Rebuilds samples/de-ulm-trial (fictional German trial, 20 patients, CDISC ODM 1.3.2).

Usage: make_de_ulm_trial.py [SAMPLES_DIR]    (default: the samples folder above this one)

The trial's EDC exports one ODM 1.3.2 snapshot: a MetaDataVersion with ItemDefs and CodeLists
(codes with German decodes), then ClinicalData with four item groups per subject:
IG.DEMOG (demographics + baseline, event SE.BASELINE), IG.LEN (lenalidomide course, repeating,
event SE.LEN), IG.FU (follow-up / outcome) and IG.TX (treatment lines after LEN failure,
repeating with ItemGroupRepeatKey), both in event SE.FU. Dates ISO 8601, numbers with '.'.
Values not known are either left out or sent as IsNull="Yes" (TP53, IPSS, ANC, ISCN).

Patients come from benchmarks/cohort.py (fixed seed, the study's exclusions switched off); one
exclusion is planted: ULM-007 is RAEB-2 with 12 % blasts at LEN start (raeb2_or_aml_at_len_start).
The trial reports no transplants: a drawn allo-SCT line becomes an HMA (azacitidine) line.
Python standard library only; the output is the same byte for byte on every run.
"""
import datetime as dt
import os
import random
import sys
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "benchmarks"))
from cohort import NO_EXCLUSIONS, fmt_num, make_patient  # noqa: E402

N = 20
SEED = 5132
EXCLUDED = 6                       # 0-based: ULM-007
FILE = "ulm_mds07_odm_2026-11-21.xml"

# CodeList OID -> [(code, German decode, CDM value)]
CODELISTS = {
    "CL.SEX": [("1", "männlich", "male"), ("2", "weiblich", "female")],
    "CL.JANEIN": [("J", "ja", True), ("N", "nein", False)],
    "CL.WHO": [("1", "RA", "ra"), ("2", "RARS", "rars"), ("3", "RCMD", "rcmd"),
               ("4", "MDS mit isolierter del(5q)", "del5q_syndrome"), ("5", "RAEB-1", "raeb1"),
               ("6", "RAEB-2", "raeb2"), ("7", "AML", "aml"), ("8", "MDS, unklassifizierbar", "other")],
    "CL.DEL5QMETH": [("1", "Karyotyp", "karyotype"), ("2", "FISH", "fish"), ("3", "nicht nachgewiesen", "none")],
    "CL.KARYCAT": [("1", "isolierte del(5q)", "isolated_del5q"), ("2", "del(5q) + 1 Aberration", "del5q_plus_one"),
                   ("3", "komplexer Karyotyp mit del(5q)", "complex_del5q"), ("4", "nur FISH", "fish_only"),
                   ("5", "keine del(5q)", "no_del5q")],
    "CL.IPSS": [("1", "niedrig", "low"), ("2", "intermediär-1", "int1"), ("3", "intermediär-2", "int2"),
                ("4", "hoch", "high")],
    "CL.TP53": [("1", "mutiert", "mutated"), ("2", "nicht mutiert", "wild_type")],
    "CL.SCHEMA": [("1", "Tag 1-21 alle 28 Tage", "d1_21_q28"), ("2", "kontinuierlich", "continuous"),
                  ("3", "anderes Schema", "other")],
    "CL.KOMB": [("0", "keine", "none"), ("1", "ESA", "esa"), ("2", "HMA", "hma"), ("3", "Chemotherapie", "chemotherapy")],
    "CL.SETTING": [("1", "Standardtherapie", "primary"), ("2", "Erhaltung nach allogener SZT", "maintenance_after_transplant")],
    "CL.ANSPRECHEN": [("1", "komplette Remission", "cr"), ("2", "partielle Remission", "pr"),
                      ("3", "hämatologische Verbesserung, erythroid", "hi_e"), ("4", "stabile Erkrankung", "sd"),
                      ("5", "Progress", "pd"), ("6", "nicht auswertbar", "ne")],
    "CL.ZYTO": [("1", "komplett", "complete"), ("2", "partiell", "partial"), ("3", "keine", "none"),
                ("9", "nicht beurteilt", None)],
    "CL.VERSAGEN": [("1", "kein Ansprechen", "no_response"), ("2", "Verlust des Ansprechens", "loss_of_response"),
                    ("3", "Unverträglichkeit", "intolerance"), ("4", "Progression", "progression")],
    "CL.PROG": [("1", "RAEB-2", "raeb2"), ("2", "AML", "aml")],
    "CL.VITAL": [("1", "lebend", "alive"), ("2", "verstorben", "dead")],
    "CL.TXKAT": [("1", "Supportivtherapie", "bsc"), ("2", "hypomethylierende Substanz", "hma"),
                 ("3", "intensive Chemotherapie", "chemotherapy_intensive"),
                 ("4", "niedrig dosierte Chemotherapie", "chemotherapy_low_dose"), ("5", "ESA", "esa"),
                 ("7", "andere", "other")],
    "CL.WIRKSTOFF": [("AZA", "Azacitidin", "azacitidine"), ("DEC", "Decitabin", "decitabine"),
                     ("ARAC", "Cytarabin", "cytarabine"), ("EPO", "Epoetin alfa", "epoetin_alfa"),
                     ("DARB", "Darbepoetin alfa", "darbepoetin_alfa"), ("THAL", "Thalidomid", "thalidomide"),
                     ("ATG", "Antithymozytenglobulin", "antithymocyte_globulin"), ("DAN", "Danazol", "danazol"),
                     ("RUX", "Ruxolitinib", "ruxolitinib"), ("STUD", "Prüfpräparat", "investigational")],
    "CL.ANSPRTX": [("1", "komplette Remission", "cr"), ("2", "partielle Remission", "pr"),
                   ("3", "hämatologische Verbesserung", "hi"), ("4", "stabile Erkrankung", "sd"),
                   ("5", "Progress", "pd"), ("6", "nicht auswertbar", "ne")],
}

# ItemGroupOID -> (form, event, [(ItemOID, name, DataType, CodeList or None)])
GROUPS = {
    "IG.DEMOG": ("F.DEMOG", "SE.BASELINE", [
        ("IT.SEX", "Geschlecht", "text", "CL.SEX"), ("IT.BRTHYR", "Geburtsjahr", "integer", None),
        ("IT.DIAGDAT", "Datum der MDS-Diagnose", "date", None), ("IT.WHO", "WHO-Klassifikation 2008", "text", "CL.WHO"),
        ("IT.TMDS", "therapieassoziiertes MDS", "text", "CL.JANEIN"),
        ("IT.BLAST", "Blasten im Knochenmark (%)", "float", None),
        ("IT.DEL5QMETH", "Nachweis der del(5q)", "text", "CL.DEL5QMETH"),
        ("IT.KARYCAT", "Karyotyp-Kategorie", "text", "CL.KARYCAT"), ("IT.ISCN", "Karyotyp (ISCN)", "text", None),
        ("IT.IPSS", "IPSS", "text", "CL.IPSS"), ("IT.TP53", "TP53-Status", "text", "CL.TP53"),
        ("IT.LABDAT", "Datum der Baseline-Laborwerte", "date", None),
        ("IT.HB", "Hämoglobin (g/dL)", "float", None), ("IT.PLT", "Thrombozyten (10^9/L)", "float", None),
        ("IT.ANC", "Neutrophile (10^9/L)", "float", None),
        ("IT.TRANSF", "transfusionsabhängig", "text", "CL.JANEIN"), ("IT.PRIORESA", "ESA vor LEN", "text", "CL.JANEIN"),
        ("IT.PRIORHMA", "HMA vor LEN", "text", "CL.JANEIN")]),
    "IG.LEN": ("F.LEN", "SE.LEN", [
        ("IT.LENSTART", "Beginn Lenalidomid", "date", None), ("IT.LENEND", "Ende Lenalidomid", "date", None),
        ("IT.LENDOSE", "Anfangsdosis (mg)", "float", None), ("IT.LENSCHED", "Schema", "text", "CL.SCHEMA"),
        ("IT.LENKOMB", "Kombination", "text", "CL.KOMB"), ("IT.LENSET", "Therapiesituation", "text", "CL.SETTING"),
        ("IT.LENRESP", "bestes Ansprechen (IWG 2006)", "text", "CL.ANSPRECHEN"),
        ("IT.ZYTORESP", "zytogenetisches Ansprechen", "text", "CL.ZYTO"),
        ("IT.VERSDAT", "Datum des Versagens", "date", None), ("IT.VERSGRUND", "Versagensgrund", "text", "CL.VERSAGEN"),
        ("IT.PROGZU", "Progression zu", "text", "CL.PROG")]),
    "IG.FU": ("F.FU", "SE.FU", [
        ("IT.AMLDAT", "Datum Übergang in AML", "date", None), ("IT.VITAL", "Vitalstatus", "text", "CL.VITAL"),
        ("IT.TODDAT", "Sterbedatum", "date", None), ("IT.LETZTKONT", "letzter Kontakt", "date", None)]),
    "IG.TX": ("F.TX", "SE.FU", [
        ("IT.TXKAT", "Therapiekategorie", "text", "CL.TXKAT"), ("IT.TXWIRK", "Wirkstoff", "text", "CL.WIRKSTOFF"),
        ("IT.TXSTART", "Beginn", "date", None), ("IT.TXEND", "Ende", "date", None),
        ("IT.TXRESP", "bestes Ansprechen", "text", "CL.ANSPRTX")]),
}


def code(codelist, value):
    """The code of the CDM value in a code list."""
    return next(c for c, _, v in CODELISTS[codelist] if v == value)


def iso(ordinal):
    return None if ordinal is None else dt.date.fromordinal(ordinal).isoformat()


def cohort():
    rng = random.Random(SEED)
    ps = [make_patient(rng, NO_EXCLUSIONS) for _ in range(N)]
    for p in ps:
        p["transplants"] = []
        for line in p["lines"]:
            if line["category"] == "allo_sct":
                line.update(category="hma", agent="azacitidine", end=line["end"] or line["start"], response="sd")
    ps[EXCLUDED].update(who_class="raeb2", bm_blasts_pct=12.0)          # planted exclusion
    return ps


NULL = object()    # sent as IsNull="Yes"


def demog(p):
    return {"IT.SEX": code("CL.SEX", p["sex"]), "IT.BRTHYR": str(p["birth_year"]), "IT.DIAGDAT": iso(p["diagnosis_date"]),
            "IT.WHO": code("CL.WHO", p["who_class"]), "IT.TMDS": code("CL.JANEIN", p["therapy_related"]),
            "IT.BLAST": fmt_num(p["bm_blasts_pct"]), "IT.DEL5QMETH": code("CL.DEL5QMETH", p["del5q_method"]),
            "IT.KARYCAT": code("CL.KARYCAT", p["karyotype_category"]), "IT.ISCN": p["karyotype_iscn"] or NULL,
            "IT.IPSS": code("CL.IPSS", p["ipss_risk"]) if p["ipss_risk"] else NULL,
            "IT.TP53": code("CL.TP53", p["tp53_status"]) if p["tp53_status"] else NULL,
            "IT.LABDAT": iso(p["len_start"]), "IT.HB": fmt_num(p["hb_g_dl"]), "IT.PLT": fmt_num(p["platelets_g_l"]),
            "IT.ANC": fmt_num(p["anc_g_l"]) if p["anc_g_l"] is not None else NULL,
            "IT.TRANSF": code("CL.JANEIN", p["rbc_transfusion_dependent"]),
            "IT.PRIORESA": code("CL.JANEIN", p["prior_esa"]), "IT.PRIORHMA": code("CL.JANEIN", p["prior_hma"])}


def len_course(p):
    return {"IT.LENSTART": iso(p["len_start"]), "IT.LENEND": iso(p["len_end"]), "IT.LENDOSE": fmt_num(p["initial_dose_mg"]),
            "IT.LENSCHED": code("CL.SCHEMA", p["schedule"]), "IT.LENKOMB": code("CL.KOMB", p["combined_with"]),
            "IT.LENSET": code("CL.SETTING", p["setting"]), "IT.LENRESP": code("CL.ANSPRECHEN", p["best_response"]),
            "IT.ZYTORESP": code("CL.ZYTO", p["cytogenetic_response"]), "IT.VERSDAT": iso(p["failure_date"]),
            "IT.VERSGRUND": code("CL.VERSAGEN", p["failure_type"]) if p["failure_type"] else None,
            "IT.PROGZU": code("CL.PROG", p["progression_to"]) if p["progression_to"] else None}


def follow_up(p):
    return {"IT.AMLDAT": iso(p["aml_date"]), "IT.VITAL": code("CL.VITAL", p["vital_status"]),
            "IT.TODDAT": iso(p["death_date"]), "IT.LETZTKONT": iso(p["last_contact"])}


def treatment(line):
    return {"IT.TXKAT": code("CL.TXKAT", line["category"]),
            "IT.TXWIRK": code("CL.WIRKSTOFF", line["agent"]) if line["agent"] else None,
            "IT.TXSTART": iso(line["start"]), "IT.TXEND": iso(line["end"]),
            "IT.TXRESP": code("CL.ANSPRTX", line["response"]) if line["response"] else None}


def metadata():
    out = ['  <Study OID="ULM-MDS-07">',
           '    <GlobalVariables>',
           '      <StudyName>ULM-MDS-07</StudyName>',
           '      <StudyDescription>Behandlung nach Lenalidomid-Versagen bei MDS mit del(5q) (fiktiv)</StudyDescription>',
           '      <ProtocolName>ULM-MDS-07</ProtocolName>',
           '    </GlobalVariables>',
           '    <MetaDataVersion OID="MDV.ULM.3" Name="Protokollversion 3">']
    for group, (_, _, items) in GROUPS.items():
        repeating = "Yes" if group in ("IG.LEN", "IG.TX") else "No"
        out.append(f'      <ItemGroupDef OID="{group}" Name="{group[3:]}" Repeating="{repeating}">')
        out += [f'        <ItemRef ItemOID="{oid}" Mandatory="No"/>' for oid, _, _, _ in items]
        out.append('      </ItemGroupDef>')
    for _, _, items in GROUPS.values():
        for oid, name, dtype, cl in items:
            ref = f'<CodeListRef CodeListOID="{cl}"/>' if cl else ""
            out.append(f'      <ItemDef OID="{oid}" Name={quoteattr(name)} DataType="{dtype}">'
                       f'<Question><TranslatedText xml:lang="de">{name}</TranslatedText></Question>{ref}</ItemDef>')
    for cl, entries in CODELISTS.items():
        out.append(f'      <CodeList OID="{cl}" Name="{cl[3:]}" DataType="text">')
        for c, decode, _ in entries:
            out.append(f'        <CodeListItem CodedValue="{c}"><Decode><TranslatedText xml:lang="de">{decode}'
                       f'</TranslatedText></Decode></CodeListItem>')
        out.append('      </CodeList>')
    out += ['    </MetaDataVersion>', '  </Study>']
    return out


def item_group(oid, values, indent, repeat=None):
    key = f' ItemGroupRepeatKey="{repeat}"' if repeat is not None else ""
    out = [f'{indent}<ItemGroupData ItemGroupOID="{oid}"{key}>']
    for item, value in values.items():
        if value is NULL:
            out.append(f'{indent}  <ItemData ItemOID="{item}" IsNull="Yes"/>')
        elif value is not None and value != "":
            out.append(f'{indent}  <ItemData ItemOID="{item}" Value={quoteattr(value)}/>')
    out.append(f'{indent}</ItemGroupData>')
    return out


def subject(p, key):
    i = "        "
    out = [f'    <SubjectData SubjectKey="{key}">',
           '      <StudyEventData StudyEventOID="SE.BASELINE">', '        <FormData FormOID="F.DEMOG">']
    out += item_group("IG.DEMOG", demog(p), i + "  ")
    out += ['        </FormData>', '      </StudyEventData>',
            '      <StudyEventData StudyEventOID="SE.LEN" StudyEventRepeatKey="1">', '        <FormData FormOID="F.LEN">']
    out += item_group("IG.LEN", len_course(p), i + "  ", repeat=1)
    out += ['        </FormData>', '      </StudyEventData>',
            '      <StudyEventData StudyEventOID="SE.FU">', '        <FormData FormOID="F.FU">']
    out += item_group("IG.FU", follow_up(p), i + "  ")
    out.append('        </FormData>')
    if p["lines"]:
        out.append('        <FormData FormOID="F.TX">')
        for line in p["lines"]:
            out += item_group("IG.TX", treatment(line), i + "  ", repeat=line["n"])
        out.append('        </FormData>')
    out += ['      </StudyEventData>', '    </SubjectData>']
    return out


def main():
    samples = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..")
    outdir = os.path.join(samples, "de-ulm-trial")
    os.makedirs(outdir, exist_ok=True)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2" FileType="Snapshot"'
             ' FileOID="ULM-MDS-07.2026-11-21" CreationDateTime="2026-11-21T02:00:00+01:00"'
             ' Originator="Studienzentrale Ulm (fiktiv)">']
    lines += metadata()
    lines.append('  <ClinicalData StudyOID="ULM-MDS-07" MetaDataVersionOID="MDV.ULM.3">')
    for n, p in enumerate(cohort(), start=1):
        lines += subject(p, f"ULM-{n:03d}")
    lines += ['  </ClinicalData>', '</ODM>', '']
    with open(os.path.join(outdir, FILE), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
