#!/usr/bin/env python3
"""Recompute a build's survival figures with lifelines, from its analysis_cohort.parquet alone.

Usage: report_lifelines.py BUILD_DIR
Prints JSON: {"analyses": {by: {"logrank_p": p|null, "groups": {group: {...}}}}, "aml": {...}}
with the rules of docs/report.md: a by-variable analysis leaves out patients whose value is null;
first_line_category's `unknown` group is drawn but kept out of the log-rank test; AML has death
without AML as a competing event. inf (not reached) is printed as null.

lifelines' AalenJohansenFitter jitters event times (by up to +-1e-4, at random) when events of
different causes tie, and forces its first row to 0. The "at" readings therefore use the recipe of
Sources/RegpoolStatistics/README.md under which it gives the standard Aalen-Johansen estimate:
every time + 1, censored times + 2e-4 (a jittered event never moves past a censoring at its own
time), read at t + 1 + 1.5e-4. "raw_at" is lifelines on the data as given (seed 0) and "jittered"
says whether it jittered; without jitter both readings must agree.
"""
import json
import math
import sys
import warnings

import numpy as np
import pyarrow.parquet as pq
from lifelines import AalenJohansenFitter, KaplanMeierFitter
from lifelines.statistics import multivariate_logrank_test
from lifelines.utils import median_survival_times

warnings.simplefilter("ignore")


def finite(x):
    x = float(x)
    return None if math.isinf(x) or math.isnan(x) else x


def km(durations, events):
    kmf = KaplanMeierFitter().fit(durations, events)
    ci = median_survival_times(kmf.confidence_interval_)
    return {
        "subjects": int(len(durations)), "events": int(sum(events)),
        "median": finite(kmf.median_survival_time_),
        "median_lower": finite(ci.iloc[0, 0]), "median_upper": finite(ci.iloc[0, 1]),
    }


JITTER = 0.0001  # AalenJohansenFitter's default jitter_level


def aalen_johansen(times, codes):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ajf = AalenJohansenFitter(seed=0).fit(times, codes, event_of_interest=1)
    return ajf.cumulative_density_.iloc[:, 0], any("Tied event times" in str(w.message) for w in caught)


def reading(cif, t):
    before = cif[cif.index <= t]
    return float(before.iloc[-1]) if len(before) else 0.0


def main():
    build = sys.argv[1]
    df = pq.read_table(f"{build}/analysis_cohort.parquet").to_pandas()
    out = {"analyses": {}}
    out["analyses"]["all"] = {"logrank_p": None, "groups": {"all": km(df.os_months, df.os_event.astype(bool))}}
    for by in ("failure_type", "karyotype_category", "first_line_category"):
        known = df[df[by].notna()]
        groups = {str(g): km(sub.os_months, sub.os_event.astype(bool)) for g, sub in known.groupby(by)}
        tested = known[known[by] != "unknown"]
        p = None
        if tested[by].nunique() >= 2:
            p = float(multivariate_logrank_test(tested.os_months, tested[by], tested.os_event.astype(bool)).p_value)
        out["analyses"][by] = {"logrank_p": p, "groups": groups, "excluded_unknown": int(len(df) - len(known))}
    aml = df[df.aml_months.notna()]
    times = aml.aml_months.to_numpy(dtype=float)
    codes = np.where(aml.aml_event.astype(bool), 1, np.where(aml.os_event.astype(bool), 2, 0))
    raw, jittered = aalen_johansen(times, codes)
    aligned, _ = aalen_johansen(times + 1.0 + np.where(codes == 0, 2 * JITTER, 0.0), codes)
    out["aml"] = {"subjects": int(len(aml)), "aml_events": int((codes == 1).sum()),
                  "competing_deaths": int((codes == 2).sum()), "jittered": jittered,
                  "time_zero_aml_events": int(((times == 0) & (codes == 1)).sum()),
                  "at": {str(t): reading(aligned, t + 1.0 + 1.5 * JITTER) for t in (12, 24, 60)},
                  "raw_at": {str(t): reading(raw, t + (1.5 * JITTER if jittered else 0.0)) for t in (12, 24, 60)}}
    print(json.dumps(out, sort_keys=True))


if __name__ == "__main__":
    main()
