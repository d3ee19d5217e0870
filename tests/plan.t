#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ease-plan's calendar as a calendar program reads it: every --format ics
# file parses with python3-icalendar, holds one event per row of the CSV
# schedule of the same seed (same date, same arm), unique UIDs, and keeps
# RFC 5545's lines: CRLF ends, at most 75 octets, folds never inside a UTF-8
# character.  The same seed gives the same bytes.
LC_ALL=C TZ=UTC; export LC_ALL TZ
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
py=/usr/bin/python3
if ! "$py" -c 'import icalendar' 2> /dev/null; then
	echo "1..0 # SKIP python3-icalendar is not installed (sh tests/deps.sh install)"
	exit 0
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
n=0 failed=0
say() {	# say OK NAME
	n=$((n + 1))
	if [ "$1" = 0 ]; then echo "ok $n - $2"; else failed=$((failed + 1)); echo "not ok $n - $2"; fi
}
long="Tuina à la maison, très longue séance de massage — acupression et étirements 😀"
i=0
for args in "--arms deep tissue,Swedish --blocks 6" \
	"--arms none,massage --unit week --every 3 --blocks 4 --max-run 1" \
	"--arms a;b,c\\d,e --unit session --every 4 --blocks 3" \
	"--arms $long,x --blocks 2"; do
	i=$((i + 1))
	# word splitting keeps the arm list whole: it is the second word up to --blocks/--unit
	list=$(printf '%s' "$args" | sed 's/^--arms \(.*\) --\(blocks\|unit\).*$/\1/')
	rest=$(printf '%s' "$args" | sed 's/^--arms .* \(--\(blocks\|unit\).*\)$/\1/')
	"$bin/ease-plan" --arms "$list" $rest --start 2027-01-04 --seed 11 > "$scratch/p$i.csv" 2> /dev/null
	"$bin/ease-plan" --arms "$list" $rest --start 2027-01-04 --seed 11 --format ics -o "$scratch/p$i.ics" 2> /dev/null
	"$bin/ease-plan" --arms "$list" $rest --start 2027-01-04 --seed 11 --format ics > "$scratch/q$i.ics" 2> /dev/null
	cmp -s "$scratch/p$i.ics" "$scratch/q$i.ics"
	say $? "design $i: the same seed, the same calendar"
	"$py" - "$scratch/p$i.csv" "$scratch/p$i.ics" <<'PY'
import csv, sys, icalendar
rows = [r for r in csv.reader(l for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#"))][1:]
raw = open(sys.argv[2], "rb").read()
lines = raw.split(b"\r\n")
assert lines[-1] == b"", "the file ends in CRLF"
for l in lines[:-1]:
    assert b"\n" not in l and b"\r" not in l, "a bare LF or CR"
    assert len(l) <= 75, "a line of %d octets" % len(l)
    l.decode("utf-8")  # a fold inside a character would not decode
cal = icalendar.Calendar.from_ical(raw)
assert str(cal["VERSION"]) == "2.0" and "PRODID" in cal
ev = [c for c in cal.walk("VEVENT")]
assert len(ev) == len(rows), "%d events, %d rows" % (len(ev), len(rows))
uids = set()
for e, r in zip(ev, rows):
    assert "DTSTAMP" in e and "UID" in e
    uids.add(str(e["UID"]))
    assert e.decoded("DTSTART").isoformat() == r[0], (e.decoded("DTSTART"), r[0])
    want = "Trial: " + r[1] + (" (no session)" if r[1].lower() == "none" else "")
    assert str(e["SUMMARY"]) == want, (str(e["SUMMARY"]), r[1])
assert len(uids) == len(ev), "UIDs repeat"
PY
	say $? "design $i: python3-icalendar reads the calendar, one event per session, as in the CSV"
done
# ease-plan --power: the power rises with the blocks and with the effect, and
# agrees with an independent estimate (tests/ref/plan_power.py: the same AR(1)
# model, the randomization test by enumeration) within Monte Carlo error.
"$bin/ease-plan" --arms a,b --power --diary "$here/data/plot42.csv" --effect 1.5 \
	--trials 2000 --format csv > "$scratch/pw.csv" 2> /dev/null
"$bin/ease-plan" --arms a,b --power --diary "$here/data/plot42.csv" --effect 3 \
	--trials 2000 --format csv > "$scratch/pw3.csv" 2> /dev/null
awk -F, 'NR > 1 { p[$1] = $4 } END { exit !(p[6] > 0.2 && p[7] > p[6] && p[9] > p[7] && p[9] >= 0.8) }' "$scratch/pw.csv"
say $? "--power: the power rises with the blocks (6, 7, 9 blocks: $(awk -F, '$1 ~ /^[679]$/ { printf "%s ", $4 }' "$scratch/pw.csv"))"
a=$(awk -F, '$1 == 6 { print $4 }' "$scratch/pw.csv") b=$(awk -F, '$1 == 6 { print $4 }' "$scratch/pw3.csv")
awk -v a="$a" -v b="$b" 'BEGIN { exit !(b > a) }'
say $? "--power: the power rises with the effect (6 blocks: $a for 1.5 points, $b for 3)"
"$py" "$here/ref/plan_power.py" "$here/data/plot42.csv" 1.5 2000 3 6 7 8 > "$scratch/ref.txt"
awk 'NR == FNR { if ($1 !~ /^#/) r[$1] = $2; next }
	FNR > 1 && ($1 in r) { split($0, f, ","); p = f[4]; q = r[$1]; m = (p + q) / 2
		se = sqrt(m * (1 - m) * 2 / 2000); if ((p - q) ^ 2 > (3.5 * se) ^ 2) bad = 1; n++ }
	END { exit bad || n != 3 }' "$scratch/ref.txt" FS=, "$scratch/pw.csv"
say $? "--power: within 3.5 standard errors of tests/ref/plan_power.py at 6, 7, 8 blocks ($(tr '\n' ' ' < "$scratch/ref.txt"))"
# The randomization test's size on diaries that follow a schedule and have no
# effect: p < 0.05 in no more than 5 % of 100 trials (a short form of
# tests/calibrate-plan.sh; the seeds are fixed, so the count is too).
fp=0 s=1
cd "$scratch" || exit 1
while [ $s -le 100 ]; do
	"$bin/ease-plan" --arms 'deep tissue,Swedish' --blocks 6 --start 2027-01-04 --seed $s > p.csv 2> /dev/null
	"$bin/ease-simulate" --plan p.csv --days 84 --start 2027-01-04 --seed $s \
		--effect 'deep tissue=0' --effect 'Swedish=0' > d.csv
	"$bin/ease-prepost" --plan p.csv d.csv 2> /dev/null |
		awk -F, 'NR == 2 && $6 < 0.05 { f = 1 } END { exit !f }' && fp=$((fp + 1))
	s=$((s + 1))
done
[ "$fp" -le 5 ]
say $? "no effect: p < 0.05 in $fp of 100 simulated trials (at most 5)"
echo "1..$n"
[ "$failed" = 0 ]
