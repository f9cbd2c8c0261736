#!/usr/bin/env python3
"""The module rules of docs/ARCHITECTURE.md, checked from `swift package dump-package`:
every target imports only what Package.swift lets it reach (its dependencies and theirs), and the
pure modules import no Foundation, Glibc/Darwin, C module or parser. Exits 1 naming each breach."""
import json, os, re, subprocess, sys

PURE = ["RegpoolModel", "RegpoolConfig", "RegpoolMapping", "RegpoolLinkage", "RegpoolCohort",
        "RegpoolStatistics", "RegpoolReport"]
FORBIDDEN_IN_PURE = {"Foundation", "FoundationEssentials", "Glibc", "Darwin", "Yams"}
ALWAYS = {"Swift", "XCTest", "Foundation", "Glibc", "Darwin", "Dispatch"}
IMPORT = re.compile(r"^\s*(?:@testable\s+)?import\s+(\w+)\s*$")

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
package = json.loads(subprocess.run(["swift", "package", "dump-package"], cwd=root, check=True,
                                    capture_output=True, text=True).stdout)
targets = {t["name"]: t for t in package["targets"]}
C_MODULES = {n for n, t in targets.items() if t["type"] == "system"}


def names(dep):
    """The module a dependency makes importable (a product's module bears the product's name)."""
    _, value = next(iter(dep.items()))
    return [value[0]]


def reach(name, seen=None):
    seen = set() if seen is None else seen
    for dep in targets.get(name, {}).get("dependencies", []):
        for n in names(dep):
            if n not in seen:
                seen.add(n)
                reach(n, seen)
    return seen


def folder(t):
    if t.get("path"):
        return os.path.join(root, t["path"])
    return os.path.join(root, "Tests" if t["type"] == "test" else "Sources", t["name"])


problems = []
for name, t in targets.items():
    if t["type"] == "system":
        continue
    allowed = reach(name) | ALWAYS
    allowed |= {n.replace("-", "_") for n in allowed}
    for base, _, files in os.walk(folder(t)):
        for f in (x for x in files if x.endswith(".swift")):
            path = os.path.join(base, f)
            for number, line in enumerate(open(path, encoding="utf-8"), 1):
                m = IMPORT.match(line)
                if not m:
                    continue
                module, where = m.group(1), f"{os.path.relpath(path, root)}:{number}"
                if module not in allowed:
                    problems.append(f"{where}: {name} imports {module}, which Package.swift does not give it")
                if name in PURE and (module in FORBIDDEN_IN_PURE or module in C_MODULES):
                    problems.append(f"{where}: {name} is pure and may not import {module}")
for p in problems:
    print(p)
if problems:
    sys.exit(f"{len(problems)} import rule(s) broken; see docs/ARCHITECTURE.md")
print(f"imports: {sum(1 for t in targets.values() if t['type'] != 'system')} targets follow Package.swift; "
      f"{len(PURE)} pure modules import no Foundation, C or parser")
