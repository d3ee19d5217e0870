#!/usr/bin/env python3
"""Expected values of the unit cases (issue 9, "A unit in the header"):
a header's unit of time converted to the role's unit, written with 6
significant digits.  Prints what tests/cases/smooth/unit-seconds/out and
unit-col-hours/out hold in their computed columns."""

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
