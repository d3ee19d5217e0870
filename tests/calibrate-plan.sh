#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Calibration of ease-prepost --plan: randomized trials drawn by ease-plan
# (deep tissue against Swedish, a week each, BLOCKS blocks), diaries that
# follow them from ease-simulate --plan, analysed by the randomization test.
# Under no effect (--effect 0 for both) the share of p < 0.05 must stay at or
# below 5 %; with deep tissue relieving 2 points the day after (half-life 3
# days, about 0.9 points on a week's mean) the share is the power.  Prints
# each with its Wilson 95 % interval.
# usage: calibrate-plan.sh [NULL-TRIALS [PLANTED-TRIALS [BLOCKS...]]]
bin=${EASE_BIN:-$(cd "$(dirname "$0")/.." && pwd)/bin}
nnull=${1:-500}
nplant=${2:-200}
shift 2 2> /dev/null
blocks=${*:-6 12}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1

share() {	# share EFFECT N BLOCKS: trials with p < 0.05
	hits=0
	s=1
	while [ "$s" -le "$2" ]; do
		"$bin/ease-plan" --arms 'deep tissue,Swedish' --blocks "$3" --start 2027-01-04 \
			--seed "$s" > p.csv 2> /dev/null
		"$bin/ease-simulate" --plan p.csv --days $(($3 * 14)) --start 2027-01-04 --seed "$s" \
			--effect "deep tissue=$1" --effect 'Swedish=0' > d.csv
		"$bin/ease-prepost" --plan p.csv d.csv 2> /dev/null |
			awk -F, 'NR == 2 && $6 < 0.05 { found = 1 } END { exit !found }' && hits=$((hits + 1))
		s=$((s + 1))
	done
	echo "$hits"
}

wilson() {	# wilson HITS N
	awk -v x="$1" -v n="$2" 'BEGIN {
		z = 1.959964; p = x / n; d = 1 + z * z / n
		c = (p + z * z / (2 * n)) / d; h = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
		printf "%5.1f %%  (%.1f to %.1f)", 100 * p, 100 * (c - h), 100 * (c + h)
	}'
}

printf '%-8s %-26s %-30s %s\n' blocks "false positives (no effect)" "power (2 points, half-life 3)" trials
for b in $blocks; do
	fp=$(share 0 "$nnull" "$b")
	pw=$(share 2:3 "$nplant" "$b")
	printf '%-8s %-26s %-30s %s\n' "$b" "$(wilson "$fp" "$nnull")" "$(wilson "$pw" "$nplant")" "$nnull / $nplant"
done
