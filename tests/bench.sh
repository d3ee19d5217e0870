#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# make bench: every tool against the parse floor (libcsv counting the fields
# of the same input, tests/bench/rawparse.c) and against GNU datamash and
# Miller where they do the same job, on one generated day table of
# BENCH_ROWS rows (2,000,000; BENCH_QUICK=1: 200,000).  Prints ratios only,
# as a table; never fails.
#
# Every ratio is the median, over PAIRS (at least 5) pairs, of one ease run
# divided by the run of its peer right after it: a loaded machine slows both
# runs of a pair alike, so the ratio holds where the seconds would not.  The
# runs are timed in CPU seconds (user + system, of the command and all it
# waits for); BENCH_CLOCK=wall times them by the wall clock instead.
#
# Per tool: x floor; linear (the table against its first half: time at 2e6
# rows / time at 1e6, target <= 2.2); 64 MB (runs under `ulimit -v 65536`
# on the whole table: yes or no); peak (the largest resident set of its
# runs).  Each tool's rows are in tests/bench/TOOL.sh (EASE_BENCH=check,corr:
# only those).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
data="$top/tests/bench/data"
mkdir -p "$data"
BIN="$top/bin"
export PATH="$BIN:$PATH" LC_ALL=C

if [ "${BENCH_QUICK:-0}" = 1 ]; then
	N=${BENCH_ROWS:-200000}
else
	N=${BENCH_ROWS:-2000000}
fi
case $N in '' | *[!0-9]*) echo "bench: BENCH_ROWS=$N is not a number of rows; using 2000000" >&2; N=2000000 ;; esac
[ "$N" -ge 1000 ] || N=1000
HALF=$((N / 2))
PAIRS=${PAIRS:-5}
[ "$PAIRS" -ge 5 ] 2>/dev/null || PAIRS=5
CLOCK=${BENCH_CLOCK:-cpu}
[ "$CLOCK" = wall ] || CLOCK=cpu
# a run longer than this (wall clock) is stopped, and its tool's row says so
TIMEOUT=${BENCH_TIMEOUT:-120}
[ "$TIMEOUT" -ge 1 ] 2>/dev/null || TIMEOUT=120

for prog in rawparse runtime; do
	extra=""
	[ $prog = rawparse ] && extra=-lcsv
	if ! cc -O2 -o "$data/$prog" "$top/tests/bench/$prog.c" $extra; then
		echo "bench: cannot build tests/bench/$prog.c (apt-get install gcc libcsv-dev): nothing measured"
		exit 0
	fi
done
have_datamash=0; command -v datamash > /dev/null 2>&1 && have_datamash=1
have_mlr=0; command -v mlr > /dev/null 2>&1 && have_mlr=1
[ $have_datamash = 1 ] || echo "bench: datamash is not installed (apt-get install datamash): its rows are skipped"
[ $have_mlr = 1 ] || echo "bench: mlr is not installed (apt-get install miller): its rows are skipped"
if [ ! -x "$BIN/ease-simulate" ]; then
	echo "bench: bin/ease-simulate is missing: run make first"
	exit 0
fi

# rows NAME: the first half of the day table (the linearity rows' input), made once
day="$data/day$N.csv"
dayhalf="$data/day$HALF.csv"
if [ ! -s "$day" ]; then
	echo "bench: generating the $N-day table..." >&2
	ease-simulate --days "$N" --start 1900-01-01 --seed 1 > "$day.tmp" && mv "$day.tmp" "$day"
fi
[ -s "$dayhalf" ] || head -n $((HALF + 1)) "$day" > "$dayhalf"

# run1 CMD FILE [KIB]: one run of the shell command CMD, its input FILE as
# $1, under an address-space limit of KIB when given, stopped after TIMEOUT
# seconds.  Sets RT (µs of CPU or of the wall clock), RM (peak KiB) and RS
# (exit status; 999: stopped); returns 1 unless the status is 0 or 1 (1: a
# finding, as ease-check and ease-alert say).
run1() {
	if [ -n "${3:-}" ]; then
		set -- "$1" "$2" -t "$TIMEOUT" -v "$3"
	else
		set -- "$1" "$2" -t "$TIMEOUT"
	fi
	r1_cmd=$1; r1_file=$2; shift 2
	read -r cpu wall RM RS <<-EOF
	$("$data/runtime" "$@" sh -c "$r1_cmd" sh "$r1_file" 2> "$data/err.out")
	EOF
	if [ "$CLOCK" = wall ]; then RT=$wall; else RT=$cpu; fi
	[ "${RS:-127}" -le 1 ]
}

# failed: why the last run failed (the last line it wrote to standard error)
failed() {
	if [ "${RS:-0}" = 999 ]; then
		echo "stopped after $TIMEOUT s"
	else
		tail -1 "$data/err.out" | cut -c1-60
	fi
}

