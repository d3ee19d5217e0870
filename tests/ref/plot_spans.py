#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reference for the long trends of ease-plot (tests/cases/plot/trend-long-*):
# the datablock of column COL of a day table when every W days (spans
# aligned on 1970-01-01) are drawn by their first, lowest, highest and last
# value (ties: the earlier day), in the order of their days, with a NaN row
# on the day after a value where the line would break: the next value is
# not on the next day, and either it starts another span or its span has
# no two days in a row with a value.
# Run: python3 tests/ref/plot_spans.py FILE COL W
import csv
import datetime
import sys

path, col, w = sys.argv[1], sys.argv[2], int(sys.argv[3])
epoch = datetime.date(1970, 1, 1)
vals = {}
with open(path, newline="") as f:
    for row in csv.DictReader(f):
        if row[col] != "":
            vals[(datetime.date.fromisoformat(row["date"]) - epoch).days] = float(row[col])
spans = {}
for d in sorted(vals):
    spans.setdefault(d // w, []).append(d)


def show(d, v):
    day = epoch + datetime.timedelta(days=d)
    return "%s %s" % (day.isoformat(), "NaN" if v is None else "%.10g" % v)


print("$D1_1 << EOD")
prev = None
for k in sorted(spans):
    days = spans[k]
    linked = any(b == a + 1 for a, b in zip(days, days[1:]))
    lo = min(days, key=lambda d: (vals[d], d))
    hi = min(days, key=lambda d: (-vals[d], d))
    pts = sorted({days[0], lo, hi, days[-1]})
    for i, d in enumerate(pts):
        if prev is not None and d != prev + 1 and (i == 0 or not linked):
            print(show(prev + 1, None))
        print(show(d, vals[d]))
        prev = d
print("EOD")
