#!/usr/bin/env python3
"""Checks a centre's export against its mapping file, the way regpool will read it (a rough
independent cross-check for the samples and the generators; needs PyYAML).

Usage: check_labels.py MAPPING.yaml INBOX [--strict]

Reports, grouped with counts: labels that no `map` lists (regpool: T3001), dates that do not
parse with the rule's pattern and numbers that do not parse (T3002), ragged CSV rows (E1002),
records without a patient key (T3005), and columns / XML leaves that no rule reads.
With --strict the exit status is 1 when anything is reported (used on generator output,
which must map with zero problems).
"""
import collections
import csv
import datetime
import fnmatch
import os
import re
import unicodedata
import sys
import xml.etree.ElementTree as ET

import yaml

NUMERIC = {"birth_year", "bm_blasts_pct", "hb_g_dl", "platelets_g_l", "anc_g_l",
           "initial_dose_mg", "course_number", "line_number", "value"}
DATE_COLUMNS = {"diagnosis_date", "start_date", "end_date", "failure_date", "transplant_date",
                "relapse_date", "aml_progression_date", "death_date", "last_contact_date",
                "sample_date"}


def _pattern_regex(pattern):
    rx = re.escape(pattern)
    for token, group in (("yyyy", r"(?P<y>\d{4})"), ("MM", r"(?P<m>\d{2})"), ("dd", r"(?P<d>\d{2})")):
        rx = rx.replace(token, group, 1)
    return re.compile(rx + r"\Z")


def _rules(source):
    """(table, column, rule) for every rule of a source."""
    for table, rows in source["tables"].items():
        for row in rows if isinstance(rows, list) else [rows]:
            for column, rule in row.items():
                yield table, column, rule


VOCABULARIES = {}    # name -> labels, filled by main() from the mapping's `vocabularies:`


def _fold(text, rule):
    """The rule's `fold:` (case, accents) applied to a label."""
    fold = rule.get("fold") or []
    fold = [fold] if isinstance(fold, str) else fold
    if "accents" in fold:
        text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return text.lower() if "case" in fold else text


def _check_value(problems, where, table, column, rule, text, missing):
    text = text.strip()
    if text in (rule.get("missing") or missing):
        return
    if "map" in rule or "vocabulary" in rule:
        labels = {str(k) for k in (rule.get("map") or {})} | VOCABULARIES.get(rule.get("vocabulary"), set())
        if _fold(text, rule) not in {_fold(k, rule) for k in labels} and "unknown" not in rule:
            problems[(where, f"{table}.{column}", f"unmapped label {text!r}")] += 1
        return
    if column in DATE_COLUMNS:
        m = _pattern_regex(rule.get("date", "yyyy-MM-dd")).match(text)
        partial = [re.escape(k).replace("yyyy", r"\d{4}").replace("MM", r"\d{2}") for k in (rule.get("partial") or {})]
        if m is None and any(re.fullmatch(rx, text) for rx in partial):
            return
        try:
            datetime.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except (TypeError, ValueError):
            problems[(where, f"{table}.{column}", f"bad date {text!r}")] += 1
    elif column in NUMERIC:
        try:
            float(text.replace(rule.get("decimal", "."), ".") if rule.get("decimal") == "," else text)
        except ValueError:
            problems[(where, f"{table}.{column}", f"bad number {text!r}")] += 1


def check_csv(source, path, missing, problems):
    opts = source.get("csv", {})
    delim = opts.get("delimiter", ",").replace("\\t", "\t")
    encoding = {"utf-8": "utf-8-sig", "windows-1252": "cp1252"}.get(opts.get("encoding", "utf-8").lower(),
                                                                    opts.get("encoding", "utf-8"))
    with open(path, encoding=encoding, newline="") as f:
        reader = csv.reader(f, delimiter=delim, quotechar=opts.get("quote", '"'))
        header = next(reader)
        rules = [(t, c, r) for t, c, r in _rules(source) if "field" in r]
        used = {r["field"] for _, _, r in rules} | {source["patient_key"]}
        for name in header:
            if name not in used:
                problems[(os.path.basename(path), name, "column read by no rule")] += 1
        for t, c, r in rules:
            if r["field"] not in header:
                problems[(os.path.basename(path), r["field"], "field not in header")] += 1
        index = {n: i for i, n in enumerate(header)}
        for row in reader:
            where = f"{os.path.basename(path)} line {reader.line_num}"
            if len(row) != len(header):
                problems[(where, "-", f"ragged: {len(row)} fields, header has {len(header)}")] += 1
                continue
            if not row[index[source["patient_key"]]].strip():
                problems[(where, source["patient_key"], "no patient key")] += 1
            for t, c, r in rules:
                if r["field"] in index:
                    _check_value(problems, os.path.basename(path), t, c, r, row[index[r["field"]]], missing)


