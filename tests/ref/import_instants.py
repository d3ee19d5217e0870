#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Instants of local times around daylight-saving changes, for
tests/unit/test_import.c (ease-import's ease_imp_local): Python's zoneinfo
over the same tz database.  fold=0 is the first of a repeated hour."""
from datetime import datetime
from zoneinfo import ZoneInfo

cases = [
    ("Europe/Berlin", (2026, 3, 29, 0, 30), 0),
    ("Europe/Berlin", (2026, 3, 29, 7, 30), 0),
    ("Europe/Berlin", (2026, 10, 25, 2, 30), 0),
    ("Europe/Berlin", (2026, 10, 25, 2, 30), 1),
    ("America/New_York", (2026, 3, 8, 7, 0), 0),
    ("America/New_York", (2026, 11, 1, 1, 30), 0),
    ("America/New_York", (2026, 11, 1, 1, 30), 1),
]
for zone, t, fold in cases:
    d = datetime(*t, tzinfo=ZoneInfo(zone), fold=fold)
    print(zone, d.isoformat(), int(d.timestamp()))
