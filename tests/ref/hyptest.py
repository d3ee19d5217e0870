#!/usr/bin/python3
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
"""
import math

import numpy as np
import statsmodels.api as sm


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
    main()
