# SPDX-License-Identifier: GPL-3.0-or-later
# Instants of local times for tests/unit/test_tz.c, by Python's zoneinfo:
# fold=0 is the first of a time that occurs twice, fold=1 the second.
# Run: python3 tests/ref/tz_local.py
from datetime import datetime
from zoneinfo import ZoneInfo

for zone, when in [
    ("Europe/Berlin", (2026, 3, 29, 0, 30)),
    ("Europe/Berlin", (2026, 3, 29, 7, 30)),
    ("Europe/Berlin", (2026, 10, 25, 7, 30)),
]:
    print(zone, when, int(datetime(*when, tzinfo=ZoneInfo(zone)).timestamp()))
for zone, when in [("Europe/Berlin", (2026, 10, 25, 2, 30)),
                   ("America/New_York", (2026, 11, 1, 1, 30)),
                   ("Australia/Lord_Howe", (2026, 4, 5, 1, 45))]:
    for fold in (0, 1):
        print(zone, when, "fold", fold,
              int(datetime(*when, tzinfo=ZoneInfo(zone), fold=fold).timestamp()))