# pair A FA B FB: A (input FA) and B (input FB) alternately PAIRS times; the
# median of the ratios A/B into R ("failed" when a run did), A's peak KiB
# into PEAK.
pair() {
	rs=""; PEAK=0
	pi=0
	while [ $pi -lt "$PAIRS" ]; do
		run1 "$1" "$2" || { R="failed: $(failed)"; echo "bench: '$1' $2: status $RS: $(failed)" >&2; return 1; }
		ta=$RT
		[ "$RM" -gt "$PEAK" ] && PEAK=$RM
		run1 "$3" "$4" || { R="failed: $(failed)"; echo "bench: '$3' $4: status $RS: $(failed)" >&2; return 1; }
		rs="$rs $(awk -v a="$ta" -v b="$RT" 'BEGIN { printf "%.4f", a / (b > 0 ? b : 1) }')"
		pi=$((pi + 1))
	done
	R=$(printf '%s\n' $rs | sort -n | awk '{ v[NR] = $1 }
		END { printf "%.2f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
}

# met R TARGET: "yes" when the ratio R is at most TARGET
met() {
	case $1 in failed*) echo "-"; return ;; esac
	awk -v r="$1" -v t="$2" 'BEGIN { print (r <= t ? "yes" : "no") }'
}

mb() { awk -v k="$1" 'BEGIN { printf (k < 10240 ? "%.1f MB" : "%.0f MB"), k / 1024 }'; }

# tool NAME CMD FILE HALF TARGET [PEERS]: one row of the table.  CMD reads
# its input as "$1"; FILE is the whole input, HALF its first half; TARGET
# the bound on x floor.  PEERS: the cell of peer ratios, filled by peer().
tool() {
	name=$1; cmd=$2; f=$3; fh=$4; target=$5
	echo "bench: $name..." >&2
	if ! pair "$cmd" "$f" "'$data/rawparse' \"\$1\"" "$f" && [ "$RS" = 999 ]; then
		# no use waiting for the other rows
		printf '| %s | %s | - | - | - | %s |\n' "$name" "$R" "${PEERS:--}"
		PEERS=""
		return
	fi
	rf=$R; peak=$PEAK
	pair "$cmd" "$f" "$cmd" "$fh"; rl=$R
	[ "$PEAK" -gt "$peak" ] && peak=$PEAK
	if run1 "$cmd" "$f" 65536; then
		lim=yes
	else
		lim="no ($(failed))"
	fi
	case $rf in failed*) fcell=$rf ;; *) fcell="${rf}x (<= $target: $(met "$rf" "$target"))" ;; esac
	case $rl in failed*) lcell=$rl ;; *) lcell="$rl ($(met "$rl" 2.2))" ;; esac
	printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$fcell" "$lcell" "$lim" \
		"$(mb "$peak")" "${PEERS:--}"
	PEERS=""
}

# peer LABEL ECMD PCMD FILE TARGET: ease (ECMD) against a peer doing the
# same job (PCMD) on FILE, appended to PEERS for the next tool() row.
PEERS=""
peer() {
	echo "bench: $1..." >&2
	pair "$2" "$4" "$3" "$4"
	case $R in
	failed*) cell="$1: $R" ;;
	*) cell="$1 ${R}x (<= $5: $(met "$R" "$5"))" ;;
	esac
	PEERS="${PEERS:+$PEERS; }$cell"
}

cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //')
echo "bench: $N rows ($(du -h "$day" | cut -f1)), $(nproc 2>/dev/null || echo '?') cores${cpu:+ ($cpu)}, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "bench: medians of $PAIRS alternating pairs, $CLOCK time; x floor: ease / libcsv counting the fields of the same input;"
echo "bench: linear: time at $N rows / at $HALF; 64 MB: runs under ulimit -v 65536; peers: ease / the peer (below 1: ease is faster);"
echo "bench: a run is stopped after $TIMEOUT s (BENCH_TIMEOUT)"
echo
echo "| tool | x floor | linear | 64 MB | peak | against peers |"
echo "|---|---|---|---|---|---|"
t0=$(date +%s)
# EASE_BENCH=daily,report: only those tools' parts
for part in "$top"/tests/bench/*.sh; do
	t=${part##*/}
	[ "$t" = seconds.sh ] && continue
	case ",${EASE_BENCH:-${t%.sh}}," in *",${t%.sh},"*) ;; *) continue ;; esac
	[ -f "$part" ] && . "$part"
done

# Seconds a user waits, where a target is in seconds (not ratios: the wall
# clock, medians of PAIRS runs, on a loaded machine only a rough guide).
# EASE_BENCH=seconds: only these.
case ",${EASE_BENCH:-seconds}," in *,seconds,*) . "$top/tests/bench/seconds.sh" ;; esac
echo
echo "bench: $(($(date +%s) - t0)) s"
exit 0
