#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference values for tests/unit/test_simulate.c (run with Debian's python3,
# which has SciPy).  Each printed line is pasted next to the check it feeds.
from scipy import stats

# ease_comoment_r on a fixed pair of series
x = [3, 5.5, 4, 7, 6, 2, 8.25, 5, 4.5, 6]
y = [7.5, 6.1, 7.0, 5.2, 6.4, 8.0, 4.9, 6.6, 6.8, 5.5]
print("pearson_r %.17g" % stats.pearsonr(x, y)[0])
# shifted by a large constant: the one-pass algorithm must not lose digits
print("pearson_r_shift %.17g" % stats.pearsonr([v + 1e6 for v in x], [v - 1e6 for v in y])[0])

# Closed forms of the model (see ease-simulate(1)): a session every N days,
# effect E points on the day after, half-life H days.  Relief on day j after
# a session (j = 1..N, j = N being the next session's day) sums the decayed
# relief of every earlier session: E * 0.5^((j-1)/H) / (1 - 0.5^(N/H)).
def relief(E, H, N, j):
    return E * 0.5 ** ((j - 1) / H) / (1 - 0.5 ** (N / H))

# mean relief over treatment days = E / (N * (1 - 0.5^(1/H)))
print("mean_relief swedish 1.2:2 every 4 %.17g" % (1.2 / (4 * (1 - 0.5 ** (1 / 2)))))
for j in (1, 2, 3, 5, 10):
    print("relief 2:2 every 10 j=%d %.17g" % (j, relief(2, 2, 10, j)))
# weekly pattern A*cos(2*pi*(d-peak)/7): peak day minus three days later
import math
print("weekly peak-minus-3 A=1 %.17g" % (1 - math.cos(2 * math.pi * 3 / 7)))
