#!/usr/bin/env python3
"""lifelines' (and scipy's) answers for the datasets RegpoolStatisticsTests generates.

Usage: lifelines_check.py INPUT.json  — prints one JSON object on stdout.

INPUT: {"km": [{"name", "times", "events": [0|1], "groups": [str]}],
        "aj": [{"name", "times", "outcomes": [0..k], "cause"}],
        "chi2": [[x, df], ...], "ppf": [p, ...]}

For each km dataset: KaplanMeierFitter with defaults (timeline, survival, CI, median, median CI as
median_survival_times(confidence_interval_); inf becomes null) and multivariate_logrank_test over the
groups (null with fewer than two groups).

For each aj dataset, AalenJohansenFitter twice:
- "raw": the data as given, seed 0 (lifelines jitters event times when events of different causes
  tie; "jittered" says whether it did; a jittered fit is read at t + 1.5 x jitter_level);
- "aligned": the recipe under which lifelines gives the standard (untied) Aalen-Johansen estimate:
  every time + 1 (so no event falls on lifelines' first row, which it forces to 0) and censored
  times + 2 x jitter_level (so a jittered event never moves after a censoring at its own time);
  read at t + 1 + 1.5 x jitter_level.
Each gives the incidence at 12, 24, 60 and at every distinct event time (any cause).
"""
import json
import sys
import warnings

import numpy as np
import pandas as pd
from lifelines import AalenJohansenFitter, KaplanMeierFitter
from lifelines.statistics import multivariate_logrank_test
from lifelines.utils import median_survival_times
from scipy import stats

JITTER = 0.0001  # AalenJohansenFitter's default jitter_level
HORIZONS = [12.0, 24.0, 60.0]


def finite(x):
    x = float(x)
    return None if np.isinf(x) else x


def kaplan_meier(d):
    times, events = np.asarray(d["times"], float), np.asarray(d["events"], int)
    kmf = KaplanMeierFitter().fit(times, events)
    ci = kmf.confidence_interval_
    ci_median = median_survival_times(ci)
    out = {
        "name": d["name"],
        "timeline": [float(t) for t in kmf.survival_function_.index],
        "survival": [float(s) for s in kmf.survival_function_.iloc[:, 0]],
        "lower": [float(s) for s in ci.iloc[:, 0]],
        "upper": [float(s) for s in ci.iloc[:, 1]],
        "median": finite(kmf.median_survival_time_),
        "median_lower": finite(ci_median.iloc[0, 0]),
        "median_upper": finite(ci_median.iloc[0, 1]),
        "logrank": None,
    }
    groups = d["groups"]
    if len(set(groups)) >= 2:
        r = multivariate_logrank_test(times, np.asarray(groups), events)
        out["logrank"] = {"statistic": float(r.test_statistic), "p_value": float(r.p_value),
                          "degrees_of_freedom": int(r.degrees_of_freedom)}
    return out


def aalen_johansen(times, outcomes, cause, read_shift):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ajf = AalenJohansenFitter(seed=0).fit(times, outcomes, event_of_interest=cause)
    jittered = any("Tied event times" in str(w.message) for w in caught)
    return ajf, jittered


def aj_readings(ajf, event_times, shift):
    at = ajf.predict([h + shift for h in HORIZONS])
    at_events = ajf.predict([t + shift for t in event_times]) if event_times else []
    return {"at": [float(x) for x in np.atleast_1d(at)],
            "event_times": event_times,
            "at_event_times": [float(x) for x in np.atleast_1d(at_events)]}


def aj(d):
    times, outcomes = np.asarray(d["times"], float), np.asarray(d["outcomes"], int)
    cause = int(d["cause"])
    event_times = sorted({float(t) for t, o in zip(times, outcomes) if o != 0})
    raw, jittered = aalen_johansen(times, outcomes, cause, 0.0)
    shifted = times + 1.0 + np.where(outcomes == 0, 2 * JITTER, 0.0)
    aligned, _ = aalen_johansen(shifted, outcomes, cause, 0.0)
    # Read a jittered fit just after the jittered copies of each event time (never near 12/24/60
    # with day-resolution times), so differences come from the at-risk sets, not the positions.
    out = {"name": d["name"], "jittered": jittered,
           "raw": aj_readings(raw, event_times, 1.5 * JITTER if jittered else 0.0),
           "aligned": aj_readings(aligned, event_times, 1.0 + 1.5 * JITTER)}
    if not jittered:
        cd = raw.cumulative_density_
        out["raw"]["timeline"] = [float(t) for t in cd.index]
        out["raw"]["incidence"] = [float(x) for x in cd.iloc[:, 0]]
    return out


def main():
    with open(sys.argv[1]) as f:
        data = json.load(f)
    result = {
        "km": [kaplan_meier(d) for d in data["km"]],
        "aj": [aj(d) for d in data["aj"]],
        "chi2": [float(stats.chi2.sf(x, df)) for x, df in data.get("chi2", [])],
        "ppf": [float(stats.norm.ppf(p)) for p in data.get("ppf", [])],
    }
    json.dump(result, sys.stdout, allow_nan=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
