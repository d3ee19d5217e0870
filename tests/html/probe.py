#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# tests/html/probe.py PAGE WIDTH OUT: OUT shows PAGE in an iframe WIDTH px
# wide (its own viewport, so that the page's media queries see WIDTH) with
# tests/html/measure.js run inside it.  srcdoc keeps the frame in the outer
# page's origin, so that the script may write its result there.
#   tests/html/probe.py --result: the measurement from a --dump-dom on stdin
import html, json, os, re, sys

if sys.argv[1] == "--result":
    m = re.search(r'<body[^>]*\sdata-m="([^"]*)"', sys.stdin.read())
    print(html.unescape(m.group(1)) if m else "{}")
    sys.exit(0)
page, width, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
js = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "measure.js")).read()
doc = open(page, encoding="utf-8").read().replace("</main>", "<script>" + js + "</script></main>")
with open(out, "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
            '<body style="margin:0"><iframe style="width:%dpx;height:4000px;border:0" '
            'srcdoc="%s"></iframe></body></html>\n' % (width, html.escape(doc, quote=True)))
