#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ease-plot against a hostile diary (tests/plot/hostile.csv, made by
# hostile.py): column, technique and subject names that try every way gnuplot
# has to run a command.  For every kind, as a script piped to gnuplot and as
# an image ease-plot draws itself: no command ran (no canary file), gnuplot
# made the plot, and the names show literally in it.  Then the PNG, SVG and
# PDF files themselves.
LC_ALL=C TZ=UTC; export LC_ALL TZ
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
plot=$bin/ease-plot
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0 failed=0

if ! command -v gnuplot >/dev/null 2>&1; then
	echo "1..0 # SKIP gnuplot is not installed (apt-get install gnuplot-nox)"
	exit 0
fi

say() {	# say OK NAME
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else failed=$((failed + 1)); echo "not ok $n - $2"; fi
}

cp "$here/plot/hostile.csv" "$scratch/"
cd "$scratch" || exit 1

C1="it's \`touch canary\` \"q\""
C2=$(printf 'x\nsystem("touch canary")')
C3="set output '|touch canary'"
C4=$(printf '<touch canary @m \001\033[31m')
BIG=$(python3 -c 'import csv; print(next(csv.reader(open("hostile.csv")))[-1])')

# What each kind must show, one text a line, as the plot prints it: control
# characters as spaces, long names cut, a cell with ';' a list of techniques.
cat > techs <<'X'
Swedish
evil'
system('touch canary') #
`touch canary`
EOD
a plot '<touch canary'
set output '|touch canary'
@m  "
!touch canary
a&b <i>&{x}^_{y} </text> \
ann'`touch canary`
bob !touch canary
X
# trend's markers: eleven techniques, a&b among "other techniques"
{ grep -v '^a&b' techs; echo "other techniques"; } > techs1
printf '%s\n' "$C1" 'x system("touch canary")' "$C3" > cols
printf '%s\n' "<touch canary @m   [31m" "EOD" > cols2
python3 -c 'import sys; print(sys.argv[1][:60])' "$BIG" > big

check_svg() {	# check_svg FILE TEXTS...: parses as XML, holds each line of TEXTS
	python3 - "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception as e:
    print("# not XML:", e); sys.exit(1)
text = "\n".join(t for t in root.itertext())
bad = 0
for f in sys.argv[2:]:
    for want in open(f, encoding="utf-8").read().split("\n"):
        if want and want not in text:
            print("# missing:", repr(want)); bad = 1
sys.exit(bad)
PY
}

run_kind() {	# run_kind NAME TEXTFILES -- ARGS...
	name=$1; texts=$2; shift 3
	for mode in script image; do
		rm -f canary* out.svg s.gp
		if [ $mode = script ]; then
			"$plot" "$@" -T svg hostile.csv > s.gp 2> err && gnuplot < s.gp > out.svg 2>> err
		else
			"$plot" "$@" -o out.svg hostile.csv 2> err
		fi
		st=$?
		[ $st = 0 ] || sed 's/^/# /' err | head -5
		say $st "$name ($mode): gnuplot draws it"
		! ls canary* >/dev/null 2>&1; say $? "$name ($mode): no command ran"
		# shellcheck disable=SC2086
		check_svg out.svg $texts; say $? "$name ($mode): the names show literally"
	done
}

run_kind trend "cols techs1" -- trend -f "$C1,$C2" --y2 "$C3" --events massage
run_kind "trend --title" "" -- trend -f pain --smooth 3 --title "$(printf 't\n!touch canary')"
run_kind scatter cols2 -- scatter -x "$C4" -y EOD --lag 1
run_kind lags "big" -- lags -x "$C1" -y "$BIG" --lags -2..2
run_kind calendar "" -- calendar -f "$C3"
run_kind meds "" -- meds -f "$C2"
grep -v "set output" techs > techs2
run_kind relief techs2 -- relief
grep -v "^ann\|^bob" techs2 > techs3
head -1 cols > cols1
python3 -c 'import sys; [print(l.rstrip("\n")[:30]) for l in open(sys.argv[1])]' techs3 > techs30
run_kind profile "cols1 techs3" -- profile --by technique --value "$C1" --direction lower --before 2 --after 2
run_kind techniques "techs30" -- techniques --value EOD --direction higher --event "$C4"
run_kind "one subject" "" -- trend --subject "$(printf 'bob\n!touch canary')" -f EOD
# plan: arms named to run commands, the schedule over the diary's days
"$bin/ease-plan" --arms "$C1,$C3,EOD" --blocks 2 --start 2026-03-02 --seed 1 > hp.csv 2> /dev/null
printf '%s\n' "$C1" "$C3" EOD > arms
run_kind plan "arms cols1" -- plan --plan hp.csv --subject "bob
!touch canary" -f "$C1"

