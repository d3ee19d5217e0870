#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Line coverage of a COVERAGE=1 build (make coverage) after the suite ran:
# one line per source file of lib/ and bin/, "file  NN.N%  (executed/lines)",
# lowest first, then the total over all of them.
# usage: sh tests/coverage.sh BUILD-DIR
out=${1:-build/cov}
command -v gcov > /dev/null || { echo "coverage.sh: gcov is not installed" >&2; exit 1; }
[ -d "$out/obj" ] || { echo "coverage.sh: no coverage build in $out (make coverage)" >&2; exit 1; }
{
	for f in lib/*.c; do
		gcov -n -o "$out/obj" "$f" 2> /dev/null
	done
	for f in bin/ease*.c; do
		t=${f#bin/}; t=${t%.c}
		[ -f "$out/bin/$t-$t.gcno" ] && gcov -n -o "$out/bin/$t-$t.gcda" "$f" 2> /dev/null
	done
} | awk '
/^File / { f = $2; gsub(/\047/, "", f); want = (f ~ /^(lib|bin)\//) && !(f in seen); next }
want && /^Lines executed:/ {
	split($0, a, /[:% ]+/); pct = a[3]; n = $NF
	hit = int(pct * n / 100 + 0.5)
	seen[f] = 1; H += hit; N += n
	printf "%-24s %5.1f%%  (%d/%d)\n", f, pct, hit, n
	want = 0
}
END {
	if (N == 0) { print "coverage.sh: no counters (did the suite run on the coverage build?)" > "/dev/stderr"; exit 1 }
	printf "%-24s %5.1f%%  (%d/%d)\n", "total", 100 * H / N, H, N
}' | sort -k2 -n | awk '/^total/ { t = $0; next } { print } END { print t }'
