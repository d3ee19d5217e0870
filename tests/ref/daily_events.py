# SPDX-License-Identifier: GPL-3.0-or-later
# Expected day table of tests/cases/daily/events (ev.csv, --from 2026-03-01
# --to 2026-03-04), computed here on its own: pain mean/max/count, sleep by
# wake-up date, sessions by start time with canonical technique names,
# doses in mg, stress/mood means, factors (1 without a value), counts 0 on
# days with a record.  Run from the top: python3 tests/ref/daily_events.py
# and compare with tests/cases/daily/events/out.
import csv
from collections import defaultdict
from datetime import date, datetime, timedelta
from statistics import mean

rows = list(csv.DictReader(open("tests/cases/daily/events/ev.csv")))
canon = {"deep tissue massage": "deep tissue", "tpt": "trigger point"}
mg = {"mg": 1, "g": 1000, "mcg": 0.001}
day = defaultdict(lambda: defaultdict(list))
for r in rows:
    k, st = r["kind"], datetime.fromisoformat(r["start"])
    d = (datetime.fromisoformat(r["end"]) if k == "sleep" else st).date()
    cell = day[(r["subject"], d)]
    cell["recorded"].append(1) if k != "note" else None
    if k == "pain":
        cell["pain"].append(float(r["value"]))
    elif k == "sleep":
        cell["sleep"].append((datetime.fromisoformat(r["end"]) - st).total_seconds() / 3600)
    elif k == "massage":
        mins = float(r["value"]) if r["value"] else \
            (datetime.fromisoformat(r["end"]) - st).total_seconds() / 60
        cell["massage"].append((st, canon[r["name"].lower()], mins))
    elif k == "med":
        cell["med_%s_mg" % r["name"].lower().replace(" ", "_")].append(
            float(r["value"]) * mg[r["unit"]])
        cell["doses"].append(1)
    elif k in ("stress", "mood"):
        cell[k].append(float(r["value"]))
    elif k == "factor":
        cell[r["name"].lower()].append(float(r["value"]) if r["value"] else 1)

meds = sorted({k for c in day.values() for k in c if k.startswith("med_")})
factors = sorted({k for c in day.values() for k in c} - set(meds) -
                 {"recorded", "pain", "sleep", "massage", "doses", "stress", "mood"})
cols = ["pain", "pain_max", "pain_n", "sleep_hours", "massage", "technique",
        "massage_min", "meds_doses", "stress", "mood"] + meds + factors
fmt = lambda v: "" if v is None else ("%.6g" % v)
print(",".join(["date", "subject"] + cols))
for s in sorted({s for s, _ in day}):
    d = date(2026, 3, 1)
    while d <= date(2026, 3, 4):
        c = day.get((s, d), {})
        rec = bool(c.get("recorded"))
        zero = 0 if rec else None
        ses = sorted(c.get("massage", []))
        v = {
            "pain": mean(c["pain"]) if c.get("pain") else None,
            "pain_max": max(c["pain"]) if c.get("pain") else None,
            "pain_n": len(c["pain"]) if c.get("pain") else None,
            "sleep_hours": sum(c["sleep"]) if c.get("sleep") else None,
            "massage": len(ses) if ses else zero,
            "technique": "|".join(t for _, t, _ in ses),
            "massage_min": sum(m for _, _, m in ses) if ses else zero,
            "meds_doses": len(c["doses"]) if c.get("doses") else zero,
            "stress": mean(c["stress"]) if c.get("stress") else None,
            "mood": mean(c["mood"]) if c.get("mood") else None,
        }
        for k in meds:
            v[k] = sum(c[k]) if c.get(k) else zero
        for k in factors:
            v[k] = mean(c[k]) if c.get(k) else zero
        print(",".join([d.isoformat(), s] +
                       [v[k] if k == "technique" else fmt(v[k]) for k in cols]))
        d += timedelta(days=1)
