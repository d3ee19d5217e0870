#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference for ease-alert, written from the rules of ease-alert(1) with pandas,
independently of lib/alert.c.

    python3 tests/ref/alert.py lines DIARY DATE [RULE,...]
        the lines ease-alert --today=DATE --rules RULES DIARY prints (default
        rules: flare,high,sleep,meds; overdue comes from tests/ref/relief.R)
    python3 tests/ref/alert.py figures DIARY DATE
        the flare rule's figures on DATE at full precision
    python3 tests/ref/alert.py unit > tests/unit/ref_alert.h
        EMA values, and the flare figures of the case flare-first-day, for
        tests/unit/test_alert.c (1e-9 relative); run from the top folder

The EMA of span N is pandas' ewm(span=N, adjust=True).mean() on consecutive
days; across gaps, ewm(halflife=H days, times=dates) with H = ln 2 / ln((N+1)/(N-1)),
which is the same decay per calendar day (span 3: alpha 0.5, H = 1 day).
The baseline is the mean and the sample SD (ddof=1) of the values of the 28
days before the day, at least 14 of them present.
"""
import math
import sys

import numpy as np
import pandas as pd

BASE, K, SPAN = 28, 2.0, 3
HIGH, HIGH_DAYS = 7.0, 2
SLEEP_H, SLEEP_K, SLEEP_N = 5.0, 3, 5
MEDS_F, MEDS_DAYS = 1.5, 7


def half_life(span):
    return math.log(2) / math.log((span + 1) / (span - 1))


def fmt1(v):
    s = "%.1f" % v
    if s == "-0.0":
        s = "0.0"
    return s[:-2] if s.endswith(".0") else s


def read(path):
    d = pd.read_csv(path, na_values=["", "NA"], keep_default_na=False)
    d["date"] = pd.to_datetime(d["date"])
    return d.set_index("date")


def series(d, col, today):
    s = d[col].astype(float) if col in d else pd.Series(dtype=float)
    return s[s.index <= today]


def ema_on(s, day):
    """The EMA as of DAY: the last value of the EWM over the values up to it."""
    v = s[s.index <= day].dropna()
    if len(v) == 0:
        return float("nan")
    e = v.ewm(halflife=pd.Timedelta(days=half_life(SPAN)), times=v.index).mean()
    return float(e.iloc[-1])


def flare(s, day, last):
    """1 with the message, 0, or -1 (not evaluated)."""
    if day == last and (day not in s.index or pd.isna(s.get(day))):
        return -1, None
    base = s[(s.index >= day - pd.Timedelta(days=BASE)) & (s.index < day)].dropna()
    ema = ema_on(s, day)
    if len(base) < max(BASE // 2, 2) or math.isnan(ema):
        return -1, None
    m, sd = base.mean(), base.std(ddof=1)
    if not ema > m + K * sd:
        return 0, None
    return 1, "pain EMA %s above %s + 2 SD = %s (28 days before)" % (
        fmt1(ema), fmt1(m), fmt1(m + K * sd))


def window(s, day, n):
    return [s.get(day - pd.Timedelta(days=i), float("nan")) for i in range(n - 1, -1, -1)]


def high(s, day, last):
    v = window(s, day, HIGH_DAYS)
    if any(not pd.isna(x) and x < HIGH for x in v):
        return 0, None
    if any(pd.isna(x) for x in v):
        return -1, None
    return 1, "pain 7 or more on 2 days in a row (%s)" % ", ".join(fmt1(x) for x in v)


def sleep(s, day, last):
    v = window(s, day, SLEEP_N)
    short = [x for x in v if not pd.isna(x) and x < SLEEP_H]
    miss = sum(1 for x in v if pd.isna(x))
    if len(short) >= SLEEP_K:
        return 1, "under 5 h on %d of the last 5 nights (%s)" % (
            len(short), ", ".join(fmt1(x) for x in short))
    return (-1 if len(short) + miss >= SLEEP_K else 0), None


def meds(s, day, last):
    recent = pd.Series(window(s, day, MEDS_DAYS)).dropna()
    base = pd.Series(window(s, day - pd.Timedelta(days=MEDS_DAYS), BASE)).dropna()
    if len(recent) < (MEDS_DAYS + 1) // 2 or len(base) < BASE // 2:
        return -1, None
    r = recent.mean() * MEDS_DAYS
    b = base.mean() * MEDS_DAYS
    if not r > MEDS_F * b:
        return 0, None
    return 1, "%s dose%s in the last 7 days, above 1.5 x %s (the 28 days before, per 7 days)" % (
        fmt1(r), "" if fmt1(r) == "1" else "s", fmt1(b))


RULES = {"flare": ("pain", flare), "high": ("pain", high),
         "sleep": ("sleep_hours", sleep), "meds": ("meds_doses", meds)}


def lines(path, today, rules, held=False):
    d = read(path)
    today = pd.Timestamp(today)
    groups = d.groupby("subject", sort=False) if "subject" in d else [(None, d)]
    for subj, g in groups:
        g = g[g.index <= today]
        last = g.index.max()
        for name in rules:
            col, fn = RULES[name]
            s = series(g, col, today)
            now, msg = fn(s, last, last)
            # "held": the condition on the last day alone, as --state or --repeat
            # raise it on a later day of a spell
            first = held or fn(s, last - pd.Timedelta(days=1), last)[0] != 1
            if now == 1 and first:
                who = "" if subj is None else " " + subj
                print("%s%s %s: %s" % (last.strftime("%Y-%m-%d"), who, name, msg))


def figures(path, today):
    d = read(path)
    day = pd.Timestamp(today)
    s = series(d, "pain", day)
    base = s[(s.index >= day - pd.Timedelta(days=BASE)) & (s.index < day)].dropna()
    print("ema %.17g" % ema_on(s, day))
    print("mean %.17g" % base.mean())
    print("sd %.17g" % base.std(ddof=1))


def unit():
    rng = np.random.default_rng(14)
    days = np.cumsum(rng.choice([1, 1, 1, 2, 3], size=40))
    vals = np.round(rng.uniform(0, 10, size=40), 1)
    print("/* Written by tests/ref/alert.py unit: never edit by hand. */")
    print("static const long alert_days[] = {%s};" % ", ".join(str(int(x)) for x in days))
    print("static const double alert_vals[] = {%s};" % ", ".join(repr(float(x)) for x in vals))
    for span in (2, 3, 7):
        # by calendar days (times=), and by rows on consecutive days (span=)
        t = pd.to_datetime(days, unit="D")
        e = pd.Series(vals, index=t).ewm(halflife=pd.Timedelta(days=half_life(span)),
                                          times=t).mean()
        print("static const double alert_ema%d[] = {%s};" % (
            span, ", ".join("%.17g" % x for x in e)))
        r = pd.Series(vals).ewm(span=span, adjust=True).mean()
        print("static const double alert_ema%d_rows[] = {%s};" % (
            span, ", ".join("%.17g" % x for x in r)))
    # the case flare-first-day: its pain up to 2026-11-20 and the figures there
    d = read("tests/cases/alert/flare-first-day/diary.csv")
    s = series(d, "pain", pd.Timestamp("2026-11-20"))
    day = s.index[-1]
    base = s[(s.index >= day - pd.Timedelta(days=BASE)) & (s.index < day)].dropna()
    print("static const double flare_pain[] = {%s};" % ", ".join(repr(float(x)) for x in s))
    print("static const double flare_ema = %.17g, flare_mean = %.17g, flare_sd = %.17g;" % (
        ema_on(s, day), base.mean(), base.std(ddof=1)))


if __name__ == "__main__":
    if sys.argv[1] == "lines":
        rules = sys.argv[4].split(",") if len(sys.argv) > 4 else ["flare", "high", "sleep", "meds"]
        lines(sys.argv[2], sys.argv[3], rules)
    elif sys.argv[1] == "held":
        lines(sys.argv[2], sys.argv[3], sys.argv[4].split(","), held=True)
    elif sys.argv[1] == "figures":
        figures(sys.argv[2], sys.argv[3])
    else:
        unit()