def _walk(elem, ancestors, path, out):
    """(element, ancestors, absolute path) for every element."""
    out.append((elem, ancestors, path))
    for child in elem:
        _walk(child, ancestors + [elem], f"{path}/{child.tag}", out)


def _resolve(elem, ancestors, abspath, field):
    """(text or None, absolute path of what was read) for an XML field path."""
    steps = field.split("/")
    chain = ancestors + [elem]
    node, path = elem, abspath
    for step in steps:
        if step == "..":
            chain.pop()
            node, path = chain[-1], path.rsplit("/", 1)[0]
        elif step.startswith("@"):
            return node.get(step[1:]), f"{path}/{step}"
        else:
            node = node.find(step) if node is not None else None
            path = f"{path}/{step}"
            if node is None:
                return None, path
            chain.append(node)
    return (node.text or ""), path


def check_xml(sources, path, missing, problems):
    nodes = []
    root = ET.parse(path).getroot()
    _walk(root, [], f"/{root.tag}", nodes)
    read = set()
    for source in sources:
        records = [(e, a, p) for e, a, p in nodes if p == source["xml"]["record"]]
        for n, (elem, anc, p) in enumerate(records, 1):
            key, keypath = _resolve(elem, list(anc), p, source["patient_key"])
            read.add(keypath)
            if not (key or "").strip():
                problems[(f"{source['name']} record {n}", source["patient_key"], "no patient key")] += 1
            for t, c, r in _rules(source):
                if "field" not in r:
                    continue
                text, abspath = _resolve(elem, list(anc), p, r["field"])
                read.add(abspath)
                if text is not None:
                    _check_value(problems, os.path.basename(path), t, c, r, text, missing)
    leaves = set()
    for elem, anc, p in nodes:
        if anc and len(elem) == 0 and (elem.text or "").strip():
            leaves.add(p)
        for a in elem.attrib:
            if anc:
                leaves.add(f"{p}/@{a}")
    for leaf in sorted(leaves - read):
        problems[(os.path.basename(path), leaf, "XML leaf read by no rule")] += 1


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    strict = "--strict" in sys.argv
    with open(args[0], encoding="utf-8") as f:
        mapping = yaml.safe_load(f)
    inbox = args[1]
    missing = [str(m) for m in mapping.get("missing", [""])]
    for name, path in (mapping.get("vocabularies") or {}).items():
        with open(os.path.join(os.path.dirname(args[0]), path), encoding="utf-8") as f:
            VOCABULARIES[name] = {str(k) for k in yaml.safe_load(f)["labels"]}
    problems = collections.Counter()
    names = sorted(os.listdir(inbox))
    for name in names:
        sources = [s for s in mapping["sources"] if any(fnmatch.fnmatch(name, g) for g in s["files"])]
        if not sources:
            problems[(name, "-", "file matches no source")] += 1
        elif sources[0]["format"] == "csv":
            for s in sources:
                check_csv(s, os.path.join(inbox, name), missing, problems)
        else:
            check_xml(sources, os.path.join(inbox, name), missing, problems)
    for (where, field, what), count in sorted(problems.items()):
        print(f"{where}: {field}: {what}" + (f" (x{count})" if count > 1 else ""))
    print(f"{sum(problems.values())} problem(s) in {len(names)} file(s)")
    sys.exit(1 if strict and problems else 0)


if __name__ == "__main__":
    main()
