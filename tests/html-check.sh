#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ease-report --format html as a browser sees it: valid HTML5 by html5lib's
# strict parser, self-contained (no script, nothing fetched), rendered by
# headless Chromium to a screenshot that is not blank, printed to PDF on
# at most two A4 pages a subject; laid out at a phone's width and a desktop's:
# no page wider than the screen (a very long name included), no table cell
# narrower than a word, no text under 11 px, the plot's included.  The pages
# stay in $EASE_HTML_KEEP when it is set.
set -u
LC_ALL=C; export LC_ALL
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
py=/usr/bin/python3
out=${EASE_HTML_KEEP:-$(mktemp -d)}
mkdir -p "$out"
[ -n "${EASE_HTML_KEEP:-}" ] || trap 'rm -rf "$out"' EXIT
n=0 failed=0

ok() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else failed=$((failed + 1)); echo "not ok $n - $2"; fi
}

"$py" -c 'import html5lib' 2>/dev/null || { echo "html-check: python3-html5lib is not installed (sh tests/deps.sh install html)" >&2; exit 1; }
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "html-check: chromium is not installed (sh tests/deps.sh install html)" >&2; exit 1; }

diary=$here/cases/report/text/diary.csv
clinic=$here/cases/report/clinic/clinic.csv
"$bin/ease-report" --today=2026-04-30 --format html -o "$out/one.html" "$diary"
ok $? "one subject: ease-report writes the page"
"$bin/ease-report" --period month --today=2026-03-31 --format html -o "$out/clinic.html" "$clinic"
ok $? "three subjects: ease-report writes the page"
EASE_GNUPLOT=/nonexistent/gnuplot "$bin/ease-report" --today=2026-04-30 --format html \
	-o "$out/noplot.html" "$diary" 2> /dev/null
ok $? "without gnuplot: the page still comes out"

for page in one clinic noplot; do
	f=$out/$page.html
	"$py" - "$f" <<'PY'
import sys, html5lib
p = html5lib.HTMLParser(strict=True)
try:
    p.parse(open(sys.argv[1], "rb").read())
except Exception as e:
    print("# %s: %s" % (sys.argv[1], e))
    sys.exit(1)
PY
	ok $? "$page.html is valid HTML5 (html5lib, strict)"
	! grep -qi '<script' "$f" && ! grep -Eqi '(src|href)=["'"'"']?(https?:)?//' "$f" &&
		! grep -qi '@import\|url(' "$f"
	ok $? "$page.html has no script and fetches nothing"
	grep -q '<meta name="viewport"' "$f" && grep -q '@media print' "$f"
	ok $? "$page.html has a viewport and a print stylesheet"
done
grep -q '<svg' "$out/one.html"
ok $? "one.html holds its plot inline"
grep -q 'No plot' "$out/noplot.html" && ! grep -q '<svg' "$out/noplot.html"
ok $? "noplot.html says why it has no plot"

# Chromium: a phone's width and a desktop's; then print.
shot() {
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--screenshot="$2" --window-size="$3" "file://$1" > "$out/chromium.log" 2>&1
}
for page in one clinic; do
	for size in 412,2000 1280,1600; do
		png=$out/$page-${size%%,*}.png
		shot "$out/$page.html" "$png" "$size"
		"$py" - "$png" <<'PY'
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
w, h = im.size
px = im.getdata()
dark = sum(1 for r, g, b in px if r + g + b < 384)
colours = len(set(px))
# text and a plot: many dark pixels, and more than two colours (the plot's)
if dark < w * h // 200 or colours < 3:
    print("# %s: %d dark pixels of %d, %d colours" % (sys.argv[1], dark, w * h, colours))
    sys.exit(1)
PY
		ok $? "$page.html renders in Chromium at $size (not blank)"
	done
	pdf=$out/$page.pdf
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--print-to-pdf="$pdf" "file://$out/$page.html" > "$out/chromium.log" 2>&1
	pages=$("$py" -c 'import re, sys; print(len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", open(sys.argv[1], "rb").read())))' "$pdf" 2>/dev/null || echo 0)
	if [ "$page" = one ]; then
		[ "$pages" -ge 1 ] && [ "$pages" -le 2 ]
		ok $? "one.html prints on at most two A4 pages ($pages)"
	else
		[ "$pages" -ge 1 ]
		ok $? "clinic.html prints ($pages pages: two per subject at most is not promised)"
	fi
done
# At a phone's width (390 px) and a desktop's (1200 px), as laid out by
# Chromium (tests/html/probe.py, measure.js): the page no wider than the
# screen, even with a 200-character name; no table cell narrower than its
# longest word (text broken a letter a line); no text shown, the plot's
# included, smaller than 11 px.
"$bin/ease-report" --format html -o "$out/long.html" "$here/cases/report/long-name-80-columns/hostile.csv" 2> /dev/null
for page in one clinic long; do
	for width in 390 1200; do
		"$py" "$here/html/probe.py" "$out/$page.html" "$width" "$out/$page-probe-$width.html"
		timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
			--window-size=1280,2000 --dump-dom "file://$out/$page-probe-$width.html" \
			2> "$out/chromium.log" | "$py" "$here/html/probe.py" --result > "$out/m.json"
		"$py" - "$out/m.json" "$page" "$width" <<'PY'
import json, sys
m, page, width = json.load(open(sys.argv[1])), sys.argv[2], int(sys.argv[3])
bad = []
if m.get("width") != width:
    bad.append("laid out %s px wide, not %d" % (m.get("width"), width))
elif m["scroll"] > m["width"]:
    bad.append("the page is %d px wide on a %d px screen" % (m["scroll"], m["width"]))
if not m.get("cells"):
    bad.append("no table cell measured")
for c in m.get("narrow", [])[:5]:
    bad.append("a cell narrower than its longest word: %s" % c)
if m.get("minfont", 0) < 11:
    bad.append("text of %.1f px: %s" % (m.get("minfont", 0), m.get("minat")))
for b in bad:
    print("# %s at %d px: %s" % (page, width, b))
sys.exit(1 if bad else 0)
PY
		ok $? "$page.html at $width px: no wider than the screen, cells hold their words, text >= 11 px"
	done
done
echo "1..$n"
[ "$failed" = 0 ]
