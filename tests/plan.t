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