# the title and subject texts themselves
rm -f canary*
"$plot" trend -f pain --title "$(printf 't\n!touch canary')" -o t.svg hostile.csv 2>/dev/null
printf 't !touch canary\n' > want
check_svg t.svg want; say $? "--title shows literally"
! ls canary* >/dev/null 2>&1; say $? "--title ran no command"
# a title too wide for a small canvas goes in two lines, as literally
rm -f canary*
long="it's \`touch canary\` \"q\" and system('touch canary') @m, a title far too long for the width"
"$plot" trend -f pain --size 480,320 --title "$long" -o t2.svg hostile.csv 2>/dev/null
python3 - t2.svg "$long" <<'PY'
import sys, xml.etree.ElementTree as ET
texts = [t.text or "" for t in ET.parse(sys.argv[1]).getroot().iter("{http://www.w3.org/2000/svg}text")]
want = sys.argv[2]
ok = any(a + " " + b == want for a, b in zip(texts, texts[1:])) and want not in texts
sys.exit(0 if ok else 1)
PY
say $? "--title in two lines shows literally"
! ls canary* >/dev/null 2>&1; say $? "--title in two lines ran no command"

# Files: PNG signature and the size asked, SVG as XML, PDF header.
"$plot" trend -f pain --size 640,400 -o p.png hostile.csv 2>/dev/null
python3 - p.png <<'PY'
import struct, sys
b = open(sys.argv[1], "rb").read(24)
ok = b[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", b[16:24]) == (640, 400)
sys.exit(0 if ok else 1)
PY
say $? "PNG: signature and 640x400"
"$plot" scatter -x pain -y meds_doses -o p.pdf hostile.csv 2>/dev/null
head -c 5 p.pdf | grep -q '%PDF-'; say $? "PDF: header"
"$plot" calendar -o p.svg hostile.csv 2>/dev/null
check_svg p.svg; say $? "SVG: parses as XML"

# Writes that fail: exit 74, nothing put in place, the old file kept.
if [ -c /dev/full ]; then
	for T in png svg pdf dumb; do
		"$plot" trend -f pain -T $T -o /dev/full hostile.csv 2> full.err
		st=$?
		[ $st = 74 ] && grep -q '^ease-plot: /dev/full: write error: No space left on device$' full.err
		say $? "-o /dev/full -T $T: exit 74, write error (got $st)"
	done
	"$plot" trend -f pain hostile.csv > /dev/full 2> full.err
	st=$?
	[ $st = 74 ] && grep -q '^ease-plot: standard output: write error: No space left on device$' full.err
	say $? "script to a full standard output: exit 74 (got $st)"
fi
# A disk that fills up: the file-size limit makes a write of the image fail as
# a full disk does (EFBIG instead of ENOSPC), for ease-plot and gnuplot alike.
for f in png svg pdf txt; do
	printf 'old %s\n' $f > p.$f
	cp p.$f old.$f
	(trap '' XFSZ; ulimit -f 4; exec "$plot" trend -f pain --size 1200,900 -o p.$f hostile.csv 2> fsz.err)
	st=$?
	[ $st = 74 ] && grep -q "^ease-plot: p.$f: write error: File too large$" fsz.err
	say $? "disk full writing p.$f: exit 74 (got $st)"
	cmp -s p.$f old.$f && [ -z "$(ls | grep "^p\.$f\.")" ]
	say $? "disk full writing p.$f: the old file keeps its bytes, no temporary left"
done
# A closed pipe, SIGPIPE ignored or not: quiet, as a process SIGPIPE killed.
# A canvas 10,000 pixels wide draws all 20,000 days: a script beyond a pipe's buffer.
"$bin/ease-simulate" --days 20000 > big.csv
(trap '' PIPE; { "$plot" trend -f pain --size 10000,500 big.csv 2> pipe.err; echo $? > pipe.st; } | head -1 > /dev/null)
[ "$(cat pipe.st)" = 141 ] && [ ! -s pipe.err ]
say $? "SIGPIPE ignored, | head -1: status 141, nothing said (got $(cat pipe.st))"
{ "$plot" trend -f pain --size 10000,500 big.csv 2> pipe.err; echo $? > pipe.st; } | head -1 > /dev/null
[ "$(cat pipe.st)" = 141 ] && [ ! -s pipe.err ]
say $? "SIGPIPE default, | head -1: status 141, nothing said (got $(cat pipe.st))"

# The statistics drawn agree with R (tests/ref/plot.R, values pasted below).
cp "$here/data/plot42.csv" .
"$plot" scatter -x sleep_hours -y pain --lag 1 plot42.csv > sc.gp
python3 - sc.gp <<'PY'
import re, sys
s = open(sys.argv[1]).read()
m = re.search(r"^\s+(\S+) \+ (\S+) \* x with lines", s, re.M)
a, b = float(m.group(1)), float(m.group(2))
ok = abs(a - 4.228448509) < 1e-8 and abs(b + 0.05849706414) < 1e-10
ok = ok and "Pearson r = -0.037 (95% CI -0.34 to 0.28), n = 40" in s
sys.exit(0 if ok else 1)
PY
say $? "scatter: least-squares line, r and CI as R's lm and cor.test"
"$plot" lags -x massage -y pain --lags -3..3 plot42.csv > lg.gp
python3 - lg.gp <<'PY'
import re, sys
# Rscript tests/ref/plot.R: lag, pearson r, lo, hi, spearman rho
R = """-3 0.01063393954 -0.3101036108 0.3291981876 -0.01184173031
-2 -0.1052256829 -0.4072227368 0.2175129049 -0.1334505018
-1 -0.03748050609 -0.3449622388 0.2772660707 0.01362111652
0 0.04506987027 -0.2662726483 0.3478964639 0.03925008042
1 -0.3690675597 -0.6104003985 -0.0650351743 -0.3675084065
2 -0.2233382009 -0.5033833334 0.09916684118 -0.209952166
3 0.06991704393 -0.255476548 0.3810826995 0.07995823935"""
s = open(sys.argv[1]).read()
def block(name):
    m = re.search(r"^\$" + name + r" << EOD\n(.*?)^EOD", s, re.M | re.S)
    return [list(map(float, l.split())) for l in m.group(1).splitlines()]
p, sp = block("L1_1"), block("L1_2")
bad = 0
for i, line in enumerate(R.splitlines()):
    v = list(map(float, line.split()))
    got = [p[i][0], p[i][1], p[i][2], p[i][3], sp[i][1]]
    for g, w in zip(got, v):
        if abs(g - w) > 1e-9 * max(1, abs(w)):
            print("# lag", v[0], "got", g, "want", w); bad = 1
sys.exit(bad)
PY
say $? "lags: r and CI by calendar lag as R's cor.test"

# profile and techniques (--window) draw ease-prepost's own numbers on the same diary
cp "$here/../examples/diary.csv" .
"$bin/ease-prepost" --event massage --value pain --profile --before 4 --after 5 --by technique diary.csv > pp.csv 2>/dev/null
"$plot" profile --before 4 --after 5 --by technique diary.csv > pf.gp 2>/dev/null
"$bin/ease-prepost" --event massage --value pain --by technique diary.csv > pt.csv 2>/dev/null
"$plot" techniques --window diary.csv > tq.gp 2>/dev/null
python3 - pp.csv pf.gp pt.csv tq.gp <<'PY'
import csv, math, re, sys
def blocks(f):
    s = open(f).read()
    return {m.group(1): [l.split() for l in m.group(2).splitlines()]
            for m in re.finditer(r"^\$(\w+) << EOD\n(.*?)^EOD", s, re.M | re.S)}
def same(a, b):
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return abs(a - b) <= 1e-5 * max(1, abs(b))
bad = 0
# profile: one block per group in ease-prepost's order, offset mean lo hi
rows = list(csv.DictReader(open(sys.argv[1])))
got = [r for k in sorted(blocks(sys.argv[2]), key=lambda k: int(k[1:])) for r in blocks(sys.argv[2])[k]]
if len(rows) != len(got) or len(rows) < 20:
    print("# profile rows", len(rows), len(got)); bad = 1
for want, g in zip(rows, got):
    w = [want["offset"], want["mean"] or "nan", want["ci_low"] or "nan", want["ci_high"] or "nan"]
    if not all(same(x, y) for x, y in zip(g, w)):
        print("# profile", want["group"], g, w); bad = 1
# techniques: a row each, best first, "all" last: diff ci_low ci_high
rows = list(csv.DictReader(open(sys.argv[3])))
got = blocks(sys.argv[4])["T"]
if len(rows) != len(got) or len(rows) < 3 or rows[-1]["group"] != "all":
    print("# technique rows", len(rows), len(got)); bad = 1
labels = re.search(r"set ytics \((.*)\) nomirror", open(sys.argv[4]).read()).group(1)
for i, (want, g) in enumerate(zip(rows, got)):
    w = [want["diff"], want["ci_low"], want["ci_high"], str(-0.3 * float(want["before_mean"]))]
    if not all(same(x, y) for x, y in zip(g[1:], w)) or int(g[0]) != i + 1:
        print("# technique", want["group"], g, w); bad = 1
    name = "all events" if want["group"] == "all" else want["group"]
    if '"%s (%s)" %d' % (name, want["n_before"], i + 1) not in labels:
        print("# label of", name); bad = 1
sys.exit(bad)
PY
say $? "profile and techniques: the numbers of ease-prepost on the same diary"

# Readable at the default size and a small one: no text leaves the canvas and
# none overlaps another (tests/plot/fits.py; --scale 1.25: as the PNG draws
# it), for the example diary with twelve techniques, some with long names.
python3 - diary.csv > long.csv <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
names = ["Swedish", "trigger point therapy on the upper trapezius and levator scapulae",
         "lumbar and hip", "myofascial release of the thoracolumbar fascia", "acupressure",
         "deep tissue", "hot stone massage with aromatherapy oils", "cupping", "Thai massage",
         "reflexology", "shiatsu", "sports massage"]
k = 0
for r in rows:
    if r["massage"] != "0" and r["technique"]:
        r["technique"] = names[k % len(names)]
        k += 1
w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0].keys()), lineterminator="\n")
w.writeheader()
w.writerows(rows)
PY
fits() {	# fits NAME ARGS...: the SVG at both sizes passes fits.py
	name=$1; shift
	for size in 800,500 480,320; do
		"$plot" "$@" --size $size -o fit.svg long.csv 2>/dev/null &&
		python3 "$here/plot/fits.py" --scale 1.25 fit.svg
		say $? "$name at $size: every text on the canvas, none over another"
	done
}
fits techniques techniques
fits relief relief
fits "trend --events" trend --events massage
fits "trend --smooth --y2" trend -f pain,sleep_hours --y2 stress --smooth 7
fits "trend, ten weeks" trend --since 2026-03-01 --until 2026-05-09
fits scatter scatter -x sleep_hours -y pain --lag 1
fits lags lags -x sleep_hours -y pain
fits calendar calendar
fits meds meds
fits "profile --by technique" profile --by technique

echo "1..$n"
[ "$failed" = 0 ]
