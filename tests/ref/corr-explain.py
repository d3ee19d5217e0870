#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Data and SciPy values for the --explain wording cases:
  /usr/bin/python3 tests/ref/corr-explain.py

tests/cases/corr/explain-very-weak/diary.csv is written here (fixed seed): a
correlation below 0.10 that, over 1500 days, is unlikely to be chance.
tests/cases/corr/explain-kendall-scale/year.csv is a trial's diary: Kendall's
tau of sleep_hours against next day's pain is -0.09, which on Pearson's scale,
r = sin(pi tau / 2), is a weak correlation, not a negligible one.
"""
import csv, datetime, math, os, random
from scipy import stats

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cases", "corr")

rng = random.Random(20260313)
d0 = datetime.date(2020, 1, 1)
rows = []
for i in range(1500):
    s = round(rng.uniform(5, 9), 1)
    p = round(5 - 0.07 * (s - 7) + rng.gauss(0, 1.6))
    rows.append((d0 + datetime.timedelta(days=i), s, min(10, max(0, p))))
with open(os.path.join(here, "explain-very-weak", "diary.csv"), "w") as f:
    f.write("date,sleep_hours,pain\n")
    for d, s, p in rows:
        f.write(f"{d},{s},{p}\n")
r = stats.pearsonr([s for _, s, _ in rows], [p for _, _, p in rows])
print(f"very-weak pearson r {r.statistic:.6g} p {r.pvalue:.6g}")

with open(os.path.join(here, "explain-kendall-scale", "year.csv")) as f:
    days = {row["date"]: row for row in csv.DictReader(f)}
x, y = [], []
for d, row in days.items():
    nxt = str(datetime.date.fromisoformat(d) + datetime.timedelta(days=1))
    if nxt in days and row["sleep_hours"] and days[nxt]["pain"]:
        x.append(float(row["sleep_hours"]))
        y.append(float(days[nxt]["pain"]))
k = stats.kendalltau(x, y, method="asymptotic")
print(f"kendall-scale lag 1 n {len(x)} tau {k.statistic:.6g} p {k.pvalue:.6g}"
      f" on r's scale {math.sin(math.pi * round(k.statistic, 2) / 2):.4f}")
