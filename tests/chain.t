#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The chain reads what it writes: every input ease-import accepts makes an
# event log that ease-daily reads.  Inputs: every import fixture
# (tests/data/import), every input of the import cases (tests/cases/import),
# each of their data lines alone under the header (as the cases that cut a
# file into lines do), and mutants of the fixtures made deterministically
# (a fixed seed: the same mutants on every run), as the tools' fuzzer makes
# them.  Each goes through ease-import with several option sets; whenever
# ease-import exits 0, ease-daily must exit 0 on its output.
# EASE_BIN is the folder of the tools under test; EASE_CHAIN_KEEP=DIR keeps
# the inputs of every failing chain there; EASE_CHAIN_CORPUS=DIR adds every
# file of DIR as an input (a fuzzer's corpus, such as build/fuzz/corpus after
# make fuzz); EASE_CHAIN_MUTANTS=N makes N mutants (default 400).
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PATH="$bin:$PATH" LC_ALL=C TZ=UTC
mutants=${EASE_CHAIN_MUTANTS:-400}
n=0 failed=0 chains=0 empty=0 conflicts=0 kept=0

# The option sets every input is imported with.
optsets='
--tz Europe/Berlin
--tz America/New_York
--tz UTC
--skip-bad --tz Europe/Berlin
--skip-bad
--date-format %d-%m-%Y
--date-format %d/%m/%y'

# chain FILE OPTS...: 0 when ease-import fails or ease-daily reads its log.
# Read means: exit 0; or, for a log whose records contradict each other (two
# measures of one night that disagree, one drug in two units: messages that
# name both records), exit 65 with that message and every record read alone.
# A log of only a header (every record skipped) is no table to ease-daily,
# as to every tool: it must say so, exit 65.
chain() {
	f=$1
	shift
	ease-import "$@" "$f" > "$work/log.csv" 2> /dev/null || return 0
	chains=$((chains + 1))
	ease-daily "$work/log.csv" > /dev/null 2> "$work/daily.err"
	st=$?
	[ "$st" -eq 0 ] && return 0
	if [ "$st" -eq 65 ] && [ "$(wc -l < "$work/log.csv")" -eq 1 ] &&
	    grep -q 'no data rows, only a header$' "$work/daily.err"; then
		empty=$((empty + 1))
		return 0
	fi
	if [ "$st" -eq 65 ] && grep -q -e 'disagrees with .* (use --prefer first or --prefer last)$' \
	    -e 'cannot be added to the .* (one unit per drug' "$work/daily.err" &&
	    one_by_one "$work/log.csv"; then
		conflicts=$((conflicts + 1))
		return 0
	fi
	echo "# ease-import $* $f | ease-daily: exit $st"
	sed 's/^/#   /' "$work/daily.err" | head -5
	if [ -n "$EASE_CHAIN_KEEP" ]; then
		mkdir -p "$EASE_CHAIN_KEEP"
		kept=$((kept + 1))
		cp "$f" "$EASE_CHAIN_KEEP/input$kept.csv"
		echo "ease-import $* input$kept.csv | ease-daily" > "$EASE_CHAIN_KEEP/input$kept.cmd"
	fi
	return 1
}

# one_by_one LOG: every record of LOG alone under its header is read
one_by_one() {
	rm -rf "$work/one"
	mkdir "$work/one"
	python3 - "$1" "$work/one" <<-'PY' || return 1
	import csv, sys
	rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8", errors="surrogateescape")))
	for i, r in enumerate(rows[1:]):
	    with open("%s/%05d.csv" % (sys.argv[2], i), "w", newline="", encoding="utf-8",
	              errors="surrogateescape") as f:
	        csv.writer(f, lineterminator="\n").writerows([rows[0], r])
	PY
	for r in "$work"/one/*.csv; do
		ease-daily "$r" > /dev/null 2>&1 || { echo "# record alone refused: $(tail -1 "$r")"; return 1; }
	done
	return 0
}

# every option set on one input: one TAP line
all_sets() {
	name=$1 f=$2 bad=0
	n=$((n + 1))
	before=$chains
	while IFS= read -r opts; do
		# shellcheck disable=SC2086  # the options are words
		chain "$f" $opts || bad=$((bad + 1))
	done <<-EOF
	$optsets
	EOF
	if [ "$bad" -eq 0 ]; then
		echo "ok $n - $name: $((chains - before)) imports, each read by ease-daily"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: $bad of $((chains - before)) imports refused by ease-daily"
	fi
}

# each data line under the header (lines 1 and N; N-1 and N for the
# exports that repeat their header above every record)
lines() {
	name=$1 f=$2 bad=0 tried=0
	n=$((n + 1))
	before=$chains
	total=$(wc -l < "$f")
	i=2
	while [ "$i" -le "$total" ] && [ "$i" -le 60 ]; do
		sed -n "1p;${i}p" "$f" > "$work/line.csv"
		chain "$work/line.csv" --skip-bad --tz Europe/Berlin || bad=$((bad + 1))
		chain "$work/line.csv" --tz UTC || bad=$((bad + 1))
		sed -n "$((i - 1))p;${i}p" "$f" > "$work/line.csv"
		chain "$work/line.csv" --tz Europe/Berlin || bad=$((bad + 1))
		i=$((i + 1))
	done
	if [ "$bad" -eq 0 ]; then
		echo "ok $n - $name, line by line: $((chains - before)) imports, each read by ease-daily"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name, line by line: $bad refused by ease-daily"
	fi
}

inputs=$work/inputs
mkdir "$inputs"
for f in "$here"/data/import/*.csv; do
	cp "$f" "$inputs/data-${f##*/}"
