#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference for ease-prepost --its, independent of ease: the segmented
regression of each subject's days by statsmodels.

    python3 tests/ref/prepost.py DIARY VALUE DATE|first [EVENT] [hac|ols]

y = b0 + b1 t + b2 post + b3 (t - t0) post, t the calendar days since the
subject's first day with a value, post = t >= t0, fitted by
statsmodels OLS(y, X).fit(cov_type='HAC', cov_kwds={'maxlags': L}) with
L = floor(4 (n/100)^(2/9)) (Newey-West, Bartlett kernel, normal p), or plain
.fit() for ols (as R lm).  r1_resid: Pearson r of the residuals of
consecutive days.  Numbers printed as ease prints them (%.6g; DIGITS in the
environment for more).
"""
import csv
import datetime
import math
import os
import sys

import numpy as np
import statsmodels.api as sm

path, value, at = sys.argv[1], sys.argv[2], sys.argv[3]
rest = sys.argv[4:]
se = "hac"
if rest and rest[-1] in ("hac", "ols"):
    se = rest.pop()
event = rest[0] if rest else None
digits = int(os.environ.get("DIGITS", "6"))


def fmt(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if x == 0:
        return "0"
    if x == int(x) and abs(x) < 1e15:
        return "%d" % x
    return "%.*g" % (digits, x)


def num(s):
    if s in ("", "NA"):
        return None
    return float(s)


day = lambda s: datetime.date.fromisoformat(s).toordinal()
rows = list(csv.DictReader(open(path)))
subjects = []
for r in rows:
    s = r.get("subject", "") or "all"
    if not subjects or subjects[-1][0] != s:
        subjects.append((s, []))
    subjects[-1][1].append(r)

print("group,measure,n,t0,pre_level,pre_slope,level_change,level_se,level_p,"
      "slope_change,slope_se,slope_p,r1_resid,se_kind")
for s, rs in subjects:
    if at == "first":
        ev = [day(r["date"]) for r in rs if num(r[event]) and num(r[event]) > 0]
        a = min(ev)
    else:
        a = day(at)
    pts = [(day(r["date"]), num(r[value])) for r in rs if num(r[value]) is not None]
    d0 = pts[0][0]
    t = np.array([p[0] - d0 for p in pts], float)
    y = np.array([p[1] for p in pts], float)
    t0 = a - d0
    post = (t >= t0).astype(float)
    X = np.column_stack([np.ones_like(t), t, post, (t - t0) * post])
    n = len(t)
    if se == "hac":
        L = int(math.floor(4 * (n / 100) ** (2 / 9)))
        f = sm.OLS(y, X).fit(cov_type="HAC", cov_kwds={"maxlags": L})
    else:
        f = sm.OLS(y, X).fit()
    e = f.resid
    k = [i for i in range(n - 1) if t[i + 1] == t[i] + 1]
    r1 = np.corrcoef(e[k], e[[i + 1 for i in k]])[0, 1]
    print(",".join([s, value, fmt(n), datetime.date.fromordinal(a).isoformat(),
                    fmt(f.params[0]), fmt(f.params[1]), fmt(f.params[2]),
                    fmt(f.bse[2]), fmt(f.pvalues[2]), fmt(f.params[3]),
                    fmt(f.bse[3]), fmt(f.pvalues[3]), fmt(r1), se]))
