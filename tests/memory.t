#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# ease-check on a two-million-row day table within 64 MB of address space:
# duplicates and order are checked per subject with a bitmap of the days
# seen, not a copy of every row.  The table is made here (four subjects of
# 500,000 days, with repeated and misplaced dates at the end; the expected
# dates and line numbers are Python's datetime arithmetic).
# Then out of memory: a 100 MB cell within the same 64 MB ends ease-check and
# ease-select with exit 70 and a message naming the tool and the bytes, and
# leaves ease-select's old -o file as it was; so does a header of 3,000,000
# columns (ease's own allocation, where the cell is libcsv's).
here=$(cd "$(dirname "$0")" && pwd)
bin=${EASE_BIN:-$here/../bin}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "1..7"
# sanitizer builds reserve terabytes of shadow memory: no address-space limit
if ! (ulimit -v 65536 && "$bin/ease-check" --version) > /dev/null 2>&1; then
	echo "ok 1 # skip the build cannot run under ulimit -v 65536"
	echo "ok 2 # skip"
	echo "ok 3 # skip"
	echo "ok 4 # skip"
	echo "ok 5 # skip"
	echo "ok 6 # skip"
	echo "ok 7 # skip"
	exit 0
fi
LC_ALL=C awk 'BEGIN {
	print "subject,date,pain"
	for (s = 1; s <= 4; s++)
		for (i = 0; i < 500000; i++) {
			# civil date of day 20454 + i (2026-01-01 onwards)
			z = 20454 + i + 719468
			era = int(z / 146097)
			doe = z - era * 146097
			yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
			y = yoe + era * 400
			doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
			mp = int((5 * doy + 2) / 153)
			d = doy - int((153 * mp + 2) / 5) + 1
			m = mp < 10 ? mp + 3 : mp - 9
			if (m <= 2) y++
			printf "s%d,%04d-%02d-%02d,%d\n", s, y, m, d, (i * 7 + s) % 11
		}
	print "s4,3394-12-14,5"
	print "s4,2500-01-01,5"
	print "s4,2020-01-01,5"
}' > "$scratch/big.csv" || { echo "not ok 1 - generate the table"; exit 1; }
echo "ok 1 - generated 2,000,003 rows"
(ulimit -v 65536; cd "$scratch" && "$bin/ease-check" big.csv > out 2> err; echo $? > status)
cat > "$scratch/want" <<'WANT'
big.csv:2000002: date 3394-12-14 repeats the row of line 2000001 (for s4)
big.csv:2000003: date 2500-01-01 repeats an earlier row (for s4) and comes after 3394-12-14 of line 2000001 (rows are not in date order)
big.csv:2000004: date 2020-01-01 comes after 3394-12-14 of line 2000001 (rows are not in date order)
big.csv: 2000003 rows, day table, 4 subjects, 2020-01-01 to 3394-12-14, 2191 days without data, 3 problems
big.csv: hint: line 2000004: date 2020-01-01 is 2192 days (6 years) before the subject's other dates (2026-01-01 the nearest): a typo in the year? (the days between count as without data)
WANT
if [ "$(cat "$scratch/status")" = 1 ] && [ ! -s "$scratch/err" ]; then
	echo "ok 2 - exit 1 within 64 MB, nothing on stderr"
else
	echo "not ok 2 - exit $(cat "$scratch/status") within 64 MB"
	sed 's/^/# /' "$scratch/err"
fi
if cmp -s "$scratch/want" "$scratch/out"; then
	echo "ok 3 - the findings"
else
	echo "not ok 3 - the findings"
	diff "$scratch/want" "$scratch/out" | sed 's/^/# /'
fi

{ printf 'date,pain,note\n2026-03-01,5,'
  head -c 100000000 /dev/zero | tr '\0' x
  printf '\n2026-03-02,4,\n'; } > "$scratch/cell.csv"
rm -f "$scratch/big.csv"
printf 'old\n' > "$scratch/old.csv"
n=4
awk 'BEGIN { printf "date"; for (i = 0; i < 3000000; i++) printf ",c%d", i; printf "\n" }' \
	> "$scratch/wide.csv"
for run in "ease-check cell.csv" "ease-select -o old.csv cell.csv" "ease-check wide.csv"; do
	(ulimit -v 65536; cd "$scratch" && "$bin"/$run > out 2> err; echo $? > status)
	name=${run%% *}
	if [ "$(cat "$scratch/status")" = 70 ] && [ ! -s "$scratch/out" ] &&
	   grep -Eqx "$name: out of memory: could not get a block of [0-9]+ bytes \([0-9]+\.[0-9] MiB\); free memory or raise the limit \(ulimit -v\)" "$scratch/err"; then
		echo "ok $n - $run: out of memory is exit 70, with the tool and the bytes"
	else
		echo "not ok $n - $run: out of memory: exit $(cat "$scratch/status")"
		sed 's/^/# /' "$scratch/err"
	fi
	n=$((n + 1))
done
if [ "$(cat "$scratch/old.csv")" = old ]; then
	echo "ok $n - the old -o file is kept"
else
	echo "not ok $n - the old -o file was replaced"
fi
