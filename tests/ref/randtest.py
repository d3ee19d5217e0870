#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# The randomization test of ease-prepost --plan, by brute force: every
# sequence of blocks (each block an order of all arms) is enumerated, those
# the design admits (--max-run) and that keep every other arm where it was
# form the reference set, and the statistic (mean of arm a's unit means -
# arm b's) is computed on each.  p = share of schedules whose |statistic|
# is at least the observed one's.  The 95 % interval inverts the test under
# the shift model (a unit's value under a = its value under b + delta),
# bisecting the boundary of {delta: p(delta) > 0.05} as ease does.
# Writes tests/unit/ref_randtest.h; independent of lib/randtest.c's swap
# recursion.
import itertools, math, random

def schedules(k, blocks, max_run):
    perms = list(itertools.permutations(range(k)))
    for seq in itertools.product(perms, repeat=blocks):
        flat = [a for b in seq for a in b]
        run = longest = 1
        for i in range(1, len(flat)):
            run = run + 1 if flat[i] == flat[i - 1] else 1
            longest = max(longest, run)
        if max_run == 0 or longest <= max_run:
            yield flat

def stat(assign, z, a, b):
    va = [z[u] for u in range(len(z)) if assign[u] == a and not math.isnan(z[u])]
    vb = [z[u] for u in range(len(z)) if assign[u] == b and not math.isnan(z[u])]
    if not va or not vb:
        return float("nan")
    return sum(va) / len(va) - sum(vb) / len(vb)

def refset(k, blocks, max_run, obs, a, b):
    keep = [u for u in range(len(obs)) if obs[u] not in (a, b)]
    return [s for s in schedules(k, blocks, max_run) if all(s[u] == obs[u] for u in keep)]

def p_at(ref, obs, y, a, b, delta):
    # values under b: a's units shifted back; a schedule adds delta where it gives a
    zb = [y[u] - delta if obs[u] == a else y[u] for u in range(len(y))]
    t = stat(obs, zb, a, b)
    n = 0
    for s in ref:
        v = stat(s, zb, a, b)
        if math.isnan(v) or abs(v) >= abs(t) - 1e-9 * max(1, abs(t)):
            n += 1
    return n / len(ref)

def bound(ref, obs, y, a, b, est, span, side):
    inside, out = est, est + side * span
    k = 0
    while p_at(ref, obs, y, a, b, out) > 0.05:
        k += 1
        if k > 30:
            return float("nan")
        span *= 2
        out = est + side * span
    for _ in range(60):
        mid = (inside + out) / 2
        if p_at(ref, obs, y, a, b, mid) > 0.05:
            inside = mid
        else:
            out = mid
    return (inside + out) / 2

def nap(va, vb, lower):
    # share of pairs in which a is better, ties half
    s = 0.0
    for x in va:
        for w in vb:
            s += 1 if (x < w if lower else x > w) else 0.5 if x == w else 0
    return s / (len(va) * len(vb))

random.seed(20261206)
cases = []
designs = [(2, 6, 0), (2, 6, 1), (2, 8, 0), (3, 3, 0), (3, 3, 1), (2, 5, 0), (4, 2, 0), (3, 5, 0), (3, 5, 1)]
for k, blocks, max_run in designs:
    allsched = list(schedules(k, blocks, max_run))
    obs = allsched[random.randrange(len(allsched))]
    y = [round(random.uniform(2, 8), 1) for _ in obs]
    if blocks == 8:
        y[3] = float("nan")   # a unit without a value
        y[10] = float("nan")
    for a, b in [(0, 1)] + ([(0, 2), (1, 2)] if k >= 3 else []):
        ref = refset(k, blocks, max_run, obs, a, b)
        t = stat(obs, y, a, b)
        ys = [v for v in y if not math.isnan(v)]
        va = [y[u] for u in range(len(y)) if obs[u] == a and not math.isnan(y[u])]
        vb = [y[u] for u in range(len(y)) if obs[u] == b and not math.isnan(y[u])]
        span = 2 * (max(va + vb) - min(va + vb)) + abs(t) + 1
        cases.append(dict(k=k, blocks=blocks, max_run=max_run, obs=obs, y=y, a=a, b=b,
                          diff=t, p=p_at(ref, obs, y, a, b, 0), n=len(ref),
                          lo=bound(ref, obs, y, a, b, t, span, -1),
                          hi=bound(ref, obs, y, a, b, t, span, +1),
                          nap=nap(va, vb, True)))

def num(v):
    return "NAN" if math.isnan(v) else repr(float(v))

print("/* SPDX-License-Identifier: GPL-3.0-or-later */")
print("/* Written by tests/ref/randtest.py: brute-force randomization tests. */")
print("static const struct rt_ref {")
print("\tint k; long blocks, max_run; int a, b; int arm[32]; double y[32];")
print("\tdouble diff, p, n, lo, hi, nap;")
print("} rt_refs[] = {")
for c in cases:
    print("\t{%d, %d, %d, %d, %d, {%s}, {%s}," % (c["k"], c["blocks"], c["max_run"], c["a"], c["b"],
          ", ".join(map(str, c["obs"])), ", ".join(num(v) for v in c["y"])))
    print("\t %s, %s, %d, %s, %s, %s}," % (num(c["diff"]), num(c["p"]), c["n"], num(c["lo"]), num(c["hi"]), num(c["nap"])))
print("};")
