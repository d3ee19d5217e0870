#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: ease against a raw libcsv parse, GNU datamash and Miller, on one
# generated 2-million-row day table, in one run.  Prints ratios; fails on none.
# Each tool's comparisons live in tests/bench/TOOL.sh and use bench_run/ratio
# (ease-relief is timed against ease-smooth in tests/bench/relief.sh).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
data="$top/tests/bench/data"
mkdir -p "$data"
day="$data/day2m.csv"
BIN="$top/bin"
export PATH="$BIN:$PATH" LC_ALL=C

missing=""
for c in datamash mlr /usr/bin/time; do command -v "$c" >/dev/null 2>&1 || missing="$missing $c"; done
if [ -n "$missing" ]; then
	echo "bench: missing$missing; install with: apt-get install datamash miller time" >&2
	exit 1
fi

cc -O2 -o "$data/rawparse" "$top/tests/bench/rawparse.c" -lcsv || exit 1

if [ ! -s "$day" ]; then
	echo "bench: generating $day (2,000,000 days)..."
	t0=$(date +%s.%N)
	if [ -x "$BIN/ease-simulate" ]; then
		ease-simulate --days 2000000 --start 1900-01-01 --seed 1 > "$day.tmp" && mv "$day.tmp" "$day"
	else
		awk 'BEGIN {
			srand(1); split("swedish deep_tissue trigger_point myofascial", T, " ");
			print "date,pain,sleep_hours,massage,technique,massage_min,meds_doses,med_ibuprofen_mg,stress";
			for (i = 0; i < 2000000; i++) {
				# dates from 1900-01-01, by days since the epoch (civil algorithm)
				z = i - 25567 + 719468; era = int((z >= 0 ? z : z - 146096) / 146097);
				doe = z - era * 146097; yoe = int((doe - int(doe/1460) + int(doe/36524) - int(doe/146096)) / 365);
				y = yoe + era * 400; doy = doe - (365*yoe + int(yoe/4) - int(yoe/100));
				mp = int((5*doy + 2)/153); d = doy - int((153*mp+2)/5) + 1; m = mp < 10 ? mp+3 : mp-9; y += (m <= 2);
				p = int(3 + 4 * rand()); s = 5 + int(40 * rand()) / 10; ms = rand() < 0.2;
				printf "%04d-%02d-%02d,%d,%.1f,%d,%s,%s,%d,%d,%d\n", y, m, d, p, s, ms,
					ms ? T[1 + int(4 * rand())] : "", (ms ? 60 : 0), (p > 5), (p > 5 ? 400 : 0), int(10 * rand());
			}
		}' > "$day.tmp" && mv "$day.tmp" "$day"
	fi
	t1=$(date +%s.%N)
	echo "bench: generated in $(echo "$t1 - $t0" | bc 2>/dev/null || echo '?') s"
fi

# bench_run NAME CMD...: best of 3 wall-clock seconds into $T, peak KiB into $M.
bench_run() {
	name=$1; shift
	best=""; mem=0
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$data/time.out" "$@" > /dev/null 2> "$data/err.out" || {
			echo "bench: $name failed: $(head -3 "$data/err.out")" >&2; T=NaN; M=0; return 1; }
		read -r t m < "$data/time.out"
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
		[ "$m" -gt "$mem" ] && mem=$m
	done
	T=$best; M=$mem
	printf '  %-44s %7.2f s  %7.1f MB\n' "$name" "$T" "$(echo "$M / 1024" | bc -l)"
}

# bench_pair NAME A B: A and B (shell commands, output discarded) run
# alternately $PAIRS times (at least 5); the median of the pairs' time ratios
# A / B into $R, A's peak KiB into $M.  A loaded machine slows both runs of a
# pair alike, so the ratio holds where the seconds would not.
PAIRS=${PAIRS:-5}
[ "$PAIRS" -ge 5 ] 2>/dev/null || PAIRS=5
bench_pair() {
	name=$1; a=$2; b=$3; rs=""; mem=0
	for i in $(seq "$PAIRS"); do
		for side in a b; do
			if [ $side = a ]; then c=$a; else c=$b; fi
			/usr/bin/time -f "%e %M" -o "$data/time.out" sh -c "$c" > /dev/null 2> "$data/err.out" || {
				echo "bench: $name failed: $(head -3 "$data/err.out")" >&2; R=NaN; M=0; return 1; }
			read -r t m < "$data/time.out"
			if [ $side = a ]; then ta=$t; [ "$m" -gt "$mem" ] && mem=$m; else tb=$t; fi
		done
		rs="$rs $(echo "scale=4; $ta / ($tb + 0.001)" | bc -l)"
	done
	R=$(printf '%s\n' $rs | sort -n | awk '{ v[NR] = $1 } END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
	M=$mem
	printf '  %-56s %6sx  (median of %d pairs; %s MB)\n' "$name" "$R" "$PAIRS" "$(echo "$M / 1024" | bc)"
}

# ratio A B: A / B to two decimals
ratio() { echo "scale=2; $1 / ($2 + 0.001)" | bc -l | sed "s/^\./0./"; }

# the first million rows, for the linearity rows (time at 2e6 <= 2.2x time at 1e6)
day1m="$data/day1m.csv"
[ -s "$day1m" ] || head -n 1000001 "$day" > "$day1m"

echo "bench: $(wc -l < "$day") lines, $(du -h "$day" | cut -f1); best of 3 runs each; pairs: medians of $PAIRS"
# EASE_BENCH=daily,report: only those tools' parts
for part in "$top"/tests/bench/*.sh; do
	t=${part##*/}
	case ",${EASE_BENCH:-${t%.sh}}," in *",${t%.sh},"*) ;; *) continue ;; esac
	[ -f "$part" ] && . "$part"
done
