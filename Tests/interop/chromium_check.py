#!/usr/bin/env python3
"""Open an HTML file in headless Chromium and report every error the page raises.

Usage: chromium_check.py REPORT.html [--screenshot OUT.png] [--pdf OUT.pdf] [--chromium PATH]

Talks to Chromium over the DevTools protocol (websocket-client) and collects console errors,
uncaught exceptions, log entries of level error and failed resource loads (a self-contained
report loads nothing). Prints one JSON object: {"errors": [...], "title": ..., "screenshot": ...}.
Exit 0 when the page loaded without errors, 1 when it raised any, 2 when Chromium could not run.
"""
import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client


def start_chromium(binary, profile):
    args = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-sync", "--disable-component-update", "--hide-scrollbars",
            "--remote-debugging-port=0", "--remote-allow-origins=*", f"--user-data-dir={profile}",
            "--window-size=1280,900", "about:blank"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while time.time() < deadline:
        if os.path.exists(port_file):
            with open(port_file) as f:
                lines = f.read().split()
            if lines:
                return proc, int(lines[0])
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("Chromium did not open its DevTools port")


class Session:
    def __init__(self, url):
        self.ws = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method, seconds=30):
        deadline = time.time() + seconds
        for i, msg in enumerate(self.events):
            if msg.get("method") == method:
                return msg
        while time.time() < deadline:
            msg = json.loads(self.ws.recv())
            self.events.append(msg)
            if msg.get("method") == method:
                return msg
        raise RuntimeError(f"timed out waiting for {method}")


def errors_in(events):
    errors = []
    for msg in events:
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append("exception: " + params["exceptionDetails"].get("text", ""))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append("console: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            errors.append("log: " + params["entry"].get("text", ""))
        elif method == "Network.loadingFailed":
            errors.append("load failed: " + params.get("errorText", ""))
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith("file://") and not url.startswith("data:"):
                errors.append("network request: " + url)
    return errors


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html")
    ap.add_argument("--screenshot")
    ap.add_argument("--pdf")
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "chromium")
    a = ap.parse_args()
    profile = tempfile.mkdtemp(prefix="regpool-chromium-")
    try:
        proc, port = start_chromium(a.chromium, profile)
    except Exception as e:  # noqa: BLE001
        print(json.dumps({"errors": [f"chromium: {e}"]}))
        shutil.rmtree(profile, ignore_errors=True)
        return 2
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as r:
            page = next(t for t in json.load(r) if t.get("type") == "page")
        s = Session(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            s.call(f"{domain}.enable")
        s.call("Page.navigate", url="file://" + os.path.abspath(a.html))
        s.wait_for("Page.loadEventFired")
        title = s.call("Runtime.evaluate", expression="document.title")["result"].get("value")
        svgs = s.call("Runtime.evaluate", expression="document.querySelectorAll('svg').length")["result"].get("value")
        out = {"title": title, "svg_count": svgs}
        if a.screenshot:
            shot = s.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            with open(a.screenshot, "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            out["screenshot"] = a.screenshot
        if a.pdf:
            pdf = s.call("Page.printToPDF", paperWidth=8.27, paperHeight=11.69, printBackground=True)
            with open(a.pdf, "wb") as f:
                f.write(base64.b64decode(pdf["data"]))
            out["pdf"] = a.pdf
        time.sleep(0.2)
        s.call("Runtime.evaluate", expression="1")  # drain events that arrived meanwhile
        out["errors"] = errors_in(s.events)
        print(json.dumps(out))
        return 1 if out["errors"] else 0
    finally:
        proc.kill()
        proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
