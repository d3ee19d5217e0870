#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes hostile.csv: a diary whose every name tries to make gnuplot run
'touch canary'.  Run from this folder; the CSV is committed."""
import csv, io

C1 = "it's `touch canary` \"q\""
C2 = 'x\nsystem("touch canary")'
C3 = "set output '|touch canary'"
C4 = "<touch canary @m \x01\x1b[31m"
BIG = "L" + "'`touch canary`" * 700          # ~10 kB
TECH = [
    "Swedish",
    "evil'; system('touch canary') #",
    "`touch canary`",
    "EOD",
    "a\nplot '<touch canary'",
    "set output '|touch canary'",
    "@m\x02 \"; !touch canary; \"",
    "a&b <i>&{x}^_{y} </text> \\",
    BIG,
]
SUBJ = ["ann'`touch canary`", 'bob\n!touch canary']

out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow(["date", "subject", "pain", "massage", "technique", "meds_doses",
            C1, C2, C3, C4, "EOD", BIG])
for si, s in enumerate(SUBJ):
    for d in range(40):
        day = "2026-03-%02d" % (d + 1) if d < 31 else "2026-04-%02d" % (d - 30)
        pain = (d * 7 + si * 3) % 11
        m = 1 if d % 3 == 1 else 0
        tech = "|".join([TECH[(d // 3) % len(TECH)], TECH[(d // 3 + 3) % len(TECH)]]) if m else ""
        if d in (10, 11):      # a gap
            w.writerow([day, s, "", m, tech, "", "", "", "", "", "", ""])
            continue
        w.writerow([day, s, pain, m, tech, d % 4, d % 5, (d * 3) % 7, d % 9,
                    d % 2, (d * 5) % 11, d % 6])
open("hostile.csv", "w", newline="").write(out.getvalue())
