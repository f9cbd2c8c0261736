#!/usr/bin/env python3
"""Runs a command and prints one JSON line: exit status, wall seconds, peak RSS of the child, and
(with --trace) every file path it opened and every socket it connected, from strace.

Usage: measure.py [--trace] -- COMMAND [ARG...]
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time


def run_plain(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stderr = proc.stderr.read().decode(errors="replace")
    return {"status": os.waitstatus_to_exitcode(status), "seconds": seconds, "max_rss_kb": usage.ru_maxrss,
            "stderr": stderr}


def run_traced(cmd):
    with tempfile.NamedTemporaryFile("r", suffix=".strace") as log:
        subprocess.run(["strace", "-f", "-qq", "-e", "trace=open,openat,openat2,connect", "-o", log.name] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        lines = log.read().splitlines()
    opened = sorted({m.group(1) for l in lines if (m := re.search(r'open(?:at2?)?\(.*?"([^"]+)"', l))})
    connects = [l for l in lines if "connect(" in l]
    return {"opened": opened, "connects": connects}


def main():
    args = sys.argv[1:]
    trace = args and args[0] == "--trace"
    cmd = args[args.index("--") + 1:]
    result = run_plain(cmd)
    if trace:
        result.update(run_traced(cmd))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
