#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Newey-West reference values for lib/hyptest.c's interrupted time series.

    python3 tests/ref/hyptest.py

prints the C initialisers of tests/unit/test_hyptest.c for the HAC fit, from
statsmodels, independently of ease:

    OLS(y, X).fit(cov_type='HAC', cov_kwds={'maxlags': L})

with X = [1, t, post, (t - t0) post], post = t >= t0, and
L = floor(4 (n/100)^(2/9)).  statsmodels' defaults there: Bartlett weights
1 - l/(L+1), lags over rows (not days), no small-sample correction
(use_correction=False) and p-values from the normal distribution
(use_t=False).  The series are those of tests/ref/hyptest.R (its_data).
It also prints statsmodels' plain OLS standard errors, which must agree with
R's lm there.

    python3 tests/ref/hyptest.py scipy

prints SciPy's figures for the t, rank and Kruskal-Wallis cases of
tests/ref/hyptest.R in the same layout, a second reference for R's:
ttest_rel, ttest_ind(equal_var=False), wilcoxon(zero_method='wilcox',
correction=True) (V from alternative='greater') and mannwhitneyu
(use_continuity=True), each with the exact or normal method R chose, and
kruskal.
"""
import math
import sys

import numpy as np
import statsmodels.api as sm


def gen(n, a, b, m, s, mul=1, add=0):
    return [(((i * a + b) % m) * mul + add) / s for i in range(1, n + 1)]


# the data of tests/ref/hyptest.R
P1 = ([3.2, 4.1, 2.7, 5.6, 3.9, 4.4, 2.2, 3.5, 4.8, 3.0, 2.9, 4.0],
      [5.1, 4.6, 4.9, 5.2, 6.3, 4.8, 3.7, 5.9, 5.0, 4.4, 4.6, 5.7])
P2 = ([4, 3, 5, 6, 2, 4, 5, 3, 4, 6, 3, 2, 5, 4],
      [6, 5, 5, 7, 4, 6, 5, 5, 6, 6, 4, 4, 7, 5])
P3 = (gen(60, 37, 11, 101, 10), gen(60, 53, 7, 97, 10))
P5 = ([10.5, 12.25, 9, 11.75, 13.5, 8.25, 10, 12.5, 11, 9.5],
      [11.75, 9.75, 8.25, 8.5, 14, 6.5, 6, 10.25, 9.5, 5.75])
P6 = ([float(i) for i in range(1, 50)],
      [i - (1 if (i * 7 + 3) % 5 < 2 else -1) * i / 4 for i in range(1, 50)])
P7 = ([5, 3.5, 3, 4, 3.5, 2.25], [5, 4.25, 6.25, 4, 5.5, 6])
I1 = ([3.1, 4.7, 2.2, 5.8, 3.6, 4.0, 2.9, 5.1],
      [5.5, 6.1, 4.3, 7.2, 5.0, 6.6, 4.9, 5.7, 6.9, 4.4])
I2 = ([4, 5, 3, 6, 4, 5, 7, 3, 4, 5, 6], [6, 7, 5, 6, 8, 7, 5, 6, 7, 9])
I3 = (gen(55, 29, 3, 103, 8), gen(52, 41, 5, 107, 8))
I4 = (gen(49, 31, 2, 97, 10), gen(49, 17, 5, 89, 20, 2, 1))
I5 = ([1.5, 9.25, 4.75], gen(40, 13, 1, 43, 4, 2, 1))
I6 = ([5, 5, 5, 5], [6.5, 6, 7.25, 7, 8, 9.5])
K1 = ([2.9, 3.0, 2.5, 2.6, 3.2], [3.8, 2.7, 4.0, 2.4], [2.8, 3.4, 3.7, 2.2, 2.0])
K2 = ([1, 2, 2, 3, 5], [2, 3, 3, 4], [4, 5, 5, 6, 6, 7])


def scipy_figures():
    from scipy import stats
    print("/* ---- t tests: diff, ci_lo, ci_hi, t, df, p ---- */")
    for name, (x, y) in (("P1", P1), ("P2", P2), ("P3", P3), ("P5", P5)):
        r = stats.ttest_rel(x, y)
        ci = r.confidence_interval()
        print("\t/* ttest_rel(%sx, %sy) */" % (name, name))
        print("\t%s" % num([np.mean(np.subtract(x, y)), ci.low, ci.high,
                             r.statistic, r.df, r.pvalue]))
    for name, (x, y) in (("I1", I1), ("I2", I2), ("I3", I3), ("I5", I5),
                         ("I6", I6)):
        # SciPy 1.10 gives neither df nor the interval here
        r = stats.ttest_ind(x, y, equal_var=False)
        print("\t/* ttest_ind(%sx, %sy, equal_var=False): diff, t, p */"
              % (name, name))
        print("\t%s" % num([np.mean(x) - np.mean(y), r.statistic, r.pvalue]))
    print("/* ---- rank tests: stat, p ---- */")
    for name, (x, y), m in (("P1", P1, "approx"), ("P2", P2, "approx"),
                            ("P3", P3, "approx"), ("P5", P5, "exact"),
                            ("P6", P6, "exact"), ("P7", P7, "approx")):
        kw = dict(zero_method="wilcox", correction=True, method=m)
        v = stats.wilcoxon(x, y, alternative="greater", **kw).statistic
        p = stats.wilcoxon(x, y, **kw).pvalue
        print("\t/* wilcoxon(%sx, %sy, method=%r) */" % (name, name, m))
        print("\t%s" % num([v, p]))
    for name, (x, y), m in (("I1", I1, "exact"), ("I2", I2, "asymptotic"),
                            ("I3", I3, "asymptotic"), ("I4", I4, "exact"),
                            ("I5", I5, "asymptotic"), ("I6", I6, "asymptotic")):
        r = stats.mannwhitneyu(x, y, use_continuity=True, method=m)
        print("\t/* mannwhitneyu(%sx, %sy, method=%r) */" % (name, name, m))
        print("\t%s" % num([r.statistic, r.pvalue]))
    print("/* ---- Kruskal-Wallis: H, p ---- */")
    for name, g in (("K1", K1), ("K2", K2)):
        r = stats.kruskal(*g)
        print("\t/* kruskal(*%s) */" % name)
        print("\t%s" % num([r.statistic, r.pvalue]))


def its_data(n, a, m, t0, gaps, amp):
    t = [d for d in range(n) if d not in gaps]
    y = []
    for i, d in enumerate(t, start=1):
        post = 1 if d >= t0 else 0
        # integers until one division, as R and C compute them
        k = 600 + 2 * d - 150 * post - 3 * (d - t0) * post
        y.append((k + ((i * a + 11) % m - (m - 1) / 2) * amp) / 100)
    return np.array(t, float), np.array(y), t0


def num(v):
    return ", ".join("NAN" if math.isnan(x) else repr(float(x)) for x in v)


def main():
    for name, (t, y, t0) in (
            ("S1", its_data(60, 37, 41, 30, (7, 8, 33, 50), 4)),
            ("S2", its_data(200, 23, 29, 120, (0, 5, 99, 120, 121, 150), 40))):
        post = (t >= t0).astype(float)
        X = np.column_stack([np.ones_like(t), t, post, (t - t0) * post])
        lags = int(math.floor(4 * (len(t) / 100) ** (2 / 9)))
        hac = sm.OLS(y, X).fit(cov_type='HAC', cov_kwds={'maxlags': lags})
        ols = sm.OLS(y, X).fit()
        print("\t/* %s: OLS(y, X).fit(cov_type='HAC', cov_kwds={'maxlags': %d}):"
              " params, bse, pvalues */" % (name, lags))
        print("\t{%d,\n\t {%s},\n\t {%s},\n\t {%s}}," %
              (lags, num(hac.params), num(hac.bse), num(hac.pvalues)))
        print("\t/* %s: OLS(y, X).fit().bse (cross-check of R's lm) */" % name)
        print("\t/* %s */" % num(ols.bse))


if __name__ == "__main__":
    if sys.argv[1:] == ["scipy"]:
        scipy_figures()
    else:
        main()
