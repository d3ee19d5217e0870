#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# An independent estimate of ease-plan --power for two arms, a week each, no
# --max-run: the diary's daily pain gives its SD (n - 1) and lag-1
# autocorrelation (Pearson r over consecutive days); each simulated trial has
# a stationary Gaussian AR(1) series of 7 days a unit, the first arm's units
# lowered by EFFECT, a schedule drawn uniformly (each block's order a coin),
# and the two-sided randomization p of the difference of the arms' means of
# unit means, by enumerating all 2^B swaps.  Prints "blocks power" for each
# number of blocks asked for.
# usage: plan_power.py DIARY EFFECT TRIALS SEED BLOCKS...
import csv, datetime, itertools, sys
import numpy as np

diary, effect, trials, seed = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
blocks = [int(b) for b in sys.argv[5:]]
days, pain = [], []
for r in csv.DictReader(open(diary, encoding="utf-8")):
    if r["pain"] != "":
        days.append(datetime.date.fromisoformat(r["date"]).toordinal())
        pain.append(float(r["pain"]))
v = np.array(pain)
sd = v.std(ddof=1)
pairs = [(v[i], v[i + 1]) for i in range(len(v) - 1) if days[i + 1] == days[i] + 1]
phi = float(np.corrcoef(np.array(pairs).T)[0, 1])
rng = np.random.default_rng(seed)
print(f"# sd {sd:.6f} phi {phi:.6f}")
for b in blocks:
    signs = np.array(list(itertools.product([1, -1], repeat=b)))  # swap or not
    hits = 0
    for _ in range(trials):
        n = 14 * b
        x = np.empty(n)
        x[0] = sd * rng.standard_normal()
        e = sd * np.sqrt(1 - phi * phi) * rng.standard_normal(n)
        for t in range(1, n):
            x[t] = phi * x[t - 1] + e[t]
        units = x.reshape(2 * b, 7).mean(axis=1).reshape(b, 2)
        first = rng.integers(0, 2, b)        # which unit of the block is arm 0
        ya = units[np.arange(b), first] - effect
        yb = units[np.arange(b), 1 - first]
        d = ya - yb                          # a swap flips the block's sign
        stats = signs @ d / b
        obs = d.sum() / b
        p = np.mean(np.abs(stats) >= abs(obs) - 1e-9 * max(1, abs(obs)))
        hits += p < 0.05
    print(b, hits / trials)
