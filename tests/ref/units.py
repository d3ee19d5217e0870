#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Expected values of the unit cases (issue 9, "A unit in the header"):
a header's unit of time converted to the role's unit, written with 6
significant digits.  Prints what tests/cases/smooth/unit-seconds/out,
unit-col-hours/out and typed-values/out hold in their computed columns."""

def g(v):
    return "" if v is None else "%.6g" % v

# smooth/unit-seconds: 'Time in bed (seconds)' -> hours, 'Sleep [min]' -> hours
bed = [27798, 30600, None]
sleep = [450, 390, 425]
for d, b, s in zip(["2026-01-01", "2026-01-02", "2026-01-03"], bed, sleep):
    print(d, g(None if b is None else b / 3600), g(s / 60), sep=",")

# smooth/unit-col-hours: --col massage_min='Duration (h)' -> minutes
for d, h in zip(["2026-01-01", "2026-01-02"], [1.5, 0.75]):
    print(d, g(h * 60), sep=",")

# smooth/typed-values: what people type in hand-kept diaries (ease-diary(5))
WORDS = {"yes": 1, "y": 1, "true": 1, "x": 1, "no": 0, "n": 0, "false": 0}

def count(c):
    return None if c == "" else WORDS.get(c.strip().lower(), None) if not c.strip().isdigit() else int(c)

def hours(c):
    if ":" in c:
        h, m = c.split(":")
        return int(h) + int(m) / 60
    return float(c)

def percent(c):
    return None if c == "" else float(c.rstrip("%").strip())

rows = [
    ("2026-01-01", "yes", "TRUE", "7:30", "8:00", "79%", "x"),
    ("2026-01-02", "No", "false", "6:45", "07:15", "93 %", ""),
    ("2026-01-03", "X", "2", "7.25", "8", "90.5%", "N"),
    ("2026-01-04", "y", "n", "0:50", "1:00", "", "Yes"),
]
for d, m, md, sh, tib, eff, alc in rows:
    print(d, g(count(m)), g(count(md)), g(hours(sh)), g(hours(tib)), g(percent(eff)),
          g(count(alc)), sep=",")