done
for d in "$here"/cases/import/*/; do
	c=${d%/}
	c=${c##*/}
	for f in "$d"*; do
		case ${f##*/} in
		cmd|out|err|status|env) continue ;;
		esac
		[ -f "$f" ] && cp "$f" "$inputs/case-$c-${f##*/}"
	done
done

if [ -n "$EASE_CHAIN_CORPUS" ]; then
	for f in "$EASE_CHAIN_CORPUS"/*; do
		[ -f "$f" ] && cp "$f" "$inputs/corpus-${f##*/}"
	done
fi
for f in "$inputs"/*; do
	all_sets "${f##*/}" "$f"
	lines "${f##*/}" "$f"
done

# Mutants, by the fuzzer's operations (tests/fuzz/cli.py), from a fixed seed.
mkdir "$work/mutants"
python3 - "$work/mutants" "$mutants" "$inputs"/data-*.csv <<'PY'
import os, random, sys

out, count, seeds = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
random.seed(18)
data = [open(f, "rb").read() for f in seeds]
alphabet = b',;"\n\r\t 0123456789.-:NAna|T\x00\xef\xbb\xbf'
tokens = [b"#tag", b"12:00:00 AM", b"11:59PM", b"27. 11. 2020 7:38", b"22nd Sep 2020",
          b"1606459080000", b"Id,Tz,From,To,Sched,Hours,Rating,Comment\n", b"79%", b"1,005",
          b"2026-02-30", b"2028-02-29", b"11", b"-1", b"NA", b'"', b"\n\n", b"1e308",
          b"9999-12-31", b"0000-01-01", b"\r", b"subject", b",,,,", b"0", b"24", b"23:59",
          b"0:00", b"Asleep 23:15 - 06:45.", b"In bed 01:50 - 12:45.", b"Synced from Google Fit",
          b"(Mild)", b"Back (lower) pain", b"5.70", b"7.419", b"4.0"]
for k in range(count):
    d = bytearray(data[k % len(data)])
    for _ in range(random.randint(1, 4)):
        if not d:
            d = bytearray(b"date,pain\n")
        i = random.randrange(len(d))
        op = random.random()
        if op < 0.3:
            d[i] = random.choice(alphabet)
        elif op < 0.5:
            del d[i:i + random.randint(1, 10)]
        elif op < 0.7:
            d[i:i] = bytes(random.choice(alphabet) for _ in range(random.randint(1, 5)))
        elif op < 0.85:
            j = random.randrange(len(d))
            d[i:i] = d[j:j + random.randint(1, 40)]
        else:
            d[i:i] = random.choice(tokens)
    name = os.path.basename(seeds[k % len(seeds)])
    open(os.path.join(out, "%04d-%s" % (k, name)), "wb").write(bytes(d))
PY
n=$((n + 1))
bad=0 before=$chains
for f in "$work"/mutants/*; do
	chain "$f" --tz Europe/Berlin || bad=$((bad + 1))
	chain "$f" --skip-bad || bad=$((bad + 1))
done
if [ "$bad" -eq 0 ]; then
	echo "ok $n - $mutants mutants: $((chains - before)) imports, each read by ease-daily"
else
	failed=$((failed + 1))
	echo "not ok $n - $mutants mutants: $bad imports refused by ease-daily"
fi

# not vacuous: most inputs must import
n=$((n + 1))
if [ "$chains" -ge 500 ]; then
	echo "ok $n - $chains chains in all ($empty logs of only a header, $conflicts of records that contradict each other, each record read alone)"
else
	failed=$((failed + 1))
	echo "not ok $n - only $chains chains in all (expected at least 500)"
fi
echo "1..$n"
[ "$failed" -eq 0 ]
