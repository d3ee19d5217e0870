# SPDX-License-Identifier: GPL-3.0-or-later
# Expected hours of the nights in tests/cases/daily/dst: real elapsed time
# between two local wall-clock times, by Python's zoneinfo.  No time of these
# nights is skipped or repeated (ease refuses those unless a record's length
# settles them: cases daily/dst-repeated-hour, daily/bad-dst-*).
# Run: python3 tests/ref/daily_dst.py
import csv, sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

rows = list(csv.DictReader(open(sys.argv[1] if len(sys.argv) > 1 else
                                "tests/cases/daily/dst/nights.csv")))

def instant(s, zone):
    d = datetime.fromisoformat(s)
    if d.tzinfo is None:
        d = d.replace(tzinfo=ZoneInfo(zone), fold=0)
    return d.astimezone(timezone.utc)

for zone in ("Europe/Berlin", "America/New_York", "UTC"):
    print("# --tz", zone)
    for r in sorted(rows, key=lambda r: r["subject"]):
        h = (instant(r["end"], zone) - instant(r["start"], zone)).total_seconds() / 3600
        print(r["end"][:10], r["subject"], f"{h:g}")
