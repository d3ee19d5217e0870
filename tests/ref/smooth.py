#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference values for ease-smooth and lib/window.c, from pandas.

Run from the top folder with Debian's Python (pandas 1.5):

    /usr/bin/python3 tests/ref/smooth.py

It writes, and so owns, these files (never edit them by hand):

  tests/unit/ref_window.h             every statistic at full precision, for
                                      tests/unit/test_window.c (1e-9 relative)
  tests/cases/smooth/<case>/diary.csv the input of a case
  tests/cases/smooth/<case>/out       its expected output, the numbers printed
                                      as ease prints them (6 significant digits)

Which pandas line gives which method (W = window in days, K = --min-count):

  sma     s.rolling(f"{W}D", min_periods=K).mean()
  median  s.rolling(f"{W}D", min_periods=K).median()
  sum     s.rolling(f"{W}D", min_periods=K).sum()
  min     s.rolling(f"{W}D", min_periods=K).min()
  max     s.rolling(f"{W}D", min_periods=K).max()
  --center: the same with center=True
  ema     s.ewm(halflife=pd.Timedelta(f"{H}D"), times=s.index).mean(),
          then blank until K values have been seen

  count   s.rolling(f"{W}D", min_periods=0).count(), then blank where it is
          below K.  pandas' own min_periods for count counts the rows in the
          window, missing values included, so a day table that skips a day
          would count differently from one that has the day with an empty
          cell; ease counts values, as for every other method.

  wma     pandas has no linearly weighted window by days, so it is computed
          here independently, by its definition, in wma_ref(): in the window
          of days [first, last] a value on day d weighs d - first + 1 (1 on
          the window's first day, W on its last) and the result is
          sum(weight * value) / sum(weight) over the values present.

Each series is one subject's rows, indexed by date; windows are calendar
days, so rows absent and rows with empty cells give the same numbers on the
days present.
"""
import math
import os
import random
import sys
from fractions import Fraction

import numpy as np
import pandas as pd

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
CASES = os.path.join(TOP, "tests", "cases", "smooth")


# ---- the references ----

def rolling(s, method, w, k, center=False):
    if method == "wma":
        return wma_ref(s, w, k, center)
    if method == "count":
        c = s.rolling(f"{w}D", min_periods=0, center=center).count()
        return c.where(c >= k)
    r = s.rolling(f"{w}D", min_periods=k, center=center)
    return {"sma": r.mean, "median": r.median, "sum": r.sum, "min": r.min,
            "max": r.max}[method]()


def window_of(day, w, center):
    """First and last day of the window of DAY (pandas' centring: an even
    window reaches one day further ahead than back)."""
    after = w // 2 if center else 0
    return day - (w - 1 - after), day + after


def wma_ref(s, w, k, center):
    days = [d.toordinal() for d in s.index]
    vals = list(s.values)
    out = []
    for d in days:
        first, last = window_of(d, w, center)
        num = den = 0.0
        n = 0
        for dd, v in zip(days, vals):
            if first <= dd <= last and not math.isnan(v):
                weight = dd - first + 1
                num += weight * v
                den += weight
                n += 1
        out.append(num / den if n >= k and n > 0 else math.nan)
    return pd.Series(out, index=s.index)


def ema(s, h, k=1):
    e = s.ewm(halflife=pd.Timedelta(f"{h}D"), times=s.index).mean()
    seen = s.notna().cumsum()
    return e.where(seen >= k)


# ---- formatting as ease prints computed numbers (value.h: ease_fmt_num) ----

def fmt(v, digits=6):
    """As ease prints V.  A value on a rounding tie at DIGITS (4.725 to three
    digits) could print either way from two sums that agree to 1e-15, so the
    diaries are chosen to have none, and this checks it."""
    if v is None or math.isnan(v):
        return ""
    lo, hi = fmt1(v * (1 - 1e-12), digits), fmt1(v * (1 + 1e-12), digits)
    if lo != hi and v != 0 and not (v == math.trunc(v)):
        raise SystemExit("rounding tie at %r with %d digits: choose other data"
                         % (v, digits))
    return fmt1(v, digits)


def fmt1(v, digits):
    if v == 0:
        return "0"
    if v == math.trunc(v) and abs(v) < 1e15:
        return "%.0f" % v
    return "%.*g" % (digits, v)


def fmt_days(h):
    return fmt(float(h))


# ---- the diaries ----

def make_diary(seed, subjects, ndays, skip, blank, start="2024-01-01",
               decimals=False):
    """Rows (date, subject, pain, meds_doses) with some days skipped and
    some cells blank.  Returns the rows as text cells."""
    rnd = random.Random(seed)
    rows = []
    for subj in subjects:
        d0 = pd.Timestamp(start) + pd.Timedelta(days=rnd.randrange(3))
        for i in range(ndays):
            if rnd.random() < skip:
                continue
            day = (d0 + pd.Timedelta(days=i)).strftime("%Y-%m-%d")
            if decimals:
                pain = "%.1f" % (rnd.randrange(0, 101) / 10)
            else:
                pain = str(rnd.randrange(0, 11))
            doses = str(rnd.choice([0, 0, 0, 1, 1, 2, 3]))
            if rnd.random() < blank:
                pain = rnd.choice(["", "NA", ""])
            if rnd.random() < blank:
                doses = ""
            rows.append([day, subj, pain, doses])
    return rows


def series(rows, col, subj):
    idx, vals = [], []
    for r in rows:
        if r[1] != subj:
            continue
        idx.append(pd.Timestamp(r[0]))
        cell = r[col]
        vals.append(float(cell) if cell not in ("", "NA") else math.nan)
    return pd.Series(vals, index=pd.DatetimeIndex(idx), dtype=float)


def write_case(name, cmd, header, rows, newcols, since=None, until=None,
               digits=6):
    """NEWCOLS: list of (column name, {subject: pandas Series}).  Rows outside
    SINCE..UNTIL are not written, but they were in the series smoothed."""
    d = os.path.join(CASES, name)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "cmd"), "w") as f:
        f.write(cmd + "\n")
    with open(os.path.join(d, "diary.csv"), "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    pos = {}
    for r in rows:
        pos[r[1]] = pos.get(r[1], -1) + 1
        r.append(pos[r[1]])
    with open(os.path.join(d, "out"), "w") as f:
        f.write(",".join(header + [n for n, _ in newcols]) + "\n")
        for r in rows:
            if (since and r[0] < since) or (until and r[0] > until):
                continue
            cells = r[:-1] + [fmt(by[r[1]].iloc[r[-1]], digits)
                                 for _, by in newcols]
            f.write(",".join(cells) + "\n")
    for r in rows:
        r.pop()


def subjects_of(rows):
    seen = []
    for r in rows:
        if r[1] not in seen:
            seen.append(r[1])
    return seen


def cols_for(rows, col, colname, specs, center=False):
    """SPECS: (method, window, min_count) or ("ema", half_life, min_count)."""
    out = []
    for method, w, k in specs:
        by = {}
        for subj in subjects_of(rows):
            s = series(rows, col, subj)
            by[subj] = ema(s, w, k) if method == "ema" else \
                rolling(s, method, w, k, center)
        name = f"{colname}_ema_hl{fmt_days(w)}" if method == "ema" else \
            f"{colname}_{method}{w}"
        out.append((name, by))
    return out


def cases():
    window_cases()
    overflow_case()
    overflow_digits_case()
    table_case()
    header = ["date", "subject", "pain", "meds_doses"]
    allm = ["sma", "wma", "median", "sum", "min", "max", "count"]

    # gaps: one subject, days missing from the table
    rows = make_diary(11, ["anna"], 40, skip=0.3, blank=0.0)
    write_case("gaps", "ease-smooth -f pain -w 7 --method " + ",".join(allm)
               + " diary.csv", header, rows,
               cols_for(rows, 2, "pain", [(m, 7, 4) for m in allm]))

    # missing: every day present, some cells empty or NA; and the same days
    # as a table that leaves those rows out must give the same numbers
    full = make_diary(12, ["anna"], 40, skip=0.0, blank=0.25, decimals=True)
    write_case("missing", "ease-smooth -f pain,meds_doses -w 7 --method sma,wma,median,sum,count diary.csv",
               header, full,
               cols_for(full, 2, "pain", [(m, 7, 4) for m in
                                          ["sma", "wma", "median", "sum", "count"]])
               + cols_for(full, 3, "meds_doses", [(m, 7, 4) for m in
                                                  ["sma", "wma", "median", "sum", "count"]]))
    sparse = [r[:] for r in full if r[2] not in ("", "NA")]
    specs = [(m, 7, 4) for m in ["sma", "wma", "median", "sum", "count"]]
    write_case("missing-rows-left-out",
               "ease-smooth -f pain -w 7 --method sma,wma,median,sum,count diary.csv",
               header, sparse, cols_for(sparse, 2, "pain", specs))
    # the point of the pair: the same numbers on the days both tables have
    bysparse = cols_for(sparse, 2, "pain", specs)
    byfull = cols_for(full, 2, "pain", specs)
    kept = [i for i, r in enumerate(full) if r[2] not in ("", "NA")]
    for (_, a), (_, b) in zip(bysparse, byfull):
        x, y = a["anna"].values, b["anna"].values[kept]
        assert np.allclose(x, y, rtol=1e-12, equal_nan=True)

    # several subjects, two windows, and a monthly one
    rows = make_diary(13, ["a1", "b2", "c3"], 50, skip=0.2, blank=0.15)
    write_case("subjects", "ease-smooth -f pain -w 7,28 --method sma,max diary.csv",
               header, rows,
               cols_for(rows, 2, "pain", [("sma", 7, 4), ("sma", 28, 14),
                                          ("max", 7, 4), ("max", 28, 14)]))

    # windows longer than the data
    rows = make_diary(14, ["anna", "ben"], 9, skip=0.2, blank=0.1)
    write_case("long-window", "ease-smooth -f pain -w 30 diary.csv", header, rows,
               cols_for(rows, 2, "pain", [("sma", 30, 15)]))
    write_case("long-window-min-count",
               "ease-smooth -f pain,meds_doses -w 30,365 --method sma,sum,count --min-count 1 diary.csv",
               header, rows,
               cols_for(rows, 2, "pain", [("sma", 30, 1), ("sma", 365, 1),
                                          ("sum", 30, 1), ("sum", 365, 1),
                                          ("count", 30, 1), ("count", 365, 1)])
               + cols_for(rows, 3, "meds_doses", [("sma", 30, 1), ("sma", 365, 1),
                                                  ("sum", 30, 1), ("sum", 365, 1),
                                                  ("count", 30, 1), ("count", 365, 1)]))

    # --center, odd and even windows, several subjects
    rows = make_diary(15, ["a1", "b2"], 30, skip=0.25, blank=0.15)
    write_case("center", "ease-smooth -f pain -w 7,4 --center --method sma,wma,median,min,count diary.csv",
               header, rows,
               cols_for(rows, 2, "pain", [("sma", 7, 4), ("sma", 4, 2),
                                          ("wma", 7, 4), ("wma", 4, 2),
                                          ("median", 7, 4), ("median", 4, 2),
                                          ("min", 7, 4), ("min", 4, 2),
                                          ("count", 7, 4), ("count", 4, 2)],
                        center=True))

    # EMA: gaps, blanks, two subjects, a fractional half-life
    rows = make_diary(16, ["a1", "b2"], 40, skip=0.3, blank=0.2, decimals=True)
    write_case("ema", "ease-smooth -f pain --method ema --half-life 7 diary.csv",
               header, rows, cols_for(rows, 2, "pain", [("ema", 7, 1)]))
    write_case("ema-half-life-fraction",
               "ease-smooth -f pain,meds_doses --method sma,ema -w 3 --half-life 2.5 --min-count 2 diary.csv",
               header, rows,
               cols_for(rows, 2, "pain", [("sma", 3, 2), ("ema", 2.5, 2)])
               + cols_for(rows, 3, "meds_doses", [("sma", 3, 2), ("ema", 2.5, 2)]))


# ---- unit-test reference: full precision ----

def unit_ref():
    rnd = random.Random(21)
    days, vals = [], []
    d = pd.Timestamp("2023-03-01")
    for i in range(240):
        d += pd.Timedelta(days=1 + (rnd.random() < 0.25) * rnd.randrange(1, 6))
        if rnd.random() < 0.15:
            v = math.nan
        elif rnd.random() < 0.03:
            v = rnd.choice([1e6, -2.5e5])   # large values that leave again
        else:
            v = rnd.randrange(0, 101) / 10
        days.append(d)
        vals.append(v)
    s = pd.Series(vals, index=pd.DatetimeIndex(days), dtype=float)
    epoch = pd.Timestamp("1970-01-01")
    lines = ["/* Generated by tests/ref/smooth.py (pandas %s); do not edit. */"
             % pd.__version__,
             "#define REF_N %d" % len(s)]

    def arr(name, xs, ctype="double"):
        body = ",\n\t".join(
            ", ".join(("NAN" if (isinstance(x, float) and math.isnan(x))
                       else repr(float(x)) if ctype == "double" else str(x))
                      for x in xs[i:i + 4])
            for i in range(0, len(xs), 4))
        lines.append("static const %s %s[] = {\n\t%s\n};" % (ctype, name, body))

    arr("ref_day", [(t - epoch).days for t in s.index], "long")
    arr("ref_val", list(s.values))
    table = []
    for w, k, center in [(7, 4, False), (28, 14, False), (1, 1, False),
                         (7, 1, True), (30, 15, True), (90, 0, False)]:
        for m in ["sma", "wma", "median", "sum", "min", "max", "count"]:
            name = "ref_%s_%d_%d%s" % (m, w, k, "_c" if center else "")
            arr(name, list(rolling(s, m, w, k, center).values))
            table.append('\t{"%s", EASE_W_%s, %d, %d, %d, %s},'
                         % (name, m.upper(), w, k, int(center), name))
    for h, k in [(7, 1), (2.5, 3), (30, 1)]:
        name = "ref_ema_%s_%d" % (fmt_days(h).replace(".", "_"), k)
        arr(name, list(ema(s, h, k).values))
        table.append('\t{"%s", EASE_W_EMA, %r, %d, 0, %s},' % (name, h, k, name))
    lines.append("static const struct ref_case {\n\tconst char *name;\n\tint method;"
                 "\n\tdouble len;\t/* days, or the EMA's half-life */\n\tint min_count;"
                 "\n\tint center;\n\tconst double *want;\n} ref_cases[] = {")
    lines += table
    lines.append("};")
    with open(os.path.join(TOP, "tests", "unit", "ref_window.h"), "w") as f:
        f.write("\n".join(lines) + "\n")


def exact_ref(s, method, w, k):
    """METHOD over each window of S by its definition in exact rational
    arithmetic, for values near the largest double, where pandas' running
    sums overflow (and stay infinite).  A result beyond the doubles is None:
    ease leaves it empty."""
    days = [d.toordinal() for d in s.index]
    out = []
    for d in days:
        first = d - (w - 1)
        vals = [(dd, Fraction(v)) for dd, v in zip(days, s.values)
                if first <= dd <= d and not math.isnan(v)]
        if len(vals) < k or not vals:
            out.append(None)
            continue
        xs = sorted(v for _, v in vals)
        if method == "sum":
            r = sum(xs)
        elif method == "sma":
            r = sum(xs) / len(xs)
        elif method == "wma":
            r = sum((dd - first + 1) * v for dd, v in vals) / \
                sum(dd - first + 1 for dd, _ in vals)
        elif method == "median":
            n = len(xs)
            r = xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
        elif method == "max":
            r = xs[-1]
        try:
            out.append(float(r))
        except OverflowError:
            out.append(None)
    return out


def overflow_case():
    """Values near 1e308: a window that overflows empties only its own cell
    (with a warning), the later windows of the subject are whole again."""
    name = "overflow"
    d = os.path.join(CASES, name)
    os.makedirs(d, exist_ok=True)
    rows = [("2026-01-%02d" % (i + 1), "a1", v) for i, v in
            enumerate(["1e308", "1.5e308", "-1.7e308", "5", "5", "", "5", "5"])]
    rows += [("2026-01-%02d" % (i + 1), "b2", v) for i, v in
             enumerate(["1.7e308", "1.7e308", "2", "3"])]
    methods = ["sma", "sum", "wma", "median", "max"]
    cmd = "ease-smooth -f x -w 2 --method " + ",".join(methods) + " diary.csv"
    with open(os.path.join(d, "cmd"), "w") as f:
        f.write(cmd + "\n")
    with open(os.path.join(d, "diary.csv"), "w") as f:
        f.write("date,subject,x\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    cols, over = [], []
    for subj in ("a1", "b2"):
        sub = [r for r in rows if r[1] == subj]
        ser = pd.Series([float(r[2]) if r[2] else math.nan for r in sub],
                        index=pd.DatetimeIndex([r[0] for r in sub]))
        cols.append([exact_ref(ser, m, 2, 1) for m in methods])
    with open(os.path.join(d, "out"), "w") as f:
        f.write("date,subject,x," + ",".join("x_%s2" % m for m in methods) + "\n")
        i = {"a1": 0, "b2": 0}
        for r in rows:
            g = 0 if r[1] == "a1" else 1
            cells = []
            for mi, m in enumerate(methods):
                v = cols[g][mi][i[r[1]]]
                if v is None and len([1 for q in rows[:rows.index(r) + 1]
                                      if q[1] == r[1] and q[2]]) > 0:
                    over.append((m, r[0]))
                cells.append("" if v is None else fmt(v))
            i[r[1]] += 1
            f.write(",".join(list(r) + cells) + "\n")
    with open(os.path.join(d, "err"), "w") as f:
        for m in methods:
            days = [day for mm, day in over if mm == m]
            if days:
                f.write("ease-smooth: x_%s2: %d %s beyond the largest number ease reads"
                        " back (about 1.8e308) left empty, the first on %s\n"
                        % (m, len(days), "result" if len(days) == 1 else "results",
                           days[0]))


def overflow_digits_case():
    """The largest double rounded to 3 digits is 1.8e+308, which reads back
    as infinite: ease leaves the cell empty rather than write it."""
    d = os.path.join(CASES, "overflow-digits")
    os.makedirs(d, exist_ok=True)
    vals = ["1.7976931348623157e308", "1.5e308", "7"]
    with open(os.path.join(d, "cmd"), "w") as f:
        f.write("ease-smooth -f x -w 1 --method sma,max --digits 3 diary.csv\n")
    with open(os.path.join(d, "diary.csv"), "w") as f:
        f.write("date,x\n")
        for i, v in enumerate(vals):
            f.write("2026-02-%02d,%s\n" % (i + 1, v))
    empty = []
    with open(os.path.join(d, "out"), "w") as f:
        f.write("date,x,x_sma1,x_max1\n")
        for i, v in enumerate(vals):
            t = fmt1(float(v), 3)
            if math.isinf(float(t)):
                empty.append("2026-02-%02d" % (i + 1))
                t = ""
            f.write("2026-02-%02d,%s,%s,%s\n" % (i + 1, v, t, t))
    with open(os.path.join(d, "err"), "w") as f:
        for m in ("sma", "max"):
            f.write("ease-smooth: x_%s1: %d %s beyond the largest number ease reads"
                    " back (about 1.8e308) left empty, the first on %s\n"
                    % (m, len(empty), "result" if len(empty) == 1 else "results",
                       empty[0]))


def table_case():
    """--format table: the means (sma, wma, median, ema) with one decimal,
    the sums with --digits; the columns aligned, numbers to the right."""
    d = os.path.join(CASES, "table-means")
    os.makedirs(d, exist_ok=True)
    rows = make_diary(31, ["a1"], 12, skip=0.15, blank=0.1)
    header = ["date", "subject", "pain", "meds_doses"]
    with open(os.path.join(d, "cmd"), "w") as f:
        f.write("ease-smooth -f pain -w 3 --method sma,wma,median,sum --format table diary.csv\n")
    with open(os.path.join(d, "diary.csv"), "w") as f:
        f.write(",".join(header) + "\n")
        for r in rows:
            f.write(",".join(r) + "\n")
    s = series(rows, 2, "a1")
    cols = [("pain_sma3", rolling(s, "sma", 3, 2), 1),
            ("pain_wma3", rolling(s, "wma", 3, 2), 1),
            ("pain_median3", rolling(s, "median", 3, 2), 1),
            ("pain_sum3", rolling(s, "sum", 3, 2), 0)]
    table = [header + [c[0] for c in cols]]
    for i, r in enumerate(rows):
        cells = list(r)
        for _, ser, mean in cols:
            v = ser.iloc[i]
            if math.isnan(v):
                cells.append("")
            elif mean:
                t = "%.1f" % v
                cells.append("0.0" if t == "-0.0" else t)
            else:
                cells.append(fmt(v))
        table.append(cells)
    # the writer's table: two spaces between columns, a column of numbers
    # (every cell below the header empty or a number) to the right
    ncol = len(table[0])
    wid = [max(len(row[c]) for row in table) for c in range(ncol)]
    num = []
    for c in range(ncol):
        ok = True
        for row in table[1:]:
            try:
                if row[c] not in ("", "NA"):
                    float(row[c])
            except ValueError:
                ok = False
        num.append(ok)
    with open(os.path.join(d, "out"), "w") as f:
        for row in table:
            last = max([c for c in range(ncol) if row[c] != ""], default=-1)
            out = []
            for c in range(last + 1):
                cell = row[c]
                if num[c]:
                    cell = cell.rjust(wid[c])
                elif c < last:
                    cell = cell.ljust(wid[c])
                out.append(cell)
            f.write("  ".join(out) + "\n")


def window_cases():
    """--since/--until: the days outside still count for the days inside."""
    header = ["date", "subject", "pain", "meds_doses"]
    rows = make_diary(17, ["a1", "b2"], 30, skip=0.2, blank=0.1)
    write_case("since", "ease-smooth -f pain -w 7 --method sma,sum --since 2024-01-12 diary.csv",
               header, rows,
               cols_for(rows, 2, "pain", [("sma", 7, 4), ("sum", 7, 4)]),
               since="2024-01-12")
    write_case("since-until-center",
               "ease-smooth -f pain -w 7 --center --since 2024-01-10 --until 2024-01-20 diary.csv",
               header, rows, cols_for(rows, 2, "pain", [("sma", 7, 4)], center=True),
               since="2024-01-10", until="2024-01-20")
    write_case("ema-since",
               "ease-smooth -f pain --method ema --half-life 3 --since 2024-01-15 diary.csv",
               header, rows, cols_for(rows, 2, "pain", [("ema", 3, 1)]),
               since="2024-01-15")

    # grouping by another column than subject
    rows = make_diary(26, ["kim", "lee"], 15, skip=0.2, blank=0.1)
    write_case("by-column", "ease-smooth -f pain --by client -w 5 --method sma,median diary.csv",
               ["date", "client", "pain", "meds_doses"], rows,
               cols_for(rows, 2, "pain", [("sma", 5, 3), ("median", 5, 3)]))

    # standard input, and --digits
    rows = make_diary(24, ["a1"], 20, skip=0.2, blank=0.1, decimals=True)
    write_case("stdin-digits",
               "ease-smooth -f pain -w 3,5 --method sma,wma --digits 3 < diary.csv",
               header, rows,
               cols_for(rows, 2, "pain", [("sma", 3, 2), ("sma", 5, 3),
                                          ("wma", 3, 2), ("wma", 5, 3)]),
               digits=3)


if __name__ == "__main__":
    cases()
    unit_ref()
