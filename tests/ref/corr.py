#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cross-check of tests/ref/corr.R with SciPy, on the vectors of
tests/unit/test_stats.c:  /usr/bin/python3 tests/ref/corr.py

pearsonr (with its Fisher-z confidence_interval), spearmanr (t approximation),
kendalltau(method="asymptotic") (tau-b, tie-corrected variance).  Prints the
values with 17 significant digits; they must agree with corr.R to 1e-9.
"""
from scipy import stats

x = [2, 4, 4, 5, 7, 7, 7, 8, 10, 12, 3, 6]
y = [30, 28, 29, 25, 20, 22, 20, 18, 15, 11, 27, 23]
w = [1.5, 2.25, 0.5, 3, 4.75, 2, 6, 5.5, 3.25, 7, 1, 4]
x3, y3 = [1, 2, 4], [2, 1, 5]

# numerical edges: R's cor overflows or underflows at these scales; pearsonr
# rescales.  tests/unit/test_stats.c "edge" tests, tests/cases/corr/numeric-edges.
ex = [0.6, 0.7, 0.3, 0.0, 0.7, 0.2]
ey = [0.7, 0.5, 0.9, 0.5, 0.4, 0.8]
for s in (1e160, 1e-170, 1e-300, 1e200):
    r = stats.pearsonr([(1 + v) * s for v in ex], [(1 + v) * s for v in ey])
    print(f"edge (1 + x) * {s:g}: r {r.statistic:.17g}")
# here the mean itself overflows in pearsonr: divided by 1e308 first
wx = [(v - 0.35) * 4 * 1e308 for v in ex]
wy = [(v - 0.65) * 4 * 1e308 for v in ey]
r = stats.pearsonr([v / 1e308 for v in wx], [v / 1e308 for v in wy])
print(f"edge (x - 0.35) * 4 * 1e308: r {r.statistic:.17g}")

for name, a, b in (("xy", x, y), ("xw", x, w), ("n3", x3, y3)):
    r = stats.pearsonr(a, b)
    line = [f"{name} pearson r {r.statistic:.17g} p {r.pvalue:.17g}"]
    if len(a) > 3:
        ci = r.confidence_interval(0.95)
        line.append(f"ci {ci.low:.17g} {ci.high:.17g}")
    print(" ".join(line))
    s = stats.spearmanr(a, b)
    print(f"{name} spearman r {s.correlation:.17g} p {s.pvalue:.17g}")
    k = stats.kendalltau(a, b, method="asymptotic")
    print(f"{name} kendall r {k.correlation:.17g} p {k.pvalue:.17g}")
