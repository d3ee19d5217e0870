#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""fits.py [--scale K] FILE.svg...: every text of a gnuplot SVG lies inside the
canvas and no two texts overlap.  Text widths are estimated from DejaVu Sans's
advance widths (the 'Sans' of the plots), in ems, a little on the narrow side,
so a text reported outside is outside.  --scale 1.25 takes the text as
pngcairo draws 'Sans,10' (about 12.5 pixels to the em where the SVG has 10),
the same layout, so an SVG that passes stands for its PNG too.  Prints each
fault; exit 1 if any."""
import re
import sys

NARROW = set("ijl.,;:'|!")
# advance widths of DejaVu Sans in ems, rounded down
WIDTH = {c: 0.63 for c in "0123456789"}
WIDTH.update({c: 0.3 for c in NARROW})
WIDTH.update({" ": 0.31, "f": 0.35, "t": 0.39, "r": 0.41, "m": 0.97, "w": 0.81,
              "(": 0.39, ")": 0.39, "-": 0.36, "%": 0.95, "+": 0.83, "=": 0.83,
              "M": 0.86, "W": 0.98})


def width(text, size):
    w = 0.0
    for c in text:
        if c in WIDTH:
            w += WIDTH[c]
        elif c.isupper():
            w += 0.68
        else:
            w += 0.6
    return w * size


GROUP = re.compile(r'<g transform="translate\(([-\d.]+),([-\d.]+)\)(?: rotate\(([-\d.]+)\))?"'
                   r'[^>]*font-size="([\d.]+)"[^>]*?(?:text-anchor="(\w+)")?>\s*<text>(.*?)</text>',
                   re.S)


def unescape(s):
    s = re.sub(r"<[^>]*>", "", s)
    return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


def check(path, scale):
    svg = open(path, encoding="utf-8").read()
    m = re.search(r'<svg[^>]*width="(\d+)"[^>]*height="(\d+)"', svg, re.S)
    W, H = float(m.group(1)), float(m.group(2))
    boxes, bad = [], 0
    for g in GROUP.finditer(svg):
        x, y, rot, size, anchor, text = g.groups()
        x, y, size, text = float(x), float(y), float(size) * scale, unescape(text)
        if not text.strip():
            continue
        w = width(text, size)
        lo = {"end": -w, "middle": -w / 2}.get(anchor, 0)
        if rot and float(rot) % 180 == 90:
            # a y label turned upright: its extent runs up and down
            box = (x - 0.75 * size, y + lo, x + 0.25 * size, y + lo + w)
        else:
            box = (x + lo, y - 0.75 * size, x + lo + w, y + 0.25 * size)
        if box[0] < 0 or box[2] > W or box[1] < 0 or box[3] > H:
            print("# %s: %r leaves the %gx%g canvas (%.0f..%.0f, %.0f..%.0f)"
                  % (path, text, W, H, box[0], box[2], box[1], box[3]))
            bad = 1
        for other, b in boxes:
            if box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]:
                print("# %s: %r overlaps %r" % (path, text, other))
                bad = 1
        boxes.append((text, box))
    return bad


args, scale = sys.argv[1:], 1.0
if args[:1] == ["--scale"]:
    scale, args = float(args[1]), args[2:]
sys.exit(max([check(p, scale) for p in args] or [0]))
